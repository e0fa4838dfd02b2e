package uk.gov.inspectorates.portal.web.content;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DownloadHeadRequestsTest {

    private static final String ID = "0123456789abcdef0123456789abcdef";
    private static final String LID = "fedcba9876543210fedcba9876543210";
    private static final String DID = LID;

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/reports/" + ID + "/content",
            "/api/v1/reports/" + ID + "/letters/" + LID + "/content",
            "/api/v1/advance-letters/" + LID + "/content",
            "/reports/" + ID + "/content",
            "/reports/" + ID + "/view",
            "/reports/" + ID + "/letters/" + LID + "/content",
            "/reports/ahead/" + LID + "/content"})
    void everyAddressThatServesAStampedCopyIsCovered(String path) {
        assertTrue(DownloadHeadRequests.isStampedCopy(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/reports/" + ID,
            "/api/v1/reports",
            "/reports/" + ID,
            "/reports/" + ID + "/letters",
            "/reports/ahead/new",
            "/api/v1/documents/" + ID + "/content",
            "/api/v1/inspections/" + ID + "/findings-letter/documents/" + LID + "/content"})
    void pagesAndUnstampedDocumentsAreLeftAlone(String path) {
        assertFalse(DownloadHeadRequests.isStampedCopy(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/documents/" + ID + "/content",
            "/api/v1/inspections/" + ID + "/findings-letter/documents/" + DID + "/content",
            "/api/v1/inspections/" + ID + "/exports/HMIC",
            "/api/v1/inspections/" + ID + "/exports/HMI_PROBATION/",
            "/api/v1/audit/export.csv",
            "/api/v1/audit/export.pdf",
            "/api/v1/removal-certificates/" + ID,
            "/api/v1/inspections/" + ID + "/removal-certificate"})
    void everyAddressThatStreamsAnUnstampedDocumentOrAnExportIsCovered(String path) {
        assertTrue(DownloadHeadRequests.isUnstampedDownload(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/documents/" + ID,
            "/api/v1/inspections/" + ID + "/exports",
            "/api/v1/inspections/" + ID + "/documents",
            "/api/v1/inspections/" + ID + "/findings-letter",
            "/api/v1/reports/" + ID + "/content",
            "/inspections/" + ID + "/exports",
            "/api/v1/audit",
            "/api/v1/audit/exportxcsv",
            "/api/v1/removal-certificates",
            "/api/v1/removal-certificates/verification-key"})
    void detailsListsPagesAndStampedCopiesAreLeftAlone(String path) {
        assertFalse(DownloadHeadRequests.isUnstampedDownload(path), path);
    }
}
