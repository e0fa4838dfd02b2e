package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.storage.calendar.GovUkBankHolidays;

/**
 * JTAI Annex D over the real API and pages (issue 17, docs/adr/0026): a report's withhold request is decided only once
 * the lead inspectors of both other parties have given their views (or none by a time), and the other parties' reader
 * lists are told the decision through the outbox; challenges and complaints about an inspection with their deadlines.
 */
class AnnexDIT extends PortalDeployment {

    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(GovUkBankHolidays.shipped());

    private URI portal;

    @BeforeEach
    void portal() {
        portal = URI.create(base.toString());
    }

    private PortalApi as(String username) throws Exception {
        return PortalApi.signedIn(portal, username);
    }

    @Test
    void aWithholdDecisionWaitsForBothOtherPartiesViewsAndTheyAreToldTheDecision() throws Exception {
        PortalApi inspector = as("ofsted.inspector");
        HttpResponse<String> shared = inspector.shareReport(ReportMetadata.aReport().addressedTo("CQC", "HMIC").json(),
                "report.pdf", TestPdf.withText("Annex D " + UUID.randomUUID()));
        assertEquals(201, shared.statusCode(), shared.body());
        String report = PortalApi.idOf(shared.body());
        HttpResponse<String> recorded = inspector.postJson("/api/v1/reports/" + report + "/withhold-requests",
                "{\"kind\":\"WITHDRAW\",\"applicant\":\"Northdale Council\","
                        + "\"exceptionalCircumstances\":\"A child could be identified\"}");
        assertEquals(201, recorded.statusCode(), recorded.body());
        String request = PortalApi.idOf(recorded.body());
        String path = "/api/v1/reports/" + report + "/withhold-requests/" + request;
        String decision = "{\"outcome\":\"REFUSED\",\"reason\":\"Not exceptional\"}";

        HttpResponse<String> tooSoon = inspector.postJson(path + "/decision", decision);
        assertEquals(409, tooSoon.statusCode(), tooSoon.body());
        assertTrue(tooSoon.body().contains("report.withhold.views-before-decision"), tooSoon.body());
        assertTrue(tooSoon.body().contains("CQC and HMIC"), tooSoon.body());

        PortalApi cqcReader = as("cqc.reader");
        assertEquals(403, cqcReader.postJson(path + "/views", "{\"inspectorate\":\"CQC\",\"leadInspector\":\"Me\","
                + "\"view\":\"Mine\"}").statusCode(), "the originator records the views");
        HttpResponse<String> ownParty = inspector.postJson(path + "/views", "{\"inspectorate\":\"OFSTED\","
                + "\"leadInspector\":\"Lena\",\"view\":\"Ours\"}");
        assertEquals(422, ownParty.statusCode(), ownParty.body());
        assertTrue(ownParty.body().contains("inspectorate"), ownParty.body());

        // through the report page's form (no JavaScript): a missing name is shown in an error summary, nothing kept
        String form = "/reports/" + report + "/withhold-requests/" + request + "/views";
        HttpResponse<String> unnamed = inspector.postForm(form, "inspectorate", "CQC", "leadInspector", "",
                "view", "Publication should stand");
        assertEquals(422, unnamed.statusCode(), unnamed.body());
        assertTrue(unnamed.body().contains("govuk-error-summary"), unnamed.body());
        HttpResponse<String> cqcView = inspector.postForm(form, "inspectorate", "CQC", "leadInspector", "Cleo Lead",
                "view", "Publication should stand", "givenAt", "");
        assertEquals(302, cqcView.statusCode(), cqcView.body());
        HttpResponse<String> stillMissing = inspector.postJson(path + "/decision", decision);
        assertEquals(409, stillMissing.statusCode(), stillMissing.body());
        assertTrue(stillMissing.body().contains("HMIC") && !stillMissing.body().contains("CQC"),
                stillMissing.body());
        String page = inspector.get("/reports/" + report).body();
        assertTrue(page.contains("Still to record: HM Inspectorate of Constabulary"), "the page says whose is missing");
        assertTrue(page.contains("/withhold-requests/" + request + "/views"), "and offers the form");

        HttpResponse<String> hmicNone = inspector.postJson(path + "/views", "{\"inspectorate\":\"HMIC\","
                + "\"leadInspector\":\"Harry Lead\",\"noViewGivenBy\":\"" + Instant.now().minusSeconds(60) + "\"}");
        assertEquals(201, hmicNone.statusCode(), hmicNone.body());
        HttpResponse<String> again = inspector.postJson(path + "/views", "{\"inspectorate\":\"HMIC\","
                + "\"leadInspector\":\"Harry Lead\",\"view\":\"Late after all\"}");
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("report.withhold.one-view-per-party"), again.body());

