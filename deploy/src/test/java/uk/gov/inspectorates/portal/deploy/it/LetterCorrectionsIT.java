package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The report-side corrections of issue 17 on the real deployment (docs/adr/0027): a covering letter needs the
 * provider-notified-first confirmation (ISP ¶7); after the report's publication a letter is served without the
 * pre-publication marking, with its classification and the correspondence line on every page (ISP ¶13, checked by
 * PDF text extraction); a receiving party records onward sharing of a letter on a legal obligation (ISP ¶14).
 */
class LetterCorrectionsIT extends PortalDeployment {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{32})\"");
    private static final String COVERING = "{\"kind\":\"COVERING\",\"addressedTo\":[\"CQC\",\"HMIC\"],"
            + "\"classification\":{\"tier\":\"OFFICIAL_SENSITIVE\",\"descriptor\":\"PERSONAL\"}%s}";
    private static final String CONFIRMED = ",\"serviceProviderNotifiedFirst\":true";

    private URI portal;
    private PortalApi inspector;

    @BeforeEach
    void portal() throws Exception {
        portal = URI.create(base.toString());
        inspector = PortalApi.signedIn(portal, "ofsted.inspector");
    }

    @Test
    void aCoveringLetterIsRefusedWithoutTheProviderNotifiedFirstConfirmationThroughTheApiAndThePage()
            throws Exception {
        String reportId = shareToCqcAndHmic();
        byte[] pdf = pages("covering letter " + UUID.randomUUID(), 1);

        for (String unconfirmed : List.of("", ",\"serviceProviderNotifiedFirst\":false",
                ",\"serviceProviderNotifiedFirst\":\"true\"")) {
            HttpResponse<String> refused = addLetter(reportId, String.format(COVERING, unconfirmed), pdf);
            assertEquals(422, refused.statusCode(), unconfirmed + ": " + refused.body());
            assertTrue(refused.body().contains("\"field\":\"serviceProviderNotifiedFirst\""), refused.body());
        }
        assertEquals(0, count("select count(*) from report_letter where report_id = '" + reportId + "'"),
                "nothing stored");
        assertEquals(3, count("select count(*) from audit_event where action = 'LETTER_ADD' and resource_id = '"
                + reportId + "' and outcome = 'REFUSED' and detail like '%serviceProviderNotifiedFirst%'"));

        List<String[]> fields = new ArrayList<>(List.of(new String[] {"csrfToken", inspector.csrfToken()},
                new String[] {"kind", "COVERING"}, new String[] {"addressedTo", "CQC"},
                new String[] {"classificationTier", "OFFICIAL"}));
        HttpResponse<String> page = inspector.postMultipart("/reports/" + reportId + "/letters", fields, "l.pdf", pdf,
                false);
        assertEquals(422, page.statusCode(), page.body());
        assertTrue(page.body().contains("govuk-error-summary")
                && page.body().contains("href=\"#serviceProviderNotifiedFirst\"")
                && page.body().contains("id=\"serviceProviderNotifiedFirst-error\""), page.body());
        assertEquals(0, count("select count(*) from report_letter where report_id = '" + reportId + "'"));

        fields.add(new String[] {"serviceProviderNotifiedFirst", "true"});
        HttpResponse<String> added = inspector.postMultipart("/reports/" + reportId + "/letters", fields, "l.pdf",
                pdf, false);
        assertEquals(302, added.statusCode(), added.body());
        HttpResponse<String> api = addLetter(reportId, String.format(COVERING, CONFIRMED), pdf);
        assertEquals(201, api.statusCode(), api.body());
        assertTrue(api.body().contains("\"serviceProviderNotifiedFirst\":true"), api.body());
        assertEquals(2, count("select count(*) from report_letter where report_id = '" + reportId
                + "' and kind = 'COVERING' and service_provider_notified_first"));
        assertTrue(auditDetail("LETTER_ADD", idOf(api.body()), "SUCCEEDED")
                .contains("serviceProviderNotifiedFirst=true"));
    }

    @Test
    void afterPublicationALetterIsServedWithoutThePrePublicationPhraseAndWithTheCorrespondenceLineOnEveryPage()
            throws Exception {
        String reportId = shareToCqcAndHmic();
        byte[] pdf = pages("Covering letter about systemic concerns " + UUID.randomUUID(), 3);
        String letterId = idOf(expect(201, addLetter(reportId, String.format(COVERING, CONFIRMED), pdf)));
        PortalApi cqcReader = PortalApi.signedIn(portal, "cqc.reader");
        String content = "/api/v1/reports/" + reportId + "/letters/" + letterId + "/content";

        HttpResponse<byte[]> before = cqcReader.getBytes(content);
        assertEquals(200, before.statusCode());
        StampedCopy.assertStampedCopyOf(pdf, before.body(), "under embargo");

        expect(200, inspector.postJson("/api/v1/reports/" + reportId + "/publication",
                "{\"publishedUrl\":\"https://reports.ofsted.gov.uk/provider/" + reportId + "\"}"));
        HttpResponse<byte[]> after = cqcReader.getBytes(content);

        assertEquals(200, after.statusCode(), "a letter is not published: still served, stamped, to its readers");
        String downloadId = after.headers().firstValue("X-Download-Id").orElseThrow();
        String firstPage = StampedCopy.assertCorrespondenceCopyOf(pdf, after.body(), "after publication");
        assertTrue(firstPage.contains("download" + downloadId), firstPage);
        StampedCopy.assertMarkedOnEveryPage(after.body(), "OFFICIAL-SENSITIVE PERSONAL", "after publication");
        assertTrue(auditDetail("LETTER_DOWNLOAD", letterId, "SUCCEEDED").contains("after publication downloadId="
                + downloadId));
        HttpResponse<byte[]> page = cqcReader.getBytes("/reports/" + reportId + "/letters/" + letterId + "/content");
        assertEquals(200, page.statusCode());
        StampedCopy.assertCorrespondenceCopyOf(pdf, page.body(), "the page's download after publication");
    }

    @Test
    void aReceivingPartyRecordsOnwardSharingOfALetterOnALegalObligationAndTheSenderSeesIt() throws Exception {
        String reportId = shareToCqcAndHmic();
        String letterId = idOf(expect(201, addLetter(reportId, String.format(COVERING, CONFIRMED),
                pages("letter shared onward " + UUID.randomUUID(), 1))));
        String path = "/api/v1/reports/" + reportId + "/letters/" + letterId + "/onward-sharing";
        PortalApi cqcReader = PortalApi.signedIn(portal, "cqc.reader");

        HttpResponse<String> recorded = cqcReader.postJson(path, "{\"basis\":\"LEGAL_OBLIGATION\","
                + "\"recipient\":\"Family Court\",\"evidence\":\"Order FD26P00123\"}");

        assertEquals(201, recorded.statusCode(), recorded.body());
        assertTrue(recorded.body().contains("\"status\":\"RECORDED\"")
                && recorded.body().contains("\"basisHolds\":true")
                && recorded.body().contains("\"letterId\":\"" + letterId + "\""), recorded.body());
        String sharingId = idOf(recorded.body());
        assertEquals(1, count("select count(*) from letter_onward_sharing where id = '" + sharingId
                + "' and letter_id = '" + letterId + "' and basis = 'LEGAL_OBLIGATION' and requesting_party = 'CQC'"
                + " and evidence = 'Order FD26P00123'"));
        assertTrue(auditDetail("ONWARD_SHARING", letterId, "SUCCEEDED").contains(sharingId
                + " LEGAL_OBLIGATION RECORDED to Family Court"));
        assertTrue(inspector.get(path).body().contains(sharingId), "the sender sees it");
        assertFalse(PortalApi.signedIn(portal, "hmic.reader").get(path).body().contains(sharingId),
                "another receiving party sees its own only");

        // the rules: the sender is no receiving party; a legal obligation is named; a letter is never public
        HttpResponse<String> sender = inspector.postJson(path, "{\"basis\":\"LEGAL_OBLIGATION\",\"recipient\":\"x\","
                + "\"evidence\":\"y\"}");
        assertEquals(403, sender.statusCode(), sender.body());
        assertTrue(sender.body().contains("letter.onward-sharing.receiving-parties-only"), sender.body());
        HttpResponse<String> unnamed = cqcReader.postJson(path, "{\"basis\":\"LEGAL_OBLIGATION\",\"recipient\":\"x\"}");
        assertEquals(422, unnamed.statusCode());
        assertTrue(unnamed.body().contains("\"field\":\"evidence\""), unnamed.body());
        expect(200, inspector.postJson("/api/v1/reports/" + reportId + "/publication",
                "{\"publishedUrl\":\"https://reports.ofsted.gov.uk/provider/" + reportId + "\"}"));
        HttpResponse<String> publicDomain = cqcReader.postJson(path, "{\"basis\":\"PUBLIC_DOMAIN\","
                + "\"recipient\":\"A journalist\"}");
        assertEquals(422, publicDomain.statusCode(), "the report is published, the letter never is");
        assertTrue(publicDomain.body().contains("\"field\":\"basis\""), publicDomain.body());
        assertEquals(404, PortalApi.signedIn(portal, "cqc.inspector").postJson(path, "{\"basis\":"
                + "\"LEGAL_OBLIGATION\",\"recipient\":\"x\",\"evidence\":\"y\"}").statusCode(), "off the reader list");

        // written consent: asked by the receiving party, given by the sender
        String asked = idOf(expect(201, cqcReader.postJson(path, "{\"basis\":\"WRITTEN_CONSENT\","
                + "\"recipient\":\"Local safeguarding board\"}")));
        assertEquals(403, cqcReader.postJson(path + "/" + asked + "/consent", "{\"granted\":true}").statusCode());
        HttpResponse<String> granted = inspector.postJson(path + "/" + asked + "/consent",
                "{\"granted\":true,\"note\":\"Agreed by the Chief Inspector\"}");
        assertEquals(200, granted.statusCode(), granted.body());
        assertTrue(granted.body().contains("\"status\":\"CONSENT_GRANTED\""), granted.body());
        assertEquals(409, inspector.postJson(path + "/" + asked + "/consent", "{\"granted\":false}").statusCode());

        // the letter's page lists what is recorded; its form works without JavaScript and shows the error summary
        String pagePath = "/reports/" + reportId + "/letters/" + letterId + "/onward-sharing";
        HttpResponse<String> page = cqcReader.get(pagePath);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Family Court") && page.body().contains("Order FD26P00123")
                && page.body().contains("Consent given") && page.body().contains("id=\"record-onward-sharing\""),
                page.body());
        assertTrue(cqcReader.get("/reports/" + reportId).body().contains("href=\"" + pagePath + "\""),
                "the report page links each letter's onward sharing");
        HttpResponse<String> missing = cqcReader.postForm(pagePath, "basis", "LEGAL_OBLIGATION", "recipient", "Court");
        assertEquals(422, missing.statusCode(), missing.body());
        assertTrue(missing.body().contains("govuk-error-summary")
                && missing.body().contains("href=\"#onward-sharing-evidence\""), missing.body());
        HttpResponse<String> viaPage = cqcReader.postForm(pagePath, "basis", "LEGAL_OBLIGATION",
                "recipient", "Coroner", "evidence", "Inquest 2026/17");
        assertEquals(302, viaPage.statusCode(), viaPage.body());
        assertTrue(inspector.get(pagePath).body().contains("Inquest 2026/17"), "the sender's page shows it");
        assertFalse(inspector.get(pagePath).body().contains("id=\"record-onward-sharing\""),
                "no form for the sender");
    }

    @Test
    void anAdvanceLetterSentAheadOfItsReportIsSharedOnwardOnARecordedBasisToo() throws Exception {
        String letterId = idOf(expect(201, inspector.postMultipart("/api/v1/advance-letters",
                List.<String[]>of(new String[] {"metadata", "{\"kind\":\"ADVANCE_RISK_OF_HARM\","
                        + "\"addressedTo\":[\"CQC\"],\"classification\":{\"tier\":\"OFFICIAL_SENSITIVE\"},"
                        + "\"serviceProviderNotifiedFirst\":true,\"riskSummary\":\"Children at risk\"}"}),
                "ahead.pdf", pages("ahead " + UUID.randomUUID(), 1), true)));
        PortalApi cqcReader = PortalApi.signedIn(portal, "cqc.reader");

        HttpResponse<String> recorded = cqcReader.postJson("/api/v1/advance-letters/" + letterId + "/onward-sharing",
                "{\"basis\":\"LEGAL_OBLIGATION\",\"recipient\":\"Police child protection unit\","
                        + "\"evidence\":\"Section 47 enquiry\"}");

        assertEquals(201, recorded.statusCode(), recorded.body());
        assertTrue(cqcReader.get("/reports/ahead/" + letterId + "/onward-sharing").body()
                .contains("Police child protection unit"));
        assertEquals(404, PortalApi.signedIn(portal, "hmic.reader").postJson("/api/v1/advance-letters/" + letterId
                + "/onward-sharing", "{\"basis\":\"LEGAL_OBLIGATION\",\"recipient\":\"x\",\"evidence\":\"y\"}")
                .statusCode());
        PortalApi.signedIn(portal, "ofsted.admin").delete("/api/v1/advance-letters/" + letterId);
        assertEquals(0, count("select count(*) from letter_onward_sharing where letter_id = '" + letterId + "'"),
                "removed with the letter");
    }

    private String shareToCqcAndHmic() throws Exception {
        HttpResponse<String> shared = inspector.shareReport(ReportMetadata.aReport()
                .titled("Letter corrections " + UUID.randomUUID()).addressedTo("CQC", "HMIC").json(), "report.pdf",
                TestPdf.withText("report " + UUID.randomUUID()));
        return idOf(expect(201, shared));
    }

    private HttpResponse<String> addLetter(String reportId, String metadata, byte[] pdf) throws Exception {
        return inspector.postMultipart("/api/v1/reports/" + reportId + "/letters",
                List.<String[]>of(new String[] {"metadata", metadata}), "letter.pdf", pdf, true);
    }

    private static String expect(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        return response.body();
    }

    private static String idOf(String json) {
        Matcher id = ID.matcher(json);
        assertTrue(id.find(), json);
        return id.group(1);
    }

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

    private static long count(String sql) throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The detail of the latest event of that action, resource and outcome ("" when there is none). */
    private static String auditDetail(String action, String resourceId, String outcome) throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement query = connection.prepareStatement("select detail from audit_event where action = ?"
                     + " and resource_id = ? and outcome = ? order by seq desc limit 1")) {
            query.setString(1, action);
            query.setString(2, resourceId);
            query.setString(3, outcome);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : "";
            }
        }
    }
}
