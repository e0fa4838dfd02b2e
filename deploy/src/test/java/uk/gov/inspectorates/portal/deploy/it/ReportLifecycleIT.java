package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After sharing, through the JSON API on the real deployment: publication now and at a scheduled moment (from which
 * nothing pre-publication is served and readers are sent to the published version), withdrawal, the withhold
 * requests of JTAI Annex D, and onward sharing only on a basis that holds. Each rule fails here if it is removed.
 */
class ReportLifecycleIT extends PortalDeployment {

    private static final Pattern SHARING_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{32})\"");

    private URI portal;
    private PortalApi inspector;
    private PortalApi reader;

    @BeforeEach
    void portal() throws Exception {
        portal = URI.create(base.toString());
        inspector = PortalApi.signedIn(portal, "ofsted.inspector");
        reader = PortalApi.signedIn(portal, "cqc.reader");
    }

    @Test
    void oncePublishedTheStampedCopyIsNoLongerServedAndEveryoneIsSentToThePublishedVersion() throws Exception {
        String id = inspector.shareValidReport(TestPdf.withText("to publish " + UUID.randomUUID()));
        String url = "https://reports.ofsted.gov.uk/provider/" + id;

        HttpResponse<String> published = inspector.postJson("/api/v1/reports/" + id + "/publication",
                "{\"publishedUrl\":\"" + url + "\"}");
        assertEquals(200, published.statusCode(), published.body());
        assertTrue(published.body().contains("\"status\":\"PUBLISHED\""), published.body());

        for (PortalApi who : new PortalApi[] {reader, inspector, PortalApi.signedIn(portal, "cqc.inspector")}) {
            HttpResponse<byte[]> content = who.getBytes("/api/v1/reports/" + id + "/content");
            assertEquals(303, content.statusCode(), "no pre-publication copy after publication");
            assertEquals(url, content.headers().firstValue("Location").orElse(""));
            assertEquals(0, content.body().length, "not a byte of the document");
        }
        assertEquals(404, PortalApi.signedIn(portal, "agency.uploader")
                .getBytes("/api/v1/reports/" + id + "/content").statusCode(), "agencies are no party to it");
        assertEquals(409, inspector.postJson("/api/v1/reports/" + id + "/publication",
                "{\"publishedUrl\":\"" + url + "\"}").statusCode(), "published once");
        assertEquals(1, auditEvents("REPORT_PUBLISH", id, "SUCCEEDED"));
        assertEquals(3, auditEvents("REPORT_DOWNLOAD", id, "SUCCEEDED"), "each redirect is recorded");
    }

    @Test
    void aScheduledEndOfEmbargoTakesEffectAtItsMomentWithoutAnythingHavingToRun() throws Exception {
        String id = inspector.shareValidReport(TestPdf.withText("scheduled " + UUID.randomUUID()));
        Instant end = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        String url = "https://reports.ofsted.gov.uk/provider/scheduled-" + id;
        HttpResponse<String> scheduled = inspector.postJson("/api/v1/reports/" + id + "/publication",
                "{\"publishedUrl\":\"" + url + "\",\"publishedAt\":\"" + end + "\"}");
        assertEquals(200, scheduled.statusCode(), scheduled.body());
        assertTrue(scheduled.body().contains("\"status\":\"UNDER_EMBARGO\""), scheduled.body());
        assertTrue(scheduled.body().contains("\"embargoEndsAt\":\"" + end.toString().replace("Z", "")),
                scheduled.body());

        HttpResponse<byte[]> before = reader.getBytes("/api/v1/reports/" + id + "/content");
        assertEquals(200, before.statusCode(), "still under embargo: the stamped copy");
        assertTrue(new String(before.body(), 0, 5).startsWith("%PDF-"));

        Thread.sleep(Math.max(0, end.toEpochMilli() - System.currentTimeMillis()) + 500);
        HttpResponse<byte[]> after = reader.getBytes("/api/v1/reports/" + id + "/content");
        assertEquals(303, after.statusCode(), "from the moment on, only the published version");
        assertEquals(url, after.headers().firstValue("Location").orElse(""));
        assertTrue(reader.get("/api/v1/reports/" + id).body().contains("\"status\":\"PUBLISHED\""));
    }

    @Test
    void aWithdrawnReportIsNeverServedAgainAndItsReadersAreToldWhy() throws Exception {
        String id = inspector.shareValidReport(TestPdf.withText("to withdraw " + UUID.randomUUID()));
        assertEquals(403, reader.postJson("/api/v1/reports/" + id + "/withdrawal", "{\"reason\":\"mine now\"}")
                .statusCode(), "only the originator withdraws");
        assertEquals(422, inspector.postJson("/api/v1/reports/" + id + "/withdrawal", "{}").statusCode(),
                "a reason is required");

        HttpResponse<String> withdrawn = inspector.postJson("/api/v1/reports/" + id + "/withdrawal",
                "{\"reason\":\"Shared in error: wrong local authority\"}");
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        assertTrue(reader.get("/api/v1/reports/" + id).body().contains("Shared in error: wrong local authority"),
                "addressees see why");
        HttpResponse<byte[]> content = reader.getBytes("/api/v1/reports/" + id + "/content");
        assertEquals(403, content.statusCode());
        assertTrue(new String(content.body()).contains("report.withdrawn.not-served"), new String(content.body()));
        assertEquals(409, inspector.postJson("/api/v1/reports/" + id + "/publication",
                "{\"publishedUrl\":\"https://reports.ofsted.gov.uk/x\"}").statusCode(), "never published after");
        assertEquals(1, auditEvents("REPORT_WITHDRAW", id, "SUCCEEDED"));
    }

    @Test
    void publicationNeedsAnHttpsAddressAndAValidTime() throws Exception {
        String id = inspector.shareValidReport(TestPdf.withText("bad publication " + UUID.randomUUID()));
        HttpResponse<String> http = inspector.postJson("/api/v1/reports/" + id + "/publication",
                "{\"publishedUrl\":\"http://reports.ofsted.gov.uk/x\"}");
        assertEquals(422, http.statusCode(), http.body());
        assertTrue(http.body().contains("publishedUrl"), http.body());
        HttpResponse<String> badTime = inspector.postJson("/api/v1/reports/" + id + "/publication",
                "{\"publishedUrl\":\"https://reports.ofsted.gov.uk/x\",\"publishedAt\":\"tomorrow\"}");
        assertEquals(422, badTime.statusCode(), badTime.body());
        assertTrue(badTime.body().contains("publishedAt"), badTime.body());
        assertEquals(200, reader.getBytes("/api/v1/reports/" + id + "/content").statusCode(),
                "nothing changed: still the stamped copy");
    }

    @Test
    void aGrantedRequestToWithholdTakesBackTheScheduledPublicationAndTheAddresseesSeeIt() throws Exception {
        String id = inspector.shareValidReport(TestPdf.withText("withhold " + UUID.randomUUID()));
        Instant end = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        assertEquals(200, inspector.postJson("/api/v1/reports/" + id + "/publication",
                "{\"publishedUrl\":\"https://reports.ofsted.gov.uk/w\",\"publishedAt\":\"" + end + "\"}")
                .statusCode());

        String request = "{\"kind\":\"WITHHOLD\",\"applicant\":\"Northdale Council\","
                + "\"exceptionalCircumstances\":\"A judicial review has been lodged\",\"complaintReference\":\"CMP-77\"}";
        assertEquals(403, reader.postJson("/api/v1/reports/" + id + "/withhold-requests", request).statusCode(),
                "the originator records requests");
        HttpResponse<String> recorded = inspector.postJson("/api/v1/reports/" + id + "/withhold-requests", request);
        assertEquals(201, recorded.statusCode(), recorded.body());
        String requestId = PortalApi.idOf(recorded.body());
        assertTrue(recorded.body().contains("\"respondBy\""), "a response is due within 48 hours");

        HttpResponse<String> seen = reader.get("/api/v1/reports/" + id + "/withhold-requests");
        assertEquals(200, seen.statusCode());
        assertTrue(seen.body().contains("A judicial review has been lodged"), "visible to the addressees");

        // JTAI Annex D (docs/adr/0026): the other parties' views before the decision; here none was given in time
        for (String party : List.of("CQC", "HMIC", "HMI_PROBATION", "HMI_PRISONS", "HMCPSI")) {
            HttpResponse<String> view = inspector.postJson("/api/v1/reports/" + id + "/withhold-requests/"
                    + requestId + "/views", "{\"inspectorate\":\"" + party + "\",\"leadInspector\":\"Lead of "
                    + party + "\",\"noViewGivenBy\":\"" + Instant.now().minusSeconds(60) + "\"}");
            assertEquals(201, view.statusCode(), view.body());
        }
        HttpResponse<String> decided = inspector.postJson("/api/v1/reports/" + id + "/withhold-requests/" + requestId
                + "/decision", "{\"outcome\":\"GRANTED\",\"reason\":\"Until the review is heard\"}");
        assertEquals(200, decided.statusCode(), decided.body());
        assertEquals(409, inspector.postJson("/api/v1/reports/" + id + "/withhold-requests/" + requestId
                + "/decision", "{\"outcome\":\"REFUSED\",\"reason\":\"changed\"}").statusCode(), "decided once");
        String report = reader.get("/api/v1/reports/" + id).body();
        assertFalse(report.contains("\"embargoEndsAt\"") || report.contains("\"publication\""),
                "the scheduled publication is taken back: " + report);
        assertTrue(report.contains("\"status\":\"UNDER_EMBARGO\""), report);
    }

    @Test
    void onwardSharingIsRefusedWithoutABasisThatHoldsAndWrittenConsentComesFromTheOriginator() throws Exception {
        String id = inspector.shareValidReport(TestPdf.withText("onward " + UUID.randomUUID()));
        String path = "/api/v1/reports/" + id + "/onward-sharing";

        HttpResponse<String> publicDomain = reader.postJson(path,
                "{\"basis\":\"PUBLIC_DOMAIN\",\"recipient\":\"Local newspaper\"}");
        assertEquals(422, publicDomain.statusCode(), "not in the public domain before publication");
        assertTrue(publicDomain.body().contains("\"basis\""), publicDomain.body());
        HttpResponse<String> noEvidence = reader.postJson(path,
                "{\"basis\":\"LEGAL_OBLIGATION\",\"recipient\":\"Family Court\"}");
        assertEquals(422, noEvidence.statusCode(), "a legal obligation is named");
        assertTrue(noEvidence.body().contains("\"evidence\""), noEvidence.body());
        assertEquals(422, reader.postJson(path, "{\"recipient\":\"Someone\"}").statusCode(), "no basis");
        assertEquals(403, inspector.postJson(path, "{\"basis\":\"LEGAL_OBLIGATION\",\"recipient\":\"Court\","
                + "\"evidence\":\"order 1\"}").statusCode(), "the originator needs no basis for its own report");

        HttpResponse<String> asked = reader.postJson(path,
                "{\"basis\":\"WRITTEN_CONSENT\",\"recipient\":\"Northdale Safeguarding Partnership\"}");
        assertEquals(201, asked.statusCode(), asked.body());
        assertTrue(asked.body().contains("\"status\":\"CONSENT_REQUESTED\""), asked.body());
        assertTrue(asked.body().contains("\"basisHolds\":false"), "no sharing until consent is given");
        String sharingId = idOf(asked.body());

        assertEquals(403, reader.postJson(path + "/" + sharingId + "/consent", "{\"granted\":true}").statusCode(),
                "a party cannot consent for the originator");
        HttpResponse<String> granted = inspector.postJson(path + "/" + sharingId + "/consent",
                "{\"granted\":true,\"note\":\"For the partnership's review only\"}");
        assertEquals(200, granted.statusCode(), granted.body());
        assertTrue(granted.body().contains("\"basisHolds\":true"), granted.body());

        assertTrue(inspector.get(path).body().contains(sharingId), "the originator sees every record");
        assertTrue(reader.get(path).body().contains(sharingId), "the party sees its own");
        assertFalse(PortalApi.signedIn(portal, "hmic.reader").get(path).body().contains(sharingId),
                "another party does not see it");

        assertEquals(200, inspector.postJson("/api/v1/reports/" + id + "/publication",
                "{\"publishedUrl\":\"https://reports.ofsted.gov.uk/o\"}").statusCode());
        HttpResponse<String> nowPublic = reader.postJson(path,
                "{\"basis\":\"PUBLIC_DOMAIN\",\"recipient\":\"Local newspaper\"}");
        assertEquals(201, nowPublic.statusCode(), "in the public domain once published: " + nowPublic.body());
        assertEquals(3, auditEvents("ONWARD_SHARING", id, "REFUSED"), "each basis that did not hold");
        assertEquals(2, auditEvents("ONWARD_SHARING", id, "DENIED"), "the originator's own, the party's consent");
        assertEquals(3, auditEvents("ONWARD_SHARING", id, "SUCCEEDED") - listings(id), "asked, granted, public");
    }

    @Test
    void aReportMayBeAddressedToSomeOfTheOtherPartiesOnly() throws Exception {
        HttpResponse<String> shared = inspector.shareReport(ReportMetadata.aReport().addressedTo("HMIC").json(),
                "subset.pdf", TestPdf.withText("subset " + UUID.randomUUID()));
        assertEquals(201, shared.statusCode(), shared.body());
        String id = PortalApi.idOf(shared.body());
        assertEquals(200, PortalApi.signedIn(portal, "hmic.reader").getBytes("/api/v1/reports/" + id + "/content")
                .statusCode());
        assertEquals(404, reader.getBytes("/api/v1/reports/" + id + "/content").statusCode(),
                "CQC is not addressed");

        HttpResponse<String> toItself = inspector.shareReport(ReportMetadata.aReport().addressedTo("OFSTED").json(),
                "self.pdf", TestPdf.withText("self"));
        assertEquals(422, toItself.statusCode(), toItself.body());
        assertTrue(toItself.body().contains("addressees"), toItself.body());
    }

    private static String idOf(String json) {
        Matcher id = SHARING_ID.matcher(json);
        assertTrue(id.find(), json);
        return id.group(1);
    }

    /** The successful listings of the records, audited under the same action. */
    private static long listings(String id) throws Exception {
        return TestEnvironment.count("select count(*) from audit_event where action = 'ONWARD_SHARING' "
                + "and resource_id = ? and outcome = 'SUCCEEDED' and detail like 'listed %'", id);
    }

    private static long auditEvents(String action, String resourceId, String outcome) throws Exception {
        return TestEnvironment.count("select count(*) from audit_event where action = ? and resource_id = ? "
                + "and outcome = ?", action, resourceId, outcome);
    }
}
