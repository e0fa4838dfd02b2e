package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Covering and advance letters on the real deployment (docs/adr/0015): added by the originator's sharing staff,
 * served only as stamped copies with the letter's own marking on every page, only to the parties a letter is
 * addressed to, before and after the report's publication; refused input stores nothing; removing the report
 * crypto-shreds its letters.
 */
class ReportLettersIT extends PortalDeployment {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{32})\"");
    private static final String ADVANCE_FLAG = "ADVANCE LETTER \u2013 RISK OF SIGNIFICANT HARM.";

    private URI portal;
    private PortalApi inspector;

    @BeforeEach
    void portal() throws Exception {
        portal = URI.create(base.toString());
        inspector = PortalApi.signedIn(portal, "ofsted.inspector");
    }

    @Test
    void coveringAndAdvanceLettersReachOnlyTheirAddresseesAsStampedCopiesMarkedOnEveryPage() throws Exception {
        String reportId = shareToCqcAndHmic();
        byte[] coveringPdf = pages("Covering letter from the Chief Inspector " + UUID.randomUUID(), 2);
        byte[] advancePdf = pages("Advance letter: extracts of the evidence " + UUID.randomUUID(), 3);

        HttpResponse<String> covering = addLetter(inspector, reportId, "{\"kind\":\"COVERING\","
                + "\"serviceProviderNotifiedFirst\":true,"
                + "\"addressedTo\":[\"CQC\",\"HMIC\"],\"classification\":{\"tier\":\"OFFICIAL\"}}", coveringPdf);
        assertEquals(201, covering.statusCode(), covering.body());
        String coveringId = idOf(covering.body());
        assertTrue(covering.headers().firstValue("Location").orElse("").endsWith("/letters/" + coveringId));
        HttpResponse<String> advance = addLetter(inspector, reportId, advanceMetadata(true), advancePdf);
        assertEquals(201, advance.statusCode(), advance.body());
        assertTrue(advance.body().contains("\"advance\":true"), advance.body());
        assertTrue(advance.body().contains("\"serviceProviderNotifiedFirst\":true"), advance.body());
        assertTrue(advance.body().contains("\"marking\":\"OFFICIAL-SENSITIVE PERSONAL\""), advance.body());
        String advanceId = idOf(advance.body());

        PortalApi cqcReader = PortalApi.signedIn(portal, "cqc.reader");
        String listed = cqcReader.get("/api/v1/reports/" + reportId + "/letters").body();
        assertTrue(listed.contains(coveringId) && listed.contains(advanceId), listed);
        assertEquals(200, cqcReader.get("/api/v1/reports/" + reportId + "/letters/" + advanceId).statusCode());

        HttpResponse<byte[]> download = cqcReader.getBytes(letterContent(reportId, advanceId));
        assertEquals(200, download.statusCode());
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-store", download.headers().firstValue("Cache-Control").orElse(""));
        String downloadId = download.headers().firstValue("X-Download-Id").orElseThrow();
        StampedCopy.assertStampedCopyOf(advancePdf, download.body(), downloadId, "the advance letter's copy");
        StampedCopy.assertMarkedOnEveryPage(download.body(), "OFFICIAL-SENSITIVE PERSONAL",
                "the advance letter's own classification");
        assertTrue(StampedCopy.pageText(download.body(), 1).contains(ADVANCE_FLAG.replaceAll("\\s+", "")),
                "flagged on its first page");
        assertTrue(StampedCopy.pageText(download.body(), 1).contains("Namedindividuals:donotcopy"),
                "its handling instructions");
        assertEquals(1, auditEvents("LETTER_DOWNLOAD", advanceId, "SUCCEEDED",
                "report=" + reportId + " downloadId=" + downloadId), "the download id is in the audit trail");
        HttpResponse<byte[]> coveringCopy = cqcReader.getBytes(letterContent(reportId, coveringId));
        StampedCopy.assertStampedCopyOf(coveringPdf, coveringCopy.body(),
                coveringCopy.headers().firstValue("X-Download-Id").orElseThrow(), "the covering letter's copy");
        StampedCopy.assertMarkedOnEveryPage(coveringCopy.body(), "OFFICIAL", "the covering letter's marking");

        // HMIC has the report and the covering letter, but the advance letter is addressed to CQC only
        PortalApi hmicReader = PortalApi.signedIn(portal, "hmic.reader");
        String hmicList = hmicReader.get("/api/v1/reports/" + reportId + "/letters").body();
        assertTrue(hmicList.contains(coveringId) && !hmicList.contains(advanceId), hmicList);
        assertEquals(404, hmicReader.get("/api/v1/reports/" + reportId + "/letters/" + advanceId).statusCode());
        assertEquals(404, hmicReader.getBytes(letterContent(reportId, advanceId)).statusCode());
        assertEquals(200, hmicReader.getBytes(letterContent(reportId, coveringId)).statusCode());
        for (String refused : List.of("agency.uploader", "cqc.inspector", "ofsted.analyst", "hmcpsi.reader")) {
            PortalApi api = PortalApi.signedIn(portal, refused);
            assertEquals(404, api.get("/api/v1/reports/" + reportId + "/letters").statusCode(), refused);
            HttpResponse<byte[]> content = api.getBytes(letterContent(reportId, advanceId));
            assertEquals(404, content.statusCode(), refused);
            assertEquals("application/problem+json", content.headers().firstValue("Content-Type").orElse(""));
        }
        assertTrue(auditEvents("LETTER_DOWNLOAD", advanceId, "DENIED", null) >= 5, "every refusal is audited");

        // the pages: the report page flags the advance letter; the reports list flags the report
        String page = cqcReader.get("/reports/" + reportId).body();
        assertTrue(page.contains("Risk of significant harm") && page.contains("advance-letter-warning"), page);
        assertTrue(page.contains("/reports/" + reportId + "/letters/" + advanceId + "/content"), page);
        assertFalse(hmicReader.get("/reports/" + reportId).body().contains(advanceId), "not even its id");
        String list = cqcReader.get("/reports").body();
        int row = list.indexOf("/reports/" + reportId + "\"");
        assertTrue(row >= 0, list);
        assertTrue(list.substring(row, list.indexOf("</tr>", row)).contains("Risk of significant harm"),
                "the list flags the report");
        HttpResponse<byte[]> pageDownload = cqcReader.getBytes("/reports/" + reportId + "/letters/" + advanceId
                + "/content");
        assertEquals(200, pageDownload.statusCode());
        StampedCopy.assertStampedCopyOf(advancePdf, pageDownload.body(), "the page's download");

        // after publication the report's copy is replaced by the published version; letters stay stamped, same
        // readers, with the correspondence line instead of the pre-publication marking (ISP ¶13, docs/adr/0027)
        assertEquals(200, inspector.postJson("/api/v1/reports/" + reportId + "/publication",
                "{\"publishedUrl\":\"https://reports.ofsted.gov.uk/provider/" + reportId + "\"}").statusCode());
        assertEquals(303, cqcReader.getBytes("/api/v1/reports/" + reportId + "/content").statusCode());
        HttpResponse<byte[]> afterPublication = cqcReader.getBytes(letterContent(reportId, advanceId));
        assertEquals(200, afterPublication.statusCode());
        StampedCopy.assertCorrespondenceCopyOf(advancePdf, afterPublication.body(), "the letter after publication");
        StampedCopy.assertMarkedOnEveryPage(afterPublication.body(), "OFFICIAL-SENSITIVE PERSONAL", "after publication");
        assertEquals(404, PortalApi.signedIn(portal, "cqc.inspector").getBytes(letterContent(reportId, advanceId))
                .statusCode(), "publication widens nothing for letters");
        assertEquals(403, addLetter(inspector, reportId, advanceMetadata(true), advancePdf).statusCode(),
                "no letter is added once the embargo is over");
    }

    @Test
    void refusedLettersLeaveNothingStoredAndAreAudited() throws Exception {
        String reportId = shareToCqcAndHmic();
        byte[] pdf = pages("refused letter", 1);
        record Case(String name, PortalApi who, String metadata, String fileName, byte[] file, int status,
                    String expected) {
        }
        PortalApi cqcReader = PortalApi.signedIn(portal, "cqc.reader");
        List<Case> cases = List.of(
                new Case("no confirmation", inspector, advanceMetadata(null), "l.pdf", pdf, 422,
                        "\"field\":\"serviceProviderNotifiedFirst\""),
                new Case("confirmation false", inspector, advanceMetadata(false), "l.pdf", pdf, 422,
                        "\"field\":\"serviceProviderNotifiedFirst\""),
                new Case("confirmation as a string", inspector, advanceMetadata(true).replace(
                        "\"serviceProviderNotifiedFirst\":true", "\"serviceProviderNotifiedFirst\":\"true\""),
                        "l.pdf", pdf, 422, "\"field\":\"serviceProviderNotifiedFirst\""),
                new Case("no risk summary", inspector, "{\"kind\":\"ADVANCE_RISK_OF_HARM\",\"addressedTo\":[\"CQC\"],"
                        + "\"classification\":{\"tier\":\"OFFICIAL\"},\"serviceProviderNotifiedFirst\":true}",
                        "l.pdf", pdf, 422, "\"field\":\"riskSummary\""),
                new Case("SECRET", inspector, "{\"kind\":\"COVERING\",\"serviceProviderNotifiedFirst\":true,"
                        + "\"addressedTo\":[\"CQC\"],"
                        + "\"classification\":{\"tier\":\"SECRET\"}}", "l.pdf", pdf, 422,
                        "\"field\":\"classification.tier\""),
                new Case("a party the report is not shared with", inspector, "{\"kind\":\"COVERING\","
                        + "\"serviceProviderNotifiedFirst\":true,"
                        + "\"addressedTo\":[\"HMI_PRISONS\"],\"classification\":{\"tier\":\"OFFICIAL\"}}", "l.pdf",
                        pdf, 422, "\"field\":\"addressedTo\""),
                new Case("no addressees", inspector, "{\"kind\":\"COVERING\",\"serviceProviderNotifiedFirst\":true,"
                        + "\"classification\":{\"tier\":"
                        + "\"OFFICIAL\"}}", "l.pdf", pdf, 422, "\"field\":\"addressedTo\""),
                new Case("text named .pdf", inspector, "{\"kind\":\"COVERING\",\"serviceProviderNotifiedFirst\":true,"
                        + "\"addressedTo\":[\"CQC\"],"
                        + "\"classification\":{\"tier\":\"OFFICIAL\"}}", "l.pdf",
                        "not a PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 415, "file-type-not-allowed"),
                new Case("no file", inspector, "{\"kind\":\"COVERING\",\"serviceProviderNotifiedFirst\":true,"
                        + "\"addressedTo\":[\"CQC\"],"
                        + "\"classification\":{\"tier\":\"OFFICIAL\"}}", null, null, 422, "\"field\":\"file\""),
                new Case("a reader of the report", cqcReader, "{\"kind\":\"COVERING\","
                        + "\"serviceProviderNotifiedFirst\":true,"
                        + "\"addressedTo\":[\"CQC\"],"
                        + "\"classification\":{\"tier\":\"OFFICIAL\"}}", "l.pdf", pdf, 403,
                        "letter.add.originator-sharing-staff-only"),
                new Case("an agency", PortalApi.signedIn(portal, "agency.uploader"), "{\"kind\":\"COVERING\","
                        + "\"serviceProviderNotifiedFirst\":true,"
                        + "\"addressedTo\":[\"CQC\"],\"classification\":{\"tier\":\"OFFICIAL\"}}", "l.pdf", pdf, 404,
                        "not-found"));
        for (Case c : cases) {
            StoredState before = StoredState.now();
            long lettersBefore = count("select count(*) from report_letter");
            HttpResponse<String> response = addLetter(c.who(), reportId, c.metadata(), c.fileName(), c.file());
            assertEquals(c.status(), response.statusCode(), c.name() + ": " + response.body());
            assertTrue(response.body().contains(c.expected()), c.name() + ": " + response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
            assertEquals(before, StoredState.now(), c.name() + ": nothing may be stored");
            assertEquals(lettersBefore, count("select count(*) from report_letter"), c.name());
        }
        assertEquals(10, count("select count(*) from audit_event where action = 'LETTER_ADD' and resource_id = '"
                + reportId + "' and outcome in ('REFUSED', 'DENIED')"),
                "each refusal once (a missing file part is refused by the reader, like a report's)");
        HttpResponse<String> noToken = inspector.postMultipart("/api/v1/reports/" + reportId + "/letters",
                List.<String[]>of(new String[] {"metadata", advanceMetadata(true)}), "l.pdf", pdf, false);
        assertEquals(403, noToken.statusCode(), "the CSRF token is needed: " + noToken.body());
    }

    @Test
    void theFormWorksWithoutJavaScriptAndShowsTheErrorSummary() throws Exception {
        String reportId = shareToCqcAndHmic();
        HttpResponse<String> form = inspector.get("/reports/" + reportId + "/letters/new");
        assertEquals(200, form.statusCode(), form.body());
        assertTrue(form.body().contains("enctype=\"multipart/form-data\"") && form.body().contains("addressedTo-CQC"));
        assertEquals(403, PortalApi.signedIn(portal, "cqc.reader").get("/reports/" + reportId + "/letters/new")
                .statusCode(), "only the originator's sharing staff get the form");
        byte[] pdf = pages("letter through the form " + UUID.randomUUID(), 1);
        List<String[]> fields = new ArrayList<>(List.of(new String[] {"csrfToken", inspector.csrfToken()},
                new String[] {"kind", "ADVANCE_RISK_OF_HARM"}, new String[] {"addressedTo", "CQC"},
                new String[] {"addressedTo", "HMIC"}, new String[] {"classificationTier", "OFFICIAL"},
                new String[] {"riskSummary", "Children at risk"}));

        HttpResponse<String> refused = inspector.postMultipart("/reports/" + reportId + "/letters", fields, "l.pdf",
                pdf, false);
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("govuk-error-summary")
                && refused.body().contains("href=\"#serviceProviderNotifiedFirst\""), refused.body());
        assertEquals(0, count("select count(*) from report_letter where report_id = '" + reportId + "'"));

        fields.add(new String[] {"serviceProviderNotifiedFirst", "true"});
        HttpResponse<String> added = inspector.postMultipart("/reports/" + reportId + "/letters", fields, "l.pdf",
                pdf, false);
        assertEquals(302, added.statusCode(), added.body());
        assertTrue(added.headers().firstValue("Location").orElse("").contains("/reports/" + reportId + "?letter="));
        assertEquals(1, count("select count(*) from report_letter where report_id = '" + reportId
                + "' and kind = 'ADVANCE_RISK_OF_HARM' and service_provider_notified_first"));
    }

    @Test
    void removingTheReportCryptoShredsItsLetters() throws Exception {
        String reportId = shareToCqcAndHmic();
        byte[] pdf = pages("letter to be removed " + UUID.randomUUID(), 1);
        String letterId = idOf(addLetter(inspector, reportId, advanceMetadata(true), pdf).body());
        PortalApi cqcReader = PortalApi.signedIn(portal, "cqc.reader");
        assertEquals(200, cqcReader.getBytes(letterContent(reportId, letterId)).statusCode());
        String objectKey;
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select object_key, key_scope_id from report_letter where id = ?")) {
            query.setString(1, letterId);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                objectKey = rows.getString(1);
                assertEquals(reportId, rows.getString(2), "the letter is in its report's key scope");
            }
        }
        assertTrue(objectExists(objectKey));

        HttpResponse<String> removed = PortalApi.signedIn(portal, "ofsted.admin").delete("/api/v1/reports/" + reportId);
        assertEquals(204, removed.statusCode(), removed.body());

        assertEquals(404, cqcReader.getBytes(letterContent(reportId, letterId)).statusCode());
        assertEquals(404, cqcReader.get("/api/v1/reports/" + reportId + "/letters").statusCode());
        assertEquals(404, inspector.get("/api/v1/reports/" + reportId + "/letters/" + letterId).statusCode());
        assertFalse(objectExists(objectKey), "no object of the letter is left");
        assertEquals(0, count("select count(*) from report_letter where report_id = '" + reportId + "'"));
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement query = connection.prepareStatement("select wrapped_kek, destroyed_at from "
                     + "key_encryption_key where scope_kind = 'REPORT' and scope_id = ?")) {
            query.setString(1, reportId);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), "the KEK row stays as a tombstone");
                assertNull(rows.getBytes(1), "the KEK is destroyed");
                assertNotNull(rows.getTimestamp(2));
            }
        }
        assertEquals(1, count("select count(*) from audit_event where action = 'SCOPE_REMOVE' and resource_id = '"
                + reportId + "' and outcome = 'SUCCEEDED' and detail like 'tombstone kek=destroyed objects=2 %'"),
                "the report and its letter");
    }

    @Test
    void anAdvanceLetterGoesAheadOfItsReportAndFollowsItOnceLinked() throws Exception {
        byte[] pdf = pages("Advance letter ahead of the report " + UUID.randomUUID(), 2);
        HttpResponse<String> sent = inspector.postMultipart("/api/v1/advance-letters",
                List.<String[]>of(new String[] {"metadata", advanceMetadata(true)}), "advance.pdf", pdf, true);
        assertEquals(201, sent.statusCode(), sent.body());
        assertFalse(sent.body().contains("\"reportId\""), "no report yet: " + sent.body());
        String letterId = idOf(sent.body());
        assertEquals(422, inspector.postMultipart("/api/v1/advance-letters", List.<String[]>of(new String[] {
                "metadata", "{\"kind\":\"COVERING\",\"serviceProviderNotifiedFirst\":true,"
                        + "\"addressedTo\":[\"CQC\"],\"classification\":{\"tier\":"
                + "\"OFFICIAL\"}}"}), "c.pdf", pdf, true).statusCode(), "only an advance letter goes ahead");

        PortalApi cqcReader = PortalApi.signedIn(portal, "cqc.reader");
        assertTrue(cqcReader.get("/api/v1/advance-letters").body().contains(letterId));
        HttpResponse<byte[]> copy = cqcReader.getBytes("/api/v1/advance-letters/" + letterId + "/content");
        assertEquals(200, copy.statusCode());
        String downloadId = copy.headers().firstValue("X-Download-Id").orElseThrow();
        StampedCopy.assertStampedCopyOf(pdf, copy.body(), downloadId, "the advance letter sent ahead");
        StampedCopy.assertMarkedOnEveryPage(copy.body(), "OFFICIAL-SENSITIVE PERSONAL", "sent ahead");
        assertEquals(1, auditEvents("LETTER_DOWNLOAD", letterId, "SUCCEEDED",
                "ahead of its report downloadId=" + downloadId));
        PortalApi hmicReader = PortalApi.signedIn(portal, "hmic.reader");
        assertFalse(hmicReader.get("/api/v1/advance-letters").body().contains(letterId));
        assertEquals(404, hmicReader.getBytes("/api/v1/advance-letters/" + letterId + "/content").statusCode());
        assertEquals(404, PortalApi.signedIn(portal, "agency.uploader")
                .getBytes("/api/v1/advance-letters/" + letterId + "/content").statusCode());
        String ownScope = text("select key_scope_id from report_letter where id = '" + letterId + "'");
        String oldObject = text("select object_key from report_letter where id = '" + letterId + "'");

        String reportId = shareToCqcAndHmic();
        assertEquals(403, cqcReader.postJson("/api/v1/advance-letters/" + letterId + "/report",
                "{\"reportId\":\"" + reportId + "\"}").statusCode(), "an addressee reads it, does not link it");
        HttpResponse<String> linked = inspector.postJson("/api/v1/advance-letters/" + letterId + "/report",
                "{\"reportId\":\"" + reportId + "\"}");
        assertEquals(200, linked.statusCode(), linked.body());
        assertTrue(linked.body().contains("\"reportId\":\"" + reportId + "\""), linked.body());
        assertEquals(404, cqcReader.get("/api/v1/advance-letters/" + letterId).statusCode(), "not ahead any more");
        assertTrue(cqcReader.get("/api/v1/reports/" + reportId + "/letters").body().contains(letterId));
        HttpResponse<byte[]> linkedCopy = cqcReader.getBytes(letterContent(reportId, letterId));
        assertEquals(200, linkedCopy.statusCode());
        StampedCopy.assertStampedCopyOf(pdf, linkedCopy.body(), "the linked letter");
        assertEquals(reportId, text("select key_scope_id from report_letter where id = '" + letterId + "'"),
                "moved into the report's key scope");
        assertNull(bytes("select wrapped_kek from key_encryption_key where scope_kind = 'REPORT' and scope_id = '"
                + ownScope + "'"), "its own KEK is destroyed");
        assertFalse(objectExists(oldObject), "its own object is gone");

        assertEquals(204, PortalApi.signedIn(portal, "ofsted.admin").delete("/api/v1/reports/" + reportId)
                .statusCode());
        assertEquals(0, count("select count(*) from report_letter where id = '" + letterId + "'"),
                "it went with its report");
        assertEquals(404, cqcReader.getBytes(letterContent(reportId, letterId)).statusCode());
    }

    @Test
    void anAdvanceLetterIsSentAheadThroughThePagesWithoutJavaScriptAndFlaggedToItsAddresseesOnly() throws Exception {
        HttpResponse<String> form = inspector.get("/reports/ahead/new");
        assertEquals(200, form.statusCode(), form.body());
        assertTrue(form.body().contains("action=\"/reports/ahead\"") && form.body().contains("addressedTo-CQC")
                && !form.body().contains("addressedTo-OFSTED"), form.body());
        PortalApi cqcReader = PortalApi.signedIn(portal, "cqc.reader");
        assertEquals(403, cqcReader.get("/reports/ahead/new").statusCode());
        byte[] pdf = pages("sent ahead through the form " + UUID.randomUUID(), 2);
        List<String[]> fields = new ArrayList<>(List.of(new String[] {"csrfToken", inspector.csrfToken()},
                new String[] {"kind", "ADVANCE_RISK_OF_HARM"}, new String[] {"addressedTo", "CQC"},
                new String[] {"classificationTier", "OFFICIAL_SENSITIVE"}));
        HttpResponse<String> refused = inspector.postMultipart("/reports/ahead", fields, "a.pdf", pdf, false);
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("href=\"#serviceProviderNotifiedFirst\"")
                && refused.body().contains("href=\"#riskSummary\""), refused.body());

        fields.add(new String[] {"riskSummary", "Children at risk"});
        fields.add(new String[] {"serviceProviderNotifiedFirst", "true"});
        HttpResponse<String> sent = inspector.postMultipart("/reports/ahead", fields, "a.pdf", pdf, false);
        assertEquals(302, sent.statusCode(), sent.body());
        String location = sent.headers().firstValue("Location").orElse("");
        Matcher id = Pattern.compile("ahead=([0-9a-f]{32})").matcher(location);
        assertTrue(id.find(), location);
        String letterId = id.group(1);

        String list = cqcReader.get("/reports").body();
        assertTrue(list.contains("/reports/ahead/" + letterId + "/content") && list.contains("Risk of significant harm"),
                list);
        StampedCopy.assertStampedCopyOf(pdf, cqcReader.getBytes("/reports/ahead/" + letterId + "/content").body(),
                "the page's download of a letter sent ahead");
        assertFalse(PortalApi.signedIn(portal, "hmic.reader").get("/reports").body().contains(letterId));
        assertEquals(404, PortalApi.signedIn(portal, "hmic.reader").getBytes("/reports/ahead/" + letterId
                + "/content").statusCode());
    }

    @Test
    void anUnlinkedAdvanceLetterIsRemovedForGoodByAnAdministratorOfItsSender() throws Exception {
        String letterId = idOf(inspector.postMultipart("/api/v1/advance-letters",
                List.<String[]>of(new String[] {"metadata", advanceMetadata(true)}), "advance.pdf",
                pages("to be removed", 1), true).body());
        String scope = text("select key_scope_id from report_letter where id = '" + letterId + "'");
        String object = text("select object_key from report_letter where id = '" + letterId + "'");

        assertEquals(403, inspector.delete("/api/v1/advance-letters/" + letterId).statusCode());
        assertEquals(404, PortalApi.signedIn(portal, "hmic.reader").delete("/api/v1/advance-letters/" + letterId)
                .statusCode());
        assertEquals(204, PortalApi.signedIn(portal, "ofsted.admin").delete("/api/v1/advance-letters/" + letterId)
                .statusCode());

        assertEquals(404, PortalApi.signedIn(portal, "cqc.reader").getBytes("/api/v1/advance-letters/" + letterId
                + "/content").statusCode());
        assertFalse(objectExists(object));
        assertNull(bytes("select wrapped_kek from key_encryption_key where scope_kind = 'REPORT' and scope_id = '"
                + scope + "'"));
        assertEquals(1, count("select count(*) from key_encryption_key where scope_id = '" + scope
                + "' and destroyed_at is not null"), "a tombstone");
    }

    private static String text(String sql) throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            assertTrue(rows.next(), sql);
            return rows.getString(1);
        }
    }

    private static byte[] bytes(String sql) throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            assertTrue(rows.next(), sql);
            return rows.getBytes(1);
        }
    }

    private String shareToCqcAndHmic() throws Exception {
        HttpResponse<String> shared = inspector.shareReport(ReportMetadata.aReport()
                .titled("Letters " + UUID.randomUUID()).addressedTo("CQC", "HMIC").json(), "report.pdf",
                TestPdf.withText("report with letters " + UUID.randomUUID()));
        assertEquals(201, shared.statusCode(), shared.body());
        return idOf(shared.body());
    }

    private static String advanceMetadata(Boolean notifiedFirst) {
        return "{\"kind\":\"ADVANCE_RISK_OF_HARM\",\"addressedTo\":[\"CQC\"],"
                + "\"classification\":{\"tier\":\"OFFICIAL_SENSITIVE\",\"descriptor\":\"PERSONAL\"},"
                + "\"handlingInstructions\":\"Named individuals: do not copy\","
                + (notifiedFirst == null ? "" : "\"serviceProviderNotifiedFirst\":" + notifiedFirst + ",")
                + "\"riskSummary\":\"Children at Northdale are at risk of significant harm\"}";
    }

    private static HttpResponse<String> addLetter(PortalApi who, String reportId, String metadata, byte[] pdf)
            throws Exception {
        return addLetter(who, reportId, metadata, "letter.pdf", pdf);
    }

    private static HttpResponse<String> addLetter(PortalApi who, String reportId, String metadata, String fileName,
                                                  byte[] file) throws Exception {
        return who.postMultipart("/api/v1/reports/" + reportId + "/letters",
                List.<String[]>of(new String[] {"metadata", metadata}), fileName, file, true);
    }

    private static String letterContent(String reportId, String letterId) {
        return "/api/v1/reports/" + reportId + "/letters/" + letterId + "/content";
    }

    private static String idOf(String json) {
        Matcher id = ID.matcher(json);
        assertTrue(id.find(), json);
        return id.group(1);
    }

    /** A PDF of {@code count} pages, each with its own line of text. */
    private static byte[] pages(String text, int count) throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= count; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 12);
                    content.newLineAtOffset(72, 500);
                    content.showText(text + " page " + i);
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static boolean objectExists(String objectKey) {
        return TestEnvironment.minioClient().listObjects(io.minio.ListObjectsArgs.builder()
                .bucket(TestEnvironment.s3Bucket()).prefix(objectKey).build()).iterator().hasNext();
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long auditEvents(String action, String resourceId, String outcome, String detail)
            throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement query = connection.prepareStatement("select count(*) from audit_event where "
                     + "action = ? and resource_id = ? and outcome = ? and (? is null or detail = ?)")) {
            query.setString(1, action);
            query.setString(2, resourceId);
            query.setString(3, outcome);
            query.setString(4, detail);
            query.setString(5, detail);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
