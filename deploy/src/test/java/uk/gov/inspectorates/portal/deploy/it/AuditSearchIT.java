package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SIRO's search of the audit trail over the real API and pages (issue 18, docs/adr/0033): a stamped copy's
 * download id finds its reader and the time; "who has seen this report?" for its originator's SIRO; each search is
 * audited once; bad parameters are named (422), others are refused naming the rule (403); the page works without
 * JavaScript and only SIROs are shown the way to it.
 */
class AuditSearchIT extends PortalDeployment {

    private URI portal;

    @BeforeEach
    void portal() {
        portal = URI.create(base.toString());
    }

    private PortalApi as(String username) throws Exception {
        return PortalApi.signedIn(portal, username);
    }

    @Test
    void aDownloadIdFindsTheReaderAndTheOriginatorsSiroSeesWhoHasSeenTheReport() throws Exception {
        PortalApi inspector = as("ofsted.inspector");
        HttpResponse<String> shared = inspector.shareReport(ReportMetadata.aReport()
                .titled("Audit search " + UUID.randomUUID()).addressedTo("CQC").json(), "report.pdf",
                TestPdf.withText("Audit search " + UUID.randomUUID()));
        assertEquals(201, shared.statusCode(), shared.body());
        String report = PortalApi.idOf(shared.body());
        PortalApi cqcReader = as("cqc.reader");
        String readerId = JsonParser.parseString(cqcReader.get("/api/v1/me").body()).getAsJsonObject()
                .get("id").getAsString();
        HttpResponse<byte[]> download = cqcReader.getBytes("/api/v1/reports/" + report + "/content");
        assertEquals(200, download.statusCode());
        String downloadId = download.headers().firstValue("X-Download-Id").orElseThrow();

        // CQC's SIRO, given the id printed on the leaked page, finds their reader and the time
        HttpResponse<String> leak = as("cqc.siro").get("/api/v1/audit?downloadId=" + downloadId);
        assertEquals(200, leak.statusCode(), leak.body());
        JsonObject found = JsonParser.parseString(leak.body()).getAsJsonObject();
        JsonArray events = found.getAsJsonArray("events");
        assertEquals(1, events.size(), leak.body());
        JsonObject event = events.get(0).getAsJsonObject();
        assertEquals(readerId, event.get("actorId").getAsString());
        assertEquals("REPORT_DOWNLOAD", event.get("action").getAsString());
        assertEquals(downloadId, event.get("downloadId").getAsString());
        assertTrue(event.has("at") && event.get("seq").getAsLong() > 0, leak.body());
        assertTrue(event.get("hash").getAsString().matches("[0-9a-f]{64}"), leak.body());
        assertFalse(found.get("more").getAsBoolean());

        // Ofsted's SIRO: who has seen the report (the reader, the time, the download id), though they cannot open it
        PortalApi ofstedSiro = as("ofsted.siro");
        HttpResponse<String> readers = ofstedSiro.get("/api/v1/audit/reports/" + report + "/readers");
        assertEquals(200, readers.statusCode(), readers.body());
        assertTrue(readers.body().contains(downloadId) && readers.body().contains(readerId), readers.body());
        HttpResponse<String> readersPage = ofstedSiro.get("/audit/reports/" + report);
        assertEquals(200, readersPage.statusCode(), readersPage.body());
        assertTrue(readersPage.body().contains(downloadId), readersPage.body());
        assertEquals(404, as("cqc.siro").get("/api/v1/audit/reports/" + report + "/readers").statusCode(),
                "not CQC's report: CQC's SIRO may not know of it");
        HttpResponse<String> refused = inspector.get("/api/v1/audit/reports/" + report + "/readers");
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("audit.report.originator-siro"), refused.body());

        // and Ofsted's SIRO, whose report it is, finds the same reader by the same id (the event names its owner)
        HttpResponse<String> ofstedLeak = ofstedSiro.get("/api/v1/audit?downloadId=" + downloadId);
        assertEquals(200, ofstedLeak.statusCode(), ofstedLeak.body());
        JsonArray ofstedFound = JsonParser.parseString(ofstedLeak.body()).getAsJsonObject().getAsJsonArray("events");
        assertEquals(1, ofstedFound.size(), ofstedLeak.body());
        JsonObject ofstedEvent = ofstedFound.get(0).getAsJsonObject();
        assertEquals(readerId, ofstedEvent.get("actorId").getAsString());
        assertEquals(report, ofstedEvent.get("reportId").getAsString());
        assertTrue(ofstedEvent.getAsJsonArray("informationOwners").toString().contains("ofsted"), ofstedLeak.body());
        // CQC's SIRO searching the report sees their own reader's download, not Ofsted's internal activity on it
        HttpResponse<String> cqcByReport = as("cqc.siro").get("/api/v1/audit?report=" + report);
        assertEquals(200, cqcByReport.statusCode(), cqcByReport.body());
        JsonArray cqcEvents = JsonParser.parseString(cqcByReport.body()).getAsJsonObject().getAsJsonArray("events");
        assertFalse(cqcEvents.isEmpty(), cqcByReport.body());
        cqcEvents.forEach(e -> assertEquals("cqc", e.getAsJsonObject().get("actorOrganisationId").getAsString(),
                cqcByReport.body()));
        assertFalse(cqcByReport.body().contains("REPORT_SHARE"), cqcByReport.body());