        HttpResponse<String> decided = inspector.postJson(path + "/decision", decision);
        assertEquals(200, decided.statusCode(), decided.body());
        assertTrue(decided.body().contains("\"outcome\":\"REFUSED\""), decided.body());

        HttpResponse<String> seen = cqcReader.get("/api/v1/reports/" + report + "/withhold-requests");
        assertEquals(200, seen.statusCode());
        assertTrue(seen.body().contains("Publication should stand") && seen.body().contains("\"noViewGiven\":true"),
                seen.body());
        for (String reader : new String[] {"cqc.reader", "hmic.reader"}) {
            assertEquals(1, TestEnvironment.count("select count(*) from notification_outbox where kind = "
                    + "'WITHHOLD_DECISION' and link like ? and recipient like ?", "%/reports/" + report,
                    reader + "%"), reader + " is told the decision");
        }
        assertEquals(0, TestEnvironment.count("select count(*) from notification_outbox where kind = "
                + "'WITHHOLD_DECISION' and link like ? and recipient like 'hmcpsi.reader%'", "%/reports/" + report),
                "not a party to this report");
        assertEquals(2, TestEnvironment.count("select count(*) from audit_event where action = "
                + "'WITHHOLD_REQUEST_VIEW' and resource_id = ? and outcome = 'SUCCEEDED'", report));
        assertEquals(2, TestEnvironment.count("select count(*) from audit_event where action = 'WITHHOLD_REQUEST' "
                + "and resource_id = ? and outcome = 'REFUSED' and detail like "
                + "'report.withhold.views-before-decision%'", report));
    }

    @Test
    void challengesAreRecordedByTheLeadInspectorateSeenByTheOtherParticipantsAndAcknowledgedAndAnsweredOnce()
            throws Exception {
        String notifiedOn = CALENDAR.plusWorkingDays(LocalDate.now(WorkingDayCalendar.UK), -45).toString();
        PortalApi lead = as("ofsted.lead");
        HttpResponse<String> opened = lead.postJson("/api/v1/inspections", "{\"localAuthorityArea\":\"northdale\","
                + "\"theme\":\"Neglect\",\"notifiedOn\":\"" + notifiedOn + "\",\"inspectorates\":[\"OFSTED\",\"CQC\","
                + "\"HMIC\"],\"leadInspectorate\":\"OFSTED\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        String inspection = PortalApi.idOf(opened.body());
        String after = "/api/v1/inspections/" + inspection + "/after-publication";

        HttpResponse<String> notPublished = lead.postJson(after + "/statement", "{}");
        assertEquals(409, notPublished.statusCode(), notPublished.body());
        assertTrue(notPublished.body().contains("inspection.statement.named-after-publication"), notPublished.body());

        String challenge = "{\"kind\":\"PROCESS_OR_OUTCOME\",\"complainant\":\"Northdale Council\","
                + "\"summary\":\"The evidence on one case was misread\"}";
        HttpResponse<String> byCqc = as("cqc.inspector").postJson(after + "/challenges", challenge);
        assertEquals(403, byCqc.statusCode(), byCqc.body());
        assertTrue(byCqc.body().contains("inspection.challenge.record.lead-inspectorate-staff-only"), byCqc.body());
        HttpResponse<String> incomplete = lead.postForm("/inspections/" + inspection + "/after-publication/challenge",
                "complainant", "Northdale Council");
        assertEquals(422, incomplete.statusCode(), incomplete.body());
        assertTrue(incomplete.body().contains("govuk-error-summary") && incomplete.body().contains("challenge-kind"),
                "the page form shows what is missing");
        HttpResponse<String> recorded = lead.postJson(after + "/challenges", challenge);
        assertEquals(201, recorded.statusCode(), recorded.body());
        String id = PortalApi.idOf(recorded.body());
        assertTrue(recorded.body().contains("\"acknowledgeBy\"") && recorded.body().contains("\"respondBy\""),
                recorded.body());

        assertTrue(as("cqc.inspector").get(after + "/challenges").body().contains(id),
                "shared with the other participants");
        HttpResponse<String> forAgency = as("agency.chief").get(after + "/challenges");
        assertEquals(200, forAgency.statusCode(), forAgency.body());
        assertFalse(forAgency.body().contains(id), "not the area's agencies");
        String due = lead.get("/due").body();
        assertTrue(due.contains("challenges-due") && due.contains("Acknowledge"), "on the lead's /due page");
        String page = lead.get("/inspections/" + inspection + "/after-publication").body();
        assertTrue(page.contains("The evidence on one case was misread") && page.contains("/after-publication/"
                + "acknowledge"), "the page shows it with the acknowledgement form");

        assertEquals(200, lead.postJson(after + "/challenges/" + id + "/acknowledgement", "{}").statusCode());
        HttpResponse<String> twice = lead.postJson(after + "/challenges/" + id + "/acknowledgement", "{}");
        assertEquals(409, twice.statusCode(), twice.body());
        assertTrue(twice.body().contains("inspection.challenge.acknowledged-once"), twice.body());
        HttpResponse<String> answered = lead.postJson(after + "/challenges/" + id + "/response",
                "{\"response\":\"Not upheld\"}");
        assertEquals(200, answered.statusCode(), answered.body());
        assertTrue(answered.body().contains("\"respondedAt\""), answered.body());
        assertEquals(409, lead.postJson(after + "/challenges/" + id + "/response", "{\"response\":\"x\"}")
                .statusCode());
        assertEquals(1, TestEnvironment.count("select count(*) from audit_event where action = 'CHALLENGE_RECORD' "
                + "and resource_id = ? and outcome = 'SUCCEEDED'", id));
    }

    /**
     * With helper-findings' letter (docs/adr/0025): drafted, signed off, checked by the DCS, agreed, issued and
     * published; then the statement of proposed action is asked of the area's children's services, uploaded by its
     * DCS through the intake under the inspection's key and reviewed by the lead inspector.
     */
    @Test
    void afterTheFindingsLettersPublicationTheStatementOfProposedActionIsAskedForUploadedAndReviewed()
            throws Exception {
        String notifiedOn = CALENDAR.plusWorkingDays(LocalDate.now(WorkingDayCalendar.UK), -16).toString();
        PortalApi lead = as("ofsted.lead");
        PortalApi dcs = as("agency.chief");
        HttpResponse<String> opened = lead.postJson("/api/v1/inspections", "{\"localAuthorityArea\":\"northdale\","
                + "\"theme\":\"Neglect\",\"notifiedOn\":\"" + notifiedOn + "\",\"inspectorates\":[\"OFSTED\",\"CQC\","
                + "\"HMIC\"],\"leadInspectorate\":\"OFSTED\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        String inspection = PortalApi.idOf(opened.body());
        String letter = "/api/v1/inspections/" + inspection + "/findings-letter";
        String after = "/api/v1/inspections/" + inspection + "/after-publication";

        assertEquals(201, upload(lead, letter, "draft.pdf", TestPdf.withText("Findings: draft")).statusCode());
        signedOffByCqcAndHmic(letter, 1);
        HttpResponse<String> check = lead.postJson(letter + "/accuracy-check", "{\"dcs\":\"" + userId("agency.chief")
                + "\"}");
        assertEquals(201, check.statusCode(), check.body());
        assertEquals(201, upload(dcs, letter + "/accuracy-check/comments", "comments.pdf",
                TestPdf.withText("Comments")).statusCode());
        assertEquals(201, upload(lead, letter, "agreed.pdf", TestPdf.withText("Findings: agreed")).statusCode());
        signedOffByCqcAndHmic(letter, 2);
        HttpResponse<String> issued = lead.postJson(letter + "/issue", "{}");
        assertEquals(201, issued.statusCode(), issued.body());
        String report = PortalApi.idOf(issued.body());
        assertEquals(409, lead.postJson(after + "/statement", "{}").statusCode(), "issued is not published");
        assertEquals(200, lead.postJson("/api/v1/reports/" + report + "/publication",
                "{\"publishedUrl\":\"https://www.gov.uk/jtai-" + report + "\"}").statusCode());

        HttpResponse<String> dates = lead.get(after);
        assertEquals(200, dates.statusCode(), dates.body());
        assertTrue(dates.body().contains("\"statementDueAt\":\"") && dates.body().contains("\"challengesCloseAt\":\""),
                dates.body());
        assertEquals(403, as("cqc.inspector").postJson(after + "/statement", "{}").statusCode(),
                "the lead inspector asks for it");
        HttpResponse<String> named = lead.postJson(after + "/statement", "{}");
        assertEquals(201, named.statusCode(), named.body());
        assertTrue(named.body().contains("\"agency\":\"northdale-childrens-services\""), named.body());
        String requestId = named.body().replaceAll(".*\"requestId\":\"([^\"]+)\".*", "$1");
        assertEquals(409, lead.postJson(after + "/statement", "{}").statusCode(), "once");
        assertTrue(lead.get("/inspections/" + inspection).body().contains("after-publication-dates"),
                "the inspection page shows the dates");

        HttpResponse<String> uploaded = upload(dcs, "/api/v1/inspections/" + inspection + "/requests/" + requestId
                + "/documents", "statement.pdf", TestPdf.withText("Our statement of proposed action"));
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        String document = PortalApi.idOf(uploaded.body());
        assertEquals(1, TestEnvironment.count("select count(*) from evidence_document where id = ? and "
                + "key_scope_kind = 'INSPECTION' and key_scope_id = ?", document, inspection));

        HttpResponse<String> bare = lead.postJson(after + "/statement/reviews", "{\"document\":\"" + document
                + "\",\"outcome\":\"RETURNED\"}");
        assertEquals(422, bare.statusCode(), bare.body());
        HttpResponse<String> returned = lead.postJson(after + "/statement/reviews", "{\"document\":\"" + document
                + "\",\"outcome\":\"RETURNED\",\"comments\":\"Say how the police take part\"}");
        assertEquals(201, returned.statusCode(), returned.body());
        assertEquals(409, lead.postJson(after + "/statement/reviews", "{\"document\":\"" + document
                + "\",\"outcome\":\"ACCEPTED\"}").statusCode(), "reviewed once");
        assertTrue(dcs.get(after).body().contains("Say how the police take part"), "the agency sees the comments");
        assertTrue(TestEnvironment.count("select count(*) from notification_outbox where kind = 'STATEMENT_REVIEWED' "
                + "and link like ?", "%/inspections/" + inspection + "/after-publication") >= 1);
    }

    private static HttpResponse<String> upload(PortalApi who, String path, String fileName, byte[] file)
            throws Exception {
        return who.postMultipart(path, java.util.List.<String[]>of(new String[] {"metadata",
                "{\"classification\":{\"tier\":\"OFFICIAL_SENSITIVE\"}}"}), fileName, file, true);
    }

    private void signedOffByCqcAndHmic(String letter, int version) throws Exception {
        for (String inspector : new String[] {"cqc.inspector", "hmic.inspector"}) {
            HttpResponse<String> signed = as(inspector).postJson(letter + "/sign-offs", "{\"version\":" + version
                    + "}");
            assertEquals(201, signed.statusCode(), signed.body());
        }
    }

    private static String userId(String username) throws Exception {
        try (java.sql.Connection connection = TestEnvironment.openSuperuserConnection();
             java.sql.PreparedStatement statement = connection.prepareStatement(
                     "select id from user_account where username = ?")) {
            statement.setString(1, username);
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next(), "no account " + username);
                return rows.getString(1);
            }
        }
    }
}
