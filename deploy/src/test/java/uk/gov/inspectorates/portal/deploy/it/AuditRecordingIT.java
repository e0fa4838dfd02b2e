package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the audit trail records about real requests (issue 18, docs/adr/0034), read back from audit_event: one event
 * per page GET on every main page; the report or inspection and whose information it is; download ids in their own
 * field; the client address (no trusted proxy configured: a forged X-Forwarded-For is ignored) and user agent; the
 * actor's roles; sign-in outcomes told apart; and never a child identifier, a file name or a document's text.
 */
class AuditRecordingIT extends PortalDeployment {

    private URI portal() {
        return URI.create(base.toString());
    }

    private static long lastSeq() throws Exception {
        return TestEnvironment.count("select coalesce(max(seq), 0) from audit_event");
    }

    private static String userId(String username) throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select id from user_account where username = ?")) {
            statement.setString(1, username);
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next(), "no user " + username);
                return row.getString(1);
            }
        }
    }

    /** Every column of the events after {@code seq} (by the actor, if given), oldest first, as text. */
    private static List<Map<String, String>> eventsAfter(long seq, String actorId) throws Exception {
        List<Map<String, String>> events = new ArrayList<>();
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement statement = connection.prepareStatement("select * from audit_event where seq > ?"
                     + (actorId == null ? "" : " and actor_id = ?") + " order by seq")) {
            statement.setLong(1, seq);
            if (actorId != null) {
                statement.setString(2, actorId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData columns = rows.getMetaData();
                while (rows.next()) {
                    Map<String, String> event = new LinkedHashMap<>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        Object value = rows.getObject(i);
                        String text;
                        if (value instanceof Array array) {
                            text = String.join(",", new TreeSet<>(Arrays.asList((String[]) array.getArray())));
                        } else if (value instanceof byte[] bytes) {
                            text = new String(bytes, StandardCharsets.ISO_8859_1);
                        } else {
                            text = value == null ? null : value.toString();
                        }
                        event.put(columns.getColumnName(i), text);
                    }
                    events.add(event);
                }
            }
        }
        return events;
    }

    private static Set<String> organisationsOf(String... inspectorates) throws Exception {
        Set<String> ids = new TreeSet<>();
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select id from organisation where inspectorate = any(?)")) {
            statement.setArray(1, connection.createArrayOf("text", inspectorates));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /** GETs the page and returns the one event it wrote (failing unless it wrote exactly one). */
    private Map<String, String> onePageView(PortalApi api, String actorId, String path) throws Exception {
        long before = lastSeq();
        HttpResponse<byte[]> page = api.getBytes(path, "X-Forwarded-For", "6.6.6.6");
        assertEquals(200, page.statusCode(), path + ": " + new String(page.body(), StandardCharsets.UTF_8));
        List<Map<String, String>> events = eventsAfter(before, actorId);
        assertEquals(1, events.size(), () -> "one GET of " + path + " is one audit event, got "
                + events.stream().map(e -> e.get("action") + "/" + e.get("outcome")).toList());
        Map<String, String> event = events.get(0);
        assertEquals("SUCCEEDED", event.get("outcome"), path + ": " + event);
        assertFalse("6.6.6.6".equals(event.get("client_address")), "no trusted proxy: the header is not believed");
        assertNotNull(event.get("client_address"), path);
        assertNotNull(event.get("user_agent"), path);
        assertNotNull(event.get("actor_roles"), path);
        return event;
    }

    @Test
    void everyMainPageIsOneEventCarryingWhoFromWhereAndWhoseInformationItIs() throws Exception {
        Set<String> ofstedOnly = organisationsOf("OFSTED");
        Set<String> participants = organisationsOf("OFSTED", "CQC", "HMIC");
        assertEquals(3, participants.size(), "the fixture: one organisation per inspectorate");

        PortalApi inspector = PortalApi.signedIn(portal(), "ofsted.inspector");
        String inspectorId = userId("ofsted.inspector");
        String report = inspector.shareValidReport(TestPdf.withText("Audit page views " + UUID.randomUUID()));

        Map<String, String> listed = onePageView(inspector, inspectorId, "/reports");
        assertEquals("REPORT_LIST", listed.get("action"));
        Map<String, String> viewed = onePageView(inspector, inspectorId, "/reports/" + report);
        assertEquals("REPORT_VIEW", viewed.get("action"));
        assertEquals(report, viewed.get("report_id"));
        assertEquals(String.join(",", ofstedOnly), viewed.get("information_owners"));
        assertEquals("INSPECTOR", viewed.get("actor_roles"));

        // a download is its own event, with the stamped copy's download id in its own field
        long before = lastSeq();
        HttpResponse<byte[]> content = inspector.getBytes("/reports/" + report + "/content");
        assertEquals(200, content.statusCode());
        List<Map<String, String>> downloads = eventsAfter(before, inspectorId);
        assertEquals(List.of("REPORT_DOWNLOAD"), downloads.stream().map(e -> e.get("action")).toList());
        String downloadId = downloads.get(0).get("download_id");
        assertNotNull(downloadId, downloads.toString());
        assertTrue(new String(content.body(), StandardCharsets.ISO_8859_1).length() > 0);
        assertEquals(report, downloads.get(0).get("report_id"));

        String inspection = ReferralIT.openInspection(PortalApi.signedIn(portal(), "ofsted.lead"));
        PortalApi cqc = PortalApi.signedIn(portal(), "cqc.inspector");
        String cqcId = userId("cqc.inspector");
        Map<String, String> inspectionPage = onePageView(cqc, cqcId, "/inspections/" + inspection);
        assertEquals("INSPECTION_VIEW", inspectionPage.get("action"));
        assertEquals(inspection, inspectionPage.get("inspection_id"));
        assertEquals(String.join(",", participants), inspectionPage.get("information_owners"));
        assertEquals("INSPECTION_LIST", onePageView(cqc, cqcId, "/inspections").get("action"));
        onePageView(cqc, cqcId, "/due");
        onePageView(cqc, cqcId, "/term-plans");
        onePageView(cqc, cqcId, "/account");
        onePageView(cqc, cqcId, "/inspections/" + inspection + "/referrals/new");

        PortalApi admin = PortalApi.signedIn(portal(), "ofsted.admin");
        String adminId = userId("ofsted.admin");
        for (String page : List.of("/admin", "/admin/organisations", "/admin/teams", "/admin/users",
                "/admin/invitations", "/admin/retention", "/admin/removals")) {
            Map<String, String> event = onePageView(admin, adminId, page);
            assertTrue(event.get("action").startsWith("ADMINISTRATION_VIEW") || event.get("action").startsWith(
                    "RETENTION") || event.get("action").startsWith("REMOVAL"), page + ": " + event);
        }
    }

    /**
     * A JTAI flow with child identifiers (referral case numbers, an evidence file's name and text): no audit event
     * written meanwhile holds any of them, in any field. The evidence's events name the inspection and its
     * participating inspectorates, its download its download id.
     */
    @Test
    void noEventHoldsAChildIdentifierAFileNameOrADocumentsText() throws Exception {
        String token = Long.toString(System.nanoTime(), 36).toUpperCase();
        String caseNumber = "CS-" + token + "-17";
        String childId = "CHILD" + token;
        String fileName = "records-of-" + childId + ".pdf";
        String text = "Strategy meeting minutes for " + childId + " pupil Zephyrine" + token;
        long start = lastSeq();

        PortalApi lead = PortalApi.signedIn(portal(), "ofsted.lead");
        String inspection = ReferralIT.openInspection(lead);
        PortalApi hmic = PortalApi.signedIn(portal(), "hmic.inspector");
        HttpResponse<String> requested = hmic.postJson("/api/v1/inspections/" + inspection + "/requests",
                "{\"agency\":\"northdale-police\",\"title\":\"Police protection records\","
                        + "\"items\":[\"KEY_CASE_FILE_DOCUMENTS\"]}");
        assertEquals(201, requested.statusCode(), requested.body());
        String request = PortalApi.idOf(requested.body());
        PortalApi police = PortalApi.signedIn(portal(), "police.uploader");
        HttpResponse<String> uploaded = police.postMultipart("/api/v1/inspections/" + inspection + "/requests/"
                        + request + "/documents",
                List.<String[]>of(new String[] {"metadata", "{\"classification\":{\"tier\":\"OFFICIAL-SENSITIVE\","
                        + "\"descriptor\":\"PERSONAL\"}}"}), fileName, TestPdf.withText(text), true);
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        String document = PortalApi.idOf(uploaded.body());
        HttpResponse<byte[]> served = hmic.getBytes("/api/v1/documents/" + document + "/content");
        assertEquals(200, served.statusCode());
        PortalApi cqc = PortalApi.signedIn(portal(), "cqc.inspector");
        HttpResponse<String> raised = cqc.postJson("/api/v1/inspections/" + inspection + "/referrals",
                ReferralIT.referral("northdale-childrens-services", 1, caseNumber));
        assertEquals(201, raised.statusCode(), raised.body());
        String referral = PortalApi.idOf(raised.body());
        assertEquals(200, cqc.get("/api/v1/inspections/" + inspection + "/referrals/" + referral).statusCode());
        assertEquals(200, cqc.get("/inspections/" + inspection + "/referrals/" + referral).statusCode());
        assertEquals(200, hmic.get("/inspections/" + inspection + "/requests/" + request).statusCode());

        List<Map<String, String>> events = eventsAfter(start, null);
        assertFalse(events.isEmpty());
        for (Map<String, String> event : events) {
            for (Map.Entry<String, String> field : event.entrySet()) {
                String value = field.getValue() == null ? "" : field.getValue();
                for (String secret : List.of(caseNumber, childId, fileName, "Zephyrine" + token, token)) {
                    assertFalse(value.contains(secret), () -> "audit event " + event.get("seq") + " field "
                            + field.getKey() + " holds " + secret + ": " + value);
                }
            }
        }

        Set<String> participants = organisationsOf("OFSTED", "CQC", "HMIC");
        Map<String, String> download = events.stream().filter(e -> "EVIDENCE_DOWNLOAD".equals(e.get("action")))
                .findFirst().orElseThrow();
        assertNotNull(download.get("download_id"), download.toString());
        assertEquals(inspection, download.get("inspection_id"));
        assertEquals(String.join(",", participants), download.get("information_owners"));
        for (String action : List.of("EVIDENCE_UPLOAD", "REFERRAL_RAISE", "REFERRAL_VIEW", "INFORMATION_REQUEST")) {
            Map<String, String> event = events.stream().filter(e -> action.equals(e.get("action"))
                    && "SUCCEEDED".equals(e.get("outcome"))).findFirst().orElseThrow(() -> new AssertionError(
                    "no " + action));
            assertEquals(inspection, event.get("inspection_id"), action + ": " + event);
            assertEquals(String.join(",", participants), event.get("information_owners"), action);
        }
    }

    /**
     * Sign-in outcomes are told apart by outcome and detail (unknown name, lockout, a wrong second factor, success
     * with the roles); sign-out and the end of the other sessions are recorded; neither a password nor a code is.
     */
    @Test
    void signInSuccessFailureSecondFactorFailureAndLockoutAreEachRecorded() throws Exception {
        String wrongPassword = "Wrong-" + UUID.randomUUID();
        String stranger = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        long start = lastSeq();

        PortalApi api = PortalApi.anonymous(portal());
        int status = 0;
        for (int i = 0; i < 12 && status != 429; i++) {
            status = api.signIn(stranger, wrongPassword, "123456").statusCode();
        }
        assertEquals(429, status, "the name is locked after repeated failures");
        String reader = "cqc.reader";
        assertEquals(401, PortalApi.anonymous(portal()).signIn(reader, TestEnvironment.demoPassword(), "000000")
                .statusCode());
        PortalApi signedIn = PortalApi.newSignIn(portal(), reader);
        String readerId = userId(reader);
        assertEquals(200, signedIn.get("/api/v1/me").statusCode());

        List<Map<String, String>> signIns = eventsAfter(start, null).stream()
                .filter(e -> e.get("action").startsWith("SIGN_IN")).toList();
        List<String> strangers = signIns.stream().filter(e -> e.get("actor_id") == null)
                .map(e -> e.get("outcome") + ":" + e.get("detail")).toList();
        assertTrue(strangers.stream().anyMatch(e -> e.equals("REFUSED:unknown username")), strangers.toString());
        assertTrue(strangers.stream().anyMatch(e -> e.startsWith("REFUSED:locked until")), strangers.toString());
        List<Map<String, String>> readers = signIns.stream().filter(e -> readerId.equals(e.get("actor_id"))).toList();
        assertTrue(readers.stream().anyMatch(e -> "REFUSED".equals(e.get("outcome"))
                && e.get("detail").contains("security code")), readers.toString());
        Map<String, String> success = readers.stream().filter(e -> "SUCCEEDED".equals(e.get("outcome")))
                .findFirst().orElseThrow();
        assertEquals("READER", success.get("actor_roles"));
        assertNotNull(success.get("client_address"));
        assertNotNull(success.get("user_agent"));
        for (Map<String, String> event : signIns) {
            for (String value : event.values()) {
                assertFalse(value != null && (value.contains(wrongPassword)
                        || value.contains(TestEnvironment.demoPassword())), "a password recorded: " + event);
            }
        }

        long beforeSignOut = lastSeq();
        assertEquals(204, signedIn.delete("/api/v1/session?scope=everywhere").statusCode());
        List<Map<String, String>> ends = eventsAfter(beforeSignOut, readerId);
        assertEquals(List.of("SIGN_OUT", "SESSION_END"), ends.stream().map(e -> e.get("action")).toList());
        assertTrue(ends.get(1).get("detail").startsWith("signed out everywhere"), ends.toString());
        assertNotNull(ends.get(1).get("client_address"), "a session end carries the origin of the request ending it");
    }
}
