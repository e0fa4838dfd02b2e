package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.deploy.EmbeddedClamd;
import uk.gov.inspectorates.portal.storage.calendar.GovUkBankHolidays;

/**
 * The JTAI findings letter over the real API (issue 17, docs/adr/0025): the lead inspector's draft (a real PDF through
 * clamd), the other inspectorates' sign-offs, the DCS's factual accuracy check and comments, the revision agreed
 * again, issue on day 41 as an embargoed report that the named agency recipients read only as a stamped copy naming
 * them, and publication, after which everyone is sent to the published letter.
 */
class FindingsLetterIT extends PortalDeployment {

    private static final String AREA = "northdale";
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(GovUkBankHolidays.shipped());

    private URI portal;

    @BeforeEach
    void portal() {
        portal = URI.create(base.toString());
    }

    private PortalApi as(String username) throws Exception {
        return PortalApi.signedIn(portal, username);
    }

    private String open() throws Exception {
        String notifiedOn = CALENDAR.plusWorkingDays(LocalDate.now(WorkingDayCalendar.UK), -16).toString();
        HttpResponse<String> opened = as("ofsted.lead").postJson("/api/v1/inspections", "{\"localAuthorityArea\":\""
                + AREA + "\",\"theme\":\"Children at risk of exploitation\",\"notifiedOn\":\"" + notifiedOn
                + "\",\"inspectorates\":[\"OFSTED\",\"CQC\",\"HMIC\"],\"leadInspectorate\":\"OFSTED\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        return PortalApi.idOf(opened.body());
    }

    private static HttpResponse<String> upload(PortalApi who, String path, String fileName, byte[] file)
            throws Exception {
        return who.postMultipart(path, List.<String[]>of(new String[] {"metadata",
                "{\"classification\":{\"tier\":\"OFFICIAL_SENSITIVE\"}}"}), fileName, file, true);
    }

    private static String letter(String inspection) {
        return "/api/v1/inspections/" + inspection + "/findings-letter";
    }

    private void signedOffByCqcAndHmic(String inspection, int version) throws Exception {
        for (String inspector : List.of("cqc.inspector", "hmic.inspector")) {
            HttpResponse<String> signed = as(inspector).postJson(letter(inspection) + "/sign-offs",
                    "{\"version\":" + version + "}");
            assertEquals(201, signed.statusCode(), signed.body());
        }
    }

    @Test
    void fromDraftToAStampedPrePublicationLetterForItsNamedAgencyRecipientsThenPublication() throws Exception {
        String inspection = open();
        PortalApi lead = as("ofsted.lead");
        PortalApi dcs = as("agency.chief");

        // an infected draft is refused and leaves nothing
        long documentsBefore = TestEnvironment.count("select count(*) from findings_letter_document");
        HttpResponse<String> infected = upload(lead, letter(inspection), "draft.pdf",
                TestPdf.withComment("draft", EmbeddedClamd.EICAR));
        assertEquals(422, infected.statusCode(), infected.body());
        assertTrue(infected.body().contains("malware-detected"), infected.body());
        assertEquals(documentsBefore, TestEnvironment.count("select count(*) from findings_letter_document"));

        byte[] draft = TestPdf.withText("Findings letter: draft for sign-off");
        HttpResponse<String> drafted = upload(lead, letter(inspection), "draft.pdf", draft);
        assertEquals(201, drafted.statusCode(), drafted.body());
        String draftId = PortalApi.idOf(drafted.body());
        assertEquals(1, TestEnvironment.count("select count(*) from findings_letter_document where id = ? and "
                + "key_scope_kind = 'INSPECTION' and key_scope_id = ?", draftId, inspection),
                "kept under the inspection's key");
        // no agency sees anything before the draft is sent to the DCS; only Ofsted's lead inspector drafts
        assertEquals(404, dcs.get(letter(inspection)).statusCode());
        HttpResponse<String> byInspector = upload(as("ofsted.inspector"), letter(inspection), "d.pdf", draft);
        assertEquals(403, byInspector.statusCode(), byInspector.body());
        assertTrue(byInspector.body().contains("findings-letter.draft.lead-inspectorate-lead-inspector-only"));

        HttpResponse<String> awaiting = as("cqc.inspector").get(letter(inspection));
        assertEquals(200, awaiting.statusCode(), awaiting.body());
        assertTrue(awaiting.body().contains("\"stage\":\"AWAITING_SIGN_OFF\""), awaiting.body());
        HttpResponse<String> ownSignOff = lead.postJson(letter(inspection) + "/sign-offs", "{}");
        assertEquals(403, ownSignOff.statusCode(), ownSignOff.body());
        assertTrue(ownSignOff.body().contains("findings-letter.sign-off.other-participants-inspectors-only"));
        assertEquals(409, lead.postJson(letter(inspection) + "/accuracy-check", "{}").statusCode(),
                "not before every other inspectorate signed it off");
        signedOffByCqcAndHmic(inspection, 1);
        assertEquals(409, as("cqc.inspector").postJson(letter(inspection) + "/sign-offs", "{}").statusCode(),
                "signed off once");
        assertEquals(409, lead.postJson(letter(inspection) + "/issue", "{}").statusCode(),
                "not issued before the factual accuracy check");

        // named, as other tests may have invited more chief officers to the children's services
        HttpResponse<String> sent = lead.postJson(letter(inspection) + "/accuracy-check",
                "{\"dcs\":\"" + userId("agency.chief") + "\"}");
        assertEquals(201, sent.statusCode(), sent.body());
        assertTrue(sent.body().contains("\"dueAt\""), sent.body());
        HttpResponse<String> seenByDcs = dcs.get(letter(inspection));
        assertEquals(200, seenByDcs.statusCode(), seenByDcs.body());
        assertTrue(seenByDcs.body().contains("\"stage\":\"WITH_DCS\""), seenByDcs.body());
        assertTrue(seenByDcs.body().contains("\"signOffs\":[]"), "sign-offs are the inspectorates' own");
        HttpResponse<byte[]> draftForDcs = dcs.getBytes(letter(inspection) + "/documents/" + draftId + "/content");
        assertEquals(200, draftForDcs.statusCode());
        assertArrayEquals(draft, draftForDcs.body());
        assertEquals(404, as("agency.uploader").get(letter(inspection)).statusCode(), "the DCS alone");
        assertEquals(404, upload(as("agency.uploader"), letter(inspection) + "/accuracy-check/comments",
                "comments.pdf", draft).statusCode());
        HttpResponse<String> comments = upload(dcs, letter(inspection) + "/accuracy-check/comments",
                "comments.pdf", TestPdf.withText("The partnership's comments"));
        assertEquals(201, comments.statusCode(), comments.body());

        byte[] revised = TestPdf.withText("Findings letter: agreed");
        HttpResponse<String> revision = upload(lead, letter(inspection), "revised.pdf", revised);
        assertEquals(201, revision.statusCode(), revision.body());
        assertTrue(revision.body().contains("\"version\":2"), revision.body());
        signedOffByCqcAndHmic(inspection, 2);
        assertTrue(lead.get(letter(inspection)).body().contains("\"stage\":\"AGREED\""));

        String chair = userId("yos.uploader");
        HttpResponse<String> issued = lead.postJson(letter(inspection) + "/issue", "{\"chair\":\"" + chair + "\"}");
        assertEquals(201, issued.statusCode(), issued.body());
        String report = PortalApi.idOf(issued.body());
        assertTrue(issued.headers().firstValue("Location").orElse("").endsWith("/api/v1/reports/" + report));
        assertTrue(issued.body().contains("\"status\":\"UNDER_EMBARGO\""), issued.body());
        assertEquals(409, lead.postJson(letter(inspection) + "/issue", "{}").statusCode(), "issued once");

        // the DCS and the chair read it only as a stamped copy naming them, marked on every page
        HttpResponse<byte[]> forDcs = dcs.getBytes("/api/v1/reports/" + report + "/content");
        assertEquals(200, forDcs.statusCode());
        String downloadId = forDcs.headers().firstValue("X-Download-Id").orElseThrow();
        StampedCopy.assertStampedCopyOf(revised, forDcs.body(), downloadId, "the DCS's copy");
        StampedCopy.assertMarkedOnEveryPage(forDcs.body(), "OFFICIAL-SENSITIVE", "the DCS's copy");
        assertTrue(StampedCopy.pageText(forDcs.body(), 1).contains("CopyforCharlotteChief"),
                StampedCopy.pageText(forDcs.body(), 1));
        HttpResponse<byte[]> forChair = as("yos.uploader").getBytes("/api/v1/reports/" + report + "/content");
        assertEquals(200, forChair.statusCode());
        assertTrue(StampedCopy.pageText(forChair.body(), 1).contains("CopyforYusufUploader"));
        HttpResponse<String> reportPage = dcs.get("/reports/" + report);
        assertEquals(200, reportPage.statusCode(), "its report page, for a named agency recipient");
        assertTrue(dcs.get("/api/v1/reports").body().contains(report), "and in their list of reports");
        // another agency's staff, and the DCS's own colleague not named, get nothing
        assertEquals(404, as("police.uploader").getBytes("/api/v1/reports/" + report + "/content").statusCode());
        assertEquals(404, as("agency.uploader").getBytes("/api/v1/reports/" + report + "/content").statusCode());
        assertEquals(1, TestEnvironment.count("select count(*) from audit_event where action = 'REPORT_DOWNLOAD' "
                + "and resource_id = ? and outcome = 'DENIED' and detail = "
                + "'report.embargo.findings-letter-named-agency-recipients-only' and actor_id = ?", report,
                userId("police.uploader")));
        // the other inspectorates' reader lists read it as any report
        HttpResponse<byte[]> forCqcReader = as("cqc.reader").getBytes("/api/v1/reports/" + report + "/content");
        assertEquals(200, forCqcReader.statusCode());

        String url = "https://www.gov.uk/government/publications/northdale-jtai-" + report;
        HttpResponse<String> published = lead.postJson("/api/v1/reports/" + report + "/publication",
                "{\"publishedUrl\":\"" + url + "\"}");
        assertEquals(200, published.statusCode(), published.body());
        HttpResponse<byte[]> afterPublication = dcs.getBytes("/api/v1/reports/" + report + "/content");
        assertEquals(303, afterPublication.statusCode());
        assertEquals(url, afterPublication.headers().firstValue("Location").orElse(""));
        assertEquals(0, afterPublication.body().length);
        assertEquals(1, TestEnvironment.count("select count(*) from audit_event where action = "
                + "'FINDINGS_LETTER_ISSUE' and resource_id = ? and outcome = 'SUCCEEDED'", inspection));
        assertFalse(as("police.uploader").get("/api/v1/reports").body().contains(report));
    }

    @Test
    void theInspectionPageShowsTheLetterAndOffersEachPersonTheirStepWithoutJavaScript() throws Exception {
        String inspection = open();
        PortalApi lead = as("ofsted.lead");
        String page = "/inspections/" + inspection;
        assertTrue(lead.get(page).body().contains("id=\"findings-letter-version-form\""), "the lead drafts");
        assertFalse(as("cqc.inspector").get(page).body().contains("findings-letter-version-form"));

        // the draft through the page's own multipart form: the CSRF token is a field before the file
        HttpResponse<String> drafted = lead.postMultipart(page + "/findings-letter/version", List.of(
                new String[] {"csrfToken", lead.csrfToken()}, new String[] {"classificationTier", "OFFICIAL"}),
                "draft.pdf", TestPdf.withText("Findings letter: draft"), false);
        assertEquals(303, drafted.statusCode(), drafted.body());
        HttpResponse<String> forged = lead.postMultipart(page + "/findings-letter/version", List.<String[]>of(
                new String[] {"classificationTier", "OFFICIAL"}), "draft.pdf", TestPdf.withText("x"), false);
        assertEquals(403, forged.statusCode(), "no CSRF token, no upload");

        PortalApi cqc = as("cqc.inspector");
        String seen = cqc.get(page).body();
        assertTrue(seen.contains("Draft awaiting sign-off"), seen);
        assertTrue(seen.contains("id=\"findings-letter-sign-off-form\""), seen);
        HttpResponse<String> signed = cqc.postForm(page + "/findings-letter/sign-off", "version", "1");
        assertEquals(303, signed.statusCode(), signed.body());
        assertTrue(signed.headers().firstValue("Location").orElse("").endsWith(page + "#findings-letter"));
        HttpResponse<String> again = cqc.postForm(page + "/findings-letter/sign-off", "version", "1");
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("govuk-error-summary"), "the page again, with an error summary");
        assertTrue(again.body().contains("has signed off version 1 already"), again.body());
        assertTrue(lead.get(page).body().contains("Care Quality Commission"), "the sign-off is listed");

        // the DCS's page shows no letter before the check; agency staff never see the forms
        String dcsPage = as("agency.chief").get(page).body();
        assertFalse(dcsPage.contains("id=\"findings-letter\""), dcsPage);
    }

    private static String userId(String username) throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select id from user_account where username = ?")) {
            statement.setString(1, username);
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next(), "no account " + username);
                return rows.getString(1);
            }
        }
    }
}
