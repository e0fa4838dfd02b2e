package uk.gov.inspectorates.portal.web.content;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnstampedDownloadHeadRequestsTest {

    private static final String ID = "0123456789abcdef0123456789abcdef";
    private static final String DID = "fedcba9876543210fedcba9876543210";

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/documents/" + ID + "/content",
            "/api/v1/inspections/" + ID + "/findings-letter/documents/" + DID + "/content",
            "/api/v1/inspections/" + ID + "/exports/HMIC",
            "/api/v1/inspections/" + ID + "/exports/HMI_PROBATION/"})
    void everyAddressThatStreamsAnUnstampedDocumentOrAnExportIsCovered(String path) {
        assertTrue(UnstampedDownloadHeadRequests.isUnstampedDownload(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/documents/" + ID,
            "/api/v1/inspections/" + ID + "/exports",
            "/api/v1/inspections/" + ID + "/documents",
            "/api/v1/inspections/" + ID + "/findings-letter",
            "/api/v1/reports/" + ID + "/content",
            "/inspections/" + ID + "/exports"})
    void detailsListsPagesAndStampedCopiesAreLeftAlone(String path) {
        assertFalse(UnstampedDownloadHeadRequests.isUnstampedDownload(path), path);
    }
}