        // Ofsted's SIRO searches by report: Ofsted's own inspector's share is theirs to see
        HttpResponse<String> byReport = ofstedSiro.get("/api/v1/audit?report=" + report);
        assertEquals(200, byReport.statusCode(), byReport.body());
        assertTrue(byReport.body().contains("REPORT_SHARE"), byReport.body());

        // once published, the report page shows its originator's SIRO who has seen it, and nobody else
        assertEquals(200, inspector.postJson("/api/v1/reports/" + report + "/publication",
                "{\"publishedUrl\":\"https://reports.ofsted.gov.uk/provider/audit\"}").statusCode());
        String page = ofstedSiro.get("/reports/" + report).body();
        assertTrue(page.contains("Who has seen this report?") && page.contains(downloadId), page);
        String cqcSirosPage = as("cqc.siro").get("/reports/" + report).body();
        assertFalse(cqcSirosPage.contains("who-has-seen"), cqcSirosPage);
        assertFalse(inspector.get("/reports/" + report).body().contains("who-has-seen"));

        // the audit page: the same search without JavaScript, the reader and the time in a banner
        HttpResponse<String> leakPage = as("cqc.siro").get("/audit?downloadId=" + downloadId);
        assertEquals(200, leakPage.statusCode(), leakPage.body());
        assertTrue(leakPage.body().contains("Download found") && leakPage.body().contains(readerId),
                leakPage.body());
        // the same criteria to the exports (mustache escapes '=' in attributes; the browser reads it back)
        assertTrue(leakPage.body().contains("/api/v1/audit/export.csv?downloadId&#61;" + downloadId), leakPage.body());
    }

    @Test
    void eachSearchIsAuditedOnceWithItsCriteriaAndPagesSayWhetherThereIsMore() throws Exception {
        PortalApi siro = as("ofsted.siro");
        String siroId = JsonParser.parseString(siro.get("/api/v1/me").body()).getAsJsonObject().get("id")
                .getAsString();
        long before = searchesBy(siroId);
        HttpResponse<String> first = siro.get("/api/v1/audit?pageSize=1&outcome=succeeded");
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(before + 1, searchesBy(siroId));
        JsonObject page = JsonParser.parseString(first.body()).getAsJsonObject();
        assertEquals(1, page.getAsJsonArray("events").size());
        assertTrue(page.get("more").getAsBoolean(), first.body());
        HttpResponse<String> second = siro.get(page.get("next").getAsString());
        assertEquals(200, second.statusCode(), second.body());
        long firstSeq = page.getAsJsonArray("events").get(0).getAsJsonObject().get("seq").getAsLong();
        long secondSeq = JsonParser.parseString(second.body()).getAsJsonObject().getAsJsonArray("events").get(0)
                .getAsJsonObject().get("seq").getAsLong();
        assertTrue(secondSeq < firstSeq, "newest first, and the next page is the trail as it stood for the first");
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement query = connection.prepareStatement("select detail from audit_event where actor_id = ?"
                     + " and action = 'AUDIT_SEARCH' order by seq desc limit 1")) {
            query.setString(1, siroId);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                assertTrue(rows.getString(1).matches("outcome=SUCCEEDED to=\\S+ page=2 pageSize=1"),
                        rows.getString(1));
            }
        }
    }

    @Test
    void badParametersAreNamedAndOthersAreRefusedWithTheRule() throws Exception {
        HttpResponse<String> bad = as("cqc.siro").get("/api/v1/audit?from=yesterday&outcome=maybe&pageSize=501"
                + "&downloadId=xyz");
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        Set<String> fields = new HashSet<>();
        JsonParser.parseString(bad.body()).getAsJsonObject().getAsJsonArray("errors")
                .forEach(error -> fields.add(error.getAsJsonObject().get("field").getAsString()));
        assertEquals(Set.of("from", "outcome", "pageSize", "downloadId"), fields, bad.body());

        for (String other : new String[] {"cqc.reader", "ofsted.admin", "ofsted.inspector", "agency.admin"}) {
            HttpResponse<String> refused = as(other).get("/api/v1/audit");
            assertEquals(403, refused.statusCode(), other + ": " + refused.body());
            assertTrue(refused.body().contains("audit.read.own-organisation-siro"), refused.body());
            assertEquals(403, as(other).get("/audit").statusCode(), other);
            assertFalse(as(other).get("/reports").body().contains("href=\"/audit\""), other + " has no way there");
        }

        PortalApi siro = as("cqc.siro");
        String form = siro.get("/audit").body();
        assertTrue(form.contains("<form method=\"get\" action=\"/audit\""), form);
        assertTrue(siro.get("/reports").body().contains("href=\"/audit\""), "the SIRO's navigation");
        HttpResponse<String> badPage = siro.get("/audit?from=31%2F01%2F2030&outcome=maybe");
        assertEquals(422, badPage.statusCode(), badPage.body());
        assertTrue(badPage.body().contains("govuk-error-summary") && badPage.body().contains("href=\"#from\"")
                && badPage.body().contains("value=\"31/01/2030\""), badPage.body());
    }

    private static long searchesBy(String actorId) throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement query = connection.prepareStatement("select count(*) from audit_event where actor_id = ?"
                     + " and action = 'AUDIT_SEARCH'")) {
            query.setString(1, actorId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
