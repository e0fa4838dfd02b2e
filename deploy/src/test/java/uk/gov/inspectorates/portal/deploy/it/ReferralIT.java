package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Referrals of concern (JTAI Annex C, docs/adr/0022) over the real API, database and audit trail: raised by an inspector
 * of a participating inspectorate to an agency of the area; seen only by the inspection's inspectorates and the agency
 * referred to (another agency of the same area gets 404); each step by the right person (403 naming the rule) and in
 * order (409); case numbers that look like names refused (422) with nothing kept; every step audited.
 */
class ReferralIT extends PortalDeployment {

    /** Chief officer of Northdale Police: an agency of the inspected area that the referrals are not to. */
    static final String POLICE_CHIEF = "referral.police.chief";
    static final String POLICE_CHIEF_ID = "referral-it-police-chief";

    private URI portal;

    @BeforeAll
    static void anotherAgencyOfTheArea() throws Exception {
        createPerson(POLICE_CHIEF_ID, POLICE_CHIEF, "Priya Police-Chief", "northdale-police", "AGENCY_CHIEF_OFFICER");
    }

    /** A person the demo seed does not have, signing in with the demo password and codes. */
    static void createPerson(String id, String username, String name, String organisationId, String role)
            throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement user = connection.prepareStatement("insert into user_account (id, username, "
                     + "display_name, organisation_id, roles) values (?, ?, ?, ?, ?) on conflict (id) do nothing")) {
            user.setString(1, id);
            user.setString(2, username);
            user.setString(3, name);
            user.setString(4, organisationId);
            user.setArray(5, connection.createArrayOf("text", new String[] {role}));
            user.executeUpdate();
        }
        MatrixSubjects.giveTheDemoCredential(List.of(id));
    }

    @BeforeEach
    void portal() {
        portal = URI.create(base.toString());
    }

    /** An inspection of Northdale led by ofsted.lead, with CQC taking part. */
    static String openInspection(PortalApi lead) throws Exception {
        HttpResponse<String> opened = lead.postJson("/api/v1/inspections", "{\"localAuthorityArea\":\"northdale\","
                + "\"theme\":\"Children at risk of exploitation\",\"notifiedOn\":\"2026-12-01\","
                + "\"inspectorates\":[\"OFSTED\",\"CQC\",\"HMIC\"],\"leadInspectorate\":\"OFSTED\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        return PortalApi.idOf(opened.body());
    }

    static String referral(String agency, int category, String... caseNumbers) {
        StringBuilder numbers = new StringBuilder();
        for (String number : caseNumbers) {
            numbers.append(numbers.length() == 0 ? "" : ",").append('"').append(number).append('"');
        }
        return "{\"agency\":\"" + agency + "\",\"caseNumbers\":[" + numbers + "],\"category\":" + category
                + ",\"issues\":\"No strategy discussion was held after the second missing episode.\","
                + "\"responseRequiredBy\":\"" + Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
                + "\"}";
    }

    private static String step(String step, String text) {
        return "{\"step\":\"" + step + "\"" + (text == null ? "" : ",\"text\":\"" + text + "\"") + "}";
    }

    @Test
    void aCategory1ReferralGoesThroughEveryStepEachByTheRightPersonInOrder() throws Exception {
        PortalApi lead = PortalApi.signedIn(portal, "ofsted.lead");
        PortalApi cqc = PortalApi.signedIn(portal, "cqc.inspector");
        PortalApi ofstedInspector = PortalApi.signedIn(portal, "ofsted.inspector");
        PortalApi uploader = PortalApi.signedIn(portal, "agency.uploader");
        PortalApi chief = PortalApi.signedIn(portal, "agency.chief");
        String inspection = openInspection(lead);
        String referrals = "/api/v1/inspections/" + inspection + "/referrals";

        HttpResponse<String> raised = cqc.postJson(referrals, referral("northdale-childrens-services", 1,
                "CS-2026-0417", "CS-2026-0418"));
        assertEquals(201, raised.statusCode(), raised.body());
        String id = PortalApi.idOf(raised.body());
        String one = referrals + "/" + id;
        assertTrue(raised.headers().firstValue("Location").orElse("").endsWith(one));
        assertTrue(raised.body().contains("\"stage\":\"AWAITING_AGENCY_RESPONSE\""), raised.body());
        assertTrue(raised.body().contains("\"nextStep\":\"RESPONSE\""), raised.body());
        assertTrue(raised.body().contains("\"caseNumbers\":[\"CS-2026-0417\",\"CS-2026-0418\"]"), raised.body());
        assertTrue(raised.body().contains("\"category\":1"), raised.body());
        assertTrue(raised.body().contains("\"by\":\"Chris Inspector\""), raised.body());
        assertEquals(1, audited("REFERRAL_RAISE", id, "SUCCEEDED"));
        // flagged at once to both sides by e-mail: the agency's chief officer and uploaders, the lead inspector
        String link = "/inspections/" + inspection + "/referrals/" + id;
        for (String recipient : List.of("agency.chief@demo.invalid", "agency.uploader@demo.invalid",
                "ofsted.lead@demo.invalid")) {
            jakarta.mail.internet.MimeMessage mail = Mailbox.await("category 1 to " + recipient,
                    Mailbox.to(recipient, link));
            assertEquals("Category 1 referral of concern", mail.getSubject());
            assertFalse(Mailbox.body(mail).contains("CS-2026"), "no case number in an e-mail");
        }
        assertEquals(0, TestEnvironment.count("select count(*) from notification_outbox where link like ? and "
                + "recipient = ?", "%" + link, POLICE_CHIEF + "@demo.invalid"), "not to another agency");

        // out of order: 409 to whoever may see it, and nothing changes
        assertProblem(409, "state-conflict", cqc.putJson(one, step("EVALUATION", "Too early")));
        assertProblem(409, "state-conflict", lead.putJson(one, step("LEAD_INSPECTOR_SIGN_OFF", null)));
        // not theirs: 403 naming the rule
        assertRule("referral.respond.agency-referred-to-only", cqc.putJson(one, step("RESPONSE", "Not mine")));
        assertProblem(422, "invalid-input", uploader.putJson(one, step("RESPONSE", " ")));
        assertProblem(422, "invalid-input", uploader.putJson(one, step("ANSWER", "No such step")));

        HttpResponse<String> responded = uploader.putJson(one, step("RESPONSE", "A strategy meeting was held the "
                + "same day; the child is now subject to a child protection plan."));
        assertEquals(200, responded.statusCode(), responded.body());
        assertTrue(responded.body().contains("\"stage\":\"AWAITING_EVALUATION\""), responded.body());
        assertTrue(responded.body().contains("\"by\":\"Amir Uploader\""), responded.body());
        assertProblem(409, "state-conflict", chief.putJson(one, step("RESPONSE", "A second response")));

        assertRule("referral.evaluate.referring-inspector-only",
                ofstedInspector.putJson(one, step("EVALUATION", "Not my referral")));
        assertEquals(200, cqc.putJson(one, step("EVALUATION", "The response addresses the immediate risk."))
                .statusCode());

        assertRule("referral.sign-off.agency-chief-officer-only",
                uploader.putJson(one, step("CHIEF_OFFICER_SIGN_OFF", null)));
        assertEquals(200, chief.putJson(one, step("CHIEF_OFFICER_SIGN_OFF", null)).statusCode());

        assertRule("referral.sign-off.inspection-lead-inspector-only",
                cqc.putJson(one, step("LEAD_INSPECTOR_SIGN_OFF", null)));
        HttpResponse<String> signedOff = lead.putJson(one, step("LEAD_INSPECTOR_SIGN_OFF", null));
        assertEquals(200, signedOff.statusCode(), signedOff.body());
        assertTrue(signedOff.body().contains("\"stage\":\"SIGNED_OFF\""), signedOff.body());
        assertFalse(signedOff.body().contains("\"nextStep\""), signedOff.body());
        assertProblem(409, "state-conflict", lead.putJson(one, step("LEAD_INSPECTOR_SIGN_OFF", null)));

        HttpResponse<String> read = uploader.get(one);
        assertEquals(200, read.statusCode(), read.body());
        for (String part : List.of("A strategy meeting was held the same day", "The response addresses the immediate "
                + "risk", "\"by\":\"Charlotte Chief\"", "\"by\":\"Lena Lead\"", "\"by\":\"Amir Uploader\"")) {
            assertTrue(read.body().contains(part), part + " in " + read.body());
        }
        assertEquals(1, audited("REFERRAL_RESPOND", id, "SUCCEEDED"));
        assertEquals(1, audited("REFERRAL_EVALUATE", id, "SUCCEEDED"));
        assertEquals(2, audited("REFERRAL_SIGN_OFF", id, "SUCCEEDED"));
        assertEquals(1, audited("REFERRAL_EVALUATE", id, "DENIED"));
        assertEquals(1, audited("REFERRAL_EVALUATE", id, "REFUSED"), "the evaluation sent too early");
    }

    @Test
    void onlyTheInspectionsInspectoratesAndTheAgencyReferredToSeeIt() throws Exception {
        PortalApi lead = PortalApi.signedIn(portal, "ofsted.lead");
        String inspection = openInspection(lead);
        String referrals = "/api/v1/inspections/" + inspection + "/referrals";
        String id = PortalApi.idOf(PortalApi.signedIn(portal, "cqc.inspector")
                .postJson(referrals, referral("northdale-childrens-services", 2, "CS-2026-0500")).body());
        assertEquals(0, TestEnvironment.count("select count(*) from notification_outbox where link like ?",
                "%/referrals/" + id), "category 2 is not flagged by e-mail");

        for (String sees : List.of("ofsted.lead", "ofsted.inspector", "ofsted.analyst", "ofsted.support",
                "agency.uploader", "agency.chief")) {
            PortalApi api = PortalApi.signedIn(portal, sees);
            assertEquals(200, api.get(referrals + "/" + id).statusCode(), sees);
            assertTrue(api.get(referrals).body().contains(id), sees);
        }
        PortalApi police = PortalApi.signedIn(portal, POLICE_CHIEF);
        HttpResponse<String> listed = police.get(referrals);
        assertEquals(200, listed.statusCode(), "an agency of the area sees the inspection: " + listed.body());
        assertFalse(listed.body().contains(id), listed.body());
        assertProblem(404, "not-found", police.get(referrals + "/" + id));
        assertProblem(404, "not-found", police.putJson(referrals + "/" + id, step("RESPONSE", "Not ours")));
        for (String outsider : List.of("ofsted.reader", "ofsted.siro", "ofsted.admin", "agency.admin",
                "hmiprisons.reader", "hmiprobation.reader")) {
            assertProblem(404, "not-found", PortalApi.signedIn(portal, outsider).get(referrals + "/" + id));
        }
        assertEquals(1, TestEnvironment.count("select count(*) from audit_event where action = 'REFERRAL_VIEW' "
                + "and resource_id = ? and outcome = 'DENIED' and actor_id = ?", id, POLICE_CHIEF_ID));
    }

    @Test
    void onlyAnInspectorOfAParticipatingInspectorateRaisesOneWithIdentifiersOnly() throws Exception {
        String inspection = openInspection(PortalApi.signedIn(portal, "ofsted.lead"));
        String referrals = "/api/v1/inspections/" + inspection + "/referrals";
        PortalApi cqc = PortalApi.signedIn(portal, "cqc.inspector");
        long before = TestEnvironment.count("select count(*) from referral where inspection_id = ?", inspection);

        HttpResponse<String> named = cqc.postJson(referrals, referral("northdale-childrens-services", 1,
                "CS-2026-0417", "Jane Smith"));
        assertProblem(422, "invalid-input", named);
        assertTrue(named.body().contains("\"caseNumbers\""), named.body());
        assertFalse(named.body().contains("Jane"), "a name is never echoed: " + named.body());
        assertProblem(422, "invalid-input", cqc.postJson(referrals, referral("ofsted", 1, "CS-1")));
        assertProblem(422, "invalid-input", cqc.postJson(referrals, referral("northdale-childrens-services", 3,
                "CS-1")));
        assertRule("referral.raise.participating-inspectors-only", PortalApi.signedIn(portal, "agency.chief")
                .postJson(referrals, referral("northdale-childrens-services", 1, "CS-1")));
        assertRule("referral.raise.participating-inspectors-only", PortalApi.signedIn(portal, "ofsted.analyst")
                .postJson(referrals, referral("northdale-childrens-services", 1, "CS-1")));
        assertProblem(404, "not-found", PortalApi.signedIn(portal, "hmiprisons.reader")
                .postJson(referrals, referral("northdale-childrens-services", 1, "CS-1")));
        assertProblem(404, "not-found", cqc.postJson("/api/v1/inspections/" + "0".repeat(32) + "/referrals",
                referral("northdale-childrens-services", 1, "CS-1")));

        assertEquals(before, TestEnvironment.count("select count(*) from referral where inspection_id = ?",
                inspection), "nothing refused is kept");
    }

    private static long audited(String action, String referralId, String outcome) throws Exception {
        return TestEnvironment.count("select count(*) from audit_event where action = ? and resource_id = ? "
                + "and outcome = ?", action, referralId, outcome);
    }

    private static void assertProblem(int status, String type, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        assertTrue(response.body().contains(type), response.body());
    }

    private static void assertRule(String rule, HttpResponse<String> response) {
        assertProblem(403, "forbidden", response);
        assertTrue(response.body().contains("\"rule\":\"" + rule + "\""), response.body());
    }
}
