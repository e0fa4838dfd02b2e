package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Termly inspection-plan lists on the real deployment (ISP "Sharing other information"): shared by an inspectorate's
 * sharing staff, seen by every inspectorate, refused to agencies and to anyone sharing another inspectorate's list,
 * every share and view audited; through the API and the GOV.UK pages. Each test uses a term of its own.
 */
class TermPlanIT extends PortalDeployment {

    private static final String AREA = "northdale";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{32})\"");

    private URI portal;

    @BeforeEach
    void portal() {
        portal = URI.create(base.toString());
    }

    private static String share(String term, String... areas) {
        StringBuilder json = new StringBuilder("{\"term\":\"" + term + "\",\"areas\":[");
        for (int i = 0; i < areas.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(areas[i]).append('"');
        }
        return json.append("]}").toString();
    }

    private static String listOf(String term) {
        return "/api/v1/term-plans?term=" + URLEncoder.encode(term, StandardCharsets.UTF_8);
    }

    @Test
    void ofstedSharesItsListAndCqcSeesItWithEveryStepAudited() throws Exception {
        String term = "2040-41 SPRING";
        PortalApi ofsted = PortalApi.signedIn(portal, "ofsted.inspector");
        HttpResponse<String> shared = ofsted.postJson("/api/v1/term-plans", share(term, AREA));
        assertEquals(201, shared.statusCode(), shared.body());
        String id = PortalApi.idOf(shared.body());
        assertTrue(shared.headers().firstValue("Location").orElse("").endsWith("/api/v1/term-plans/" + id));
        assertTrue(shared.body().contains("\"inspectorate\":\"OFSTED\""), shared.body());
        assertTrue(shared.body().contains("\"term\":\"" + term + "\""), shared.body());
        assertTrue(shared.body().contains("\"version\":1"), shared.body());
        assertTrue(shared.body().contains("\"areas\":[{\"id\":\"northdale\",\"name\":\"Northdale\"}]"), shared.body());
        assertTrue(shared.body().contains("\"marking\":\"OFFICIAL-SENSITIVE\""), shared.body());

        PortalApi cqc = PortalApi.signedIn(portal, "cqc.reader");
        HttpResponse<String> listed = cqc.get(listOf(term));
        assertEquals(200, listed.statusCode(), listed.body());
        assertTrue(listed.body().contains(id), listed.body());
        HttpResponse<String> viewed = cqc.get("/api/v1/term-plans/" + id);
        assertEquals(200, viewed.statusCode(), viewed.body());
        assertTrue(viewed.body().contains("Northdale"), viewed.body());

        assertEquals(1, auditEvents("TERM_PLAN_SHARE", id, "SUCCEEDED", "inspectorate=OFSTED term=" + term
                + " version=1 areas=[northdale] classification=OFFICIAL-SENSITIVE", "ofsted.inspector"));
        assertEquals(1, auditEvents("TERM_PLAN_VIEW", id, "SUCCEEDED", null, "cqc.reader"));
        assertEquals(1, auditEvents("TERM_PLAN_LIST", null, "SUCCEEDED", "term=" + term + " count=1", "cqc.reader"));
    }

    @Test
    void sharingAgainAddsAVersionThatReplacesTheListAndKeepsTheFirst() throws Exception {
        String term = "2041-42 AUTUMN";
        PortalApi lead = PortalApi.signedIn(portal, "ofsted.lead");
        String first = PortalApi.idOf(lead.postJson("/api/v1/term-plans", share(term, AREA)).body());
        HttpResponse<String> again = PortalApi.signedIn(portal, "ofsted.support")
                .postJson("/api/v1/term-plans", share(term, "Northdale"));
        assertEquals(201, again.statusCode(), again.body());
        assertTrue(again.body().contains("\"version\":2"), again.body());
        String second = PortalApi.idOf(again.body());

        PortalApi hmic = PortalApi.signedIn(portal, "hmic.reader");
        String newest = hmic.get(listOf(term)).body();
        assertTrue(newest.contains(second) && !newest.contains(first), newest);
        String history = hmic.get(listOf(term) + "&history=true").body();
        assertTrue(history.contains(first) && history.contains(second), history);
        assertEquals(200, hmic.get("/api/v1/term-plans/" + first).statusCode());
    }

    @Test
    void agencyStaffAreRefusedEverything() throws Exception {
        String term = "2042-43 SUMMER";
        String id = PortalApi.idOf(PortalApi.signedIn(portal, "ofsted.inspector")
                .postJson("/api/v1/term-plans", share(term, AREA)).body());
        PortalApi agency = PortalApi.signedIn(portal, "agency.uploader");
        long before = termPlans();

        HttpResponse<String> listed = agency.get(listOf(term));
        assertEquals(403, listed.statusCode(), listed.body());
        assertProblem(listed, "forbidden");
        assertTrue(listed.body().contains("term-plan.view.inspectorate-staff-only"), listed.body());
        HttpResponse<String> viewed = agency.get("/api/v1/term-plans/" + id);
        assertEquals(404, viewed.statusCode(), viewed.body());
        assertProblem(viewed, "not-found");
        HttpResponse<String> shared = agency.postJson("/api/v1/term-plans", share(term, AREA));
        assertEquals(403, shared.statusCode(), shared.body());
        assertTrue(shared.body().contains("term-plan.share.inspectorate-staff-only"), shared.body());

        assertEquals(before, termPlans(), "nothing stored");
        assertEquals(1, auditEvents("TERM_PLAN_LIST", null, "DENIED", "term-plan.view.inspectorate-staff-only",
                "agency.uploader"));
        assertEquals(1, auditEvents("TERM_PLAN_VIEW", id, "DENIED", "term-plan.view.inspectorate-staff-only",
                "agency.uploader"));
        assertEquals(1, auditEvents("TERM_PLAN_SHARE", null, "DENIED", "term-plan.share.inspectorate-staff-only",
                "agency.uploader"));
        assertFalse(agency.get("/reports").body().contains("href=\"/term-plans\""), "no link for agency staff");
        assertEquals(403, agency.get("/term-plans").statusCode());
    }

    @Test
    void ofstedStaffMayNotShareCqcsListNorMayStaffWithoutASharingRole() throws Exception {
        String term = "2043-44 SPRING";
        long before = termPlans();
        HttpResponse<String> forCqc = PortalApi.signedIn(portal, "ofsted.inspector").postJson("/api/v1/term-plans",
                "{\"inspectorate\":\"CQC\",\"term\":\"" + term + "\",\"areas\":[\"" + AREA + "\"]}");
        assertEquals(403, forCqc.statusCode(), forCqc.body());
        assertProblem(forCqc, "forbidden");
        assertTrue(forCqc.body().contains("term-plan.share.own-inspectorate-only"), forCqc.body());
        HttpResponse<String> analyst = PortalApi.signedIn(portal, "ofsted.analyst")
                .postJson("/api/v1/term-plans", share(term, AREA));
        assertEquals(403, analyst.statusCode(), analyst.body());
        assertTrue(analyst.body().contains("term-plan.share.requires-inspector-lead-inspector-or-inspection-support"),
                analyst.body());

        assertEquals(before, termPlans(), "nothing stored");
        assertEquals(1, auditEvents("TERM_PLAN_SHARE", null, "DENIED", "term-plan.share.own-inspectorate-only",
                "ofsted.inspector"));
        assertEquals(200, PortalApi.signedIn(portal, "ofsted.analyst").get(listOf(term)).statusCode(),
                "but they see the lists");
    }

    @Test
    void badInputGetsA422NamingTheFieldAndIsAudited() throws Exception {
        PortalApi ofsted = PortalApi.signedIn(portal, "ofsted.inspector");
        long before = termPlans();
        record Case(String name, String body, String field) {
        }
        for (Case c : new Case[] {
                new Case("bad term", share("2044 SPRING", AREA), "term"),
                new Case("not a term", share("2044-45 WINTER", AREA), "term"),
                new Case("no term", "{\"areas\":[\"" + AREA + "\"]}", "term"),
                new Case("no areas", share("2044-45 SPRING"), "areas"),
                new Case("unknown area", share("2044-45 SPRING", "atlantis"), "areas"),
                new Case("an area twice", share("2044-45 SPRING", AREA, "Northdale"), "areas"),
                new Case("areas not a list", "{\"term\":\"2044-45 SPRING\",\"areas\":\"northdale\"}", "areas"),
                new Case("not JSON", "not json", "body")}) {
            HttpResponse<String> response = ofsted.postJson("/api/v1/term-plans", c.body());
            assertEquals(422, response.statusCode(), c.name() + ": " + response.body());
            assertProblem(response, "invalid-input");
            assertTrue(response.body().contains("\"field\":\"" + c.field() + "\""), c.name() + ": " + response.body());
        }
        HttpResponse<String> listed = ofsted.get(listOf("next term"));
        assertEquals(422, listed.statusCode(), listed.body());
        assertTrue(listed.body().contains("\"field\":\"term\""), listed.body());

        assertEquals(before, termPlans(), "nothing stored");
        assertTrue(auditEvents("TERM_PLAN_SHARE", null, "REFUSED", "invalid: [term]", "ofsted.inspector") >= 3);
        assertTrue(auditEvents("TERM_PLAN_SHARE", null, "REFUSED", "invalid: [areas]", "ofsted.inspector") >= 3);
    }

    @Test
    void sharingNeedsTheCsrfToken() throws Exception {
        long before = termPlans();
        // a session of its own, so that the request can go without the token PortalApi always sends
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).cookieHandler(new java.net.CookieManager())
                .build();
        HttpResponse<String> signIn = client.send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"ofsted.support\","
                        + "\"password\":\"" + TestEnvironment.demoPassword() + "\",\"otp\":\""
                        + TotpCodes.demo("ofsted.support") + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signIn.statusCode(), signIn.body());
        for (String token : new String[] {null, "not-the-token"}) {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(uri("/api/v1/term-plans"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(share("2045-46 SPRING", AREA)));
            if (token != null) {
                request.header("X-CSRF-Token", token);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, response.statusCode(), response.body());
            assertProblem(response, "csrf-token-invalid");
        }
        assertEquals(401, PortalApi.anonymous(portal).get(listOf("2045-46 SPRING")).statusCode());
        assertEquals(before, termPlans());
    }

    @Test
    void thePagesShareAListAndShowEveryInspectoratesMarkedTopAndBottom() throws Exception {
        String term = "2026-27 SUMMER";
        PortalApi ofsted = PortalApi.signedIn(portal, "ofsted.inspector");
        HttpResponse<String> form = ofsted.get("/term-plans/new");
        assertEquals(200, form.statusCode(), form.body());
        assertTrue(form.body().contains("value=\"northdale\""), form.body());
        assertTrue(ofsted.get("/reports").body().contains("href=\"/term-plans\""), "nav link for inspectorate staff");

        HttpResponse<String> refused = ofsted.postForm("/term-plans/new", "term", term);
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("govuk-error-summary"), refused.body());
        assertTrue(refused.body().contains("href=\"#areas\""), refused.body());
        assertTrue(refused.body().contains("id=\"areas\""), "the summary links to the first checkbox");
        HttpResponse<String> badTerm = ofsted.postForm("/term-plans/new", "term", "whenever", "areas", AREA);
        assertEquals(422, badTerm.statusCode(), badTerm.body());
        assertTrue(badTerm.body().contains("href=\"#term\""), badTerm.body());

        HttpResponse<String> shared = ofsted.postForm("/term-plans/new", "term", term, "areas", AREA);
        assertEquals(302, shared.statusCode(), shared.body());
        String location = shared.headers().firstValue("Location").orElse("");
        assertTrue(location.contains("/term-plans?term=2026-27+SUMMER&shared="), location);

        HttpResponse<String> page = PortalApi.signedIn(portal, "cqc.reader")
                .get("/term-plans?term=" + URLEncoder.encode(term, StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode(), page.body());
        String html = page.body();
        assertTrue(html.indexOf("id=\"marking-top\">OFFICIAL-SENSITIVE<") < html.indexOf("Northdale")
                && html.indexOf("Northdale") < html.indexOf("id=\"marking-bottom\">OFFICIAL-SENSITIVE<"), html);
        for (String inspectorate : new String[] {"Ofsted", "Care Quality Commission", "HM Inspectorate of Probation",
                "HM Crown Prosecution Service Inspectorate"}) {
            assertTrue(html.contains("<caption class=\"govuk-table__caption govuk-table__caption--m\">"
                    + inspectorate + "</caption>"), inspectorate);
        }
        assertTrue(html.contains("No list shared for this term yet"), html);
        assertEquals(403, PortalApi.signedIn(portal, "cqc.reader").get("/term-plans/new").statusCode(),
                "a reader does not share");
        assertEquals(422, PortalApi.signedIn(portal, "cqc.reader").get("/term-plans?term=soon").statusCode());
    }

    private static void assertProblem(HttpResponse<String> response, String type) {
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""),
                response.body());
        assertTrue(response.body().contains("\"type\":\"urn:inspectorates-portal:problem:" + type + "\""),
                response.body());
    }

    private static long termPlans() throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement query = connection.prepareStatement("select count(*) from term_plan");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Events of the action by the user, about the resource (null: none) and with the detail (null: any). */
    private static long auditEvents(String action, String resourceId, String outcome, String detail, String username)
            throws Exception {
        return TestEnvironment.count("select count(*) from audit_event e join user_account u on u.id = e.actor_id "
                + "where e.action = ? and e.resource_id is not distinct from ? and e.outcome = ? "
                + "and (?::text is null or e.detail = ?) and u.username = ?",
                action, resourceId, outcome, detail, detail, username);
    }
}
