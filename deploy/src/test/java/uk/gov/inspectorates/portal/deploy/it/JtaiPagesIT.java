package uk.gov.inspectorates.portal.deploy.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.storage.calendar.GovUkBankHolidays;

/**
 * The JTAI pages in headless Chromium without JavaScript (issue 16): an agency uploads several files at once on day 2
 * of an inspection and sees only its own agency's requests and documents; an inspector of another participating
 * inspectorate reviews everything; a category 1 referral of concern goes end to end, flagged on both sides' pages
 * until it is signed off. Each test opens an inspection of its own.
 */
class JtaiPagesIT extends BrowserDeployment {

    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(GovUkBankHolidays.shipped());
    private static final String CHILDRENS_SERVICES = "Northdale Council Children's Services";

    private URI portal() {
        return URI.create(base.toString());
    }

    /**
     * An inspection of Northdale by Ofsted, CQC and HMIC, notified two working days before the last working day up to
     * today: today is day 2 (on a day off, the working day before it counts).
     */
    private String inspectionOnDay2() throws Exception {
        LocalDate day = LocalDate.now(WorkingDayCalendar.UK);
        while (!CALENDAR.isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        String notifiedOn = CALENDAR.plusWorkingDays(day, -2).toString();
        HttpResponse<String> opened = PortalApi.signedIn(portal(), "ofsted.lead").postJson("/api/v1/inspections",
                "{\"localAuthorityArea\":\"northdale\",\"theme\":\"Children missing from home, care or education\","
                        + "\"notifiedOn\":\"" + notifiedOn + "\",\"inspectorates\":[\"OFSTED\",\"CQC\",\"HMIC\"],"
                        + "\"leadInspectorate\":\"OFSTED\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        return PortalApi.idOf(opened.body());
    }

    @Test
    void anAgencyUploadsOnDay2AndSeesOnlyItsOwnWhileAnotherInspectorateReviewsEverything() throws Exception {
        String inspection = inspectionOnDay2();
        String policeRequest = PortalApi.idOf(PortalApi.signedIn(portal(), "hmic.inspector").postJson(
                "/api/v1/inspections/" + inspection + "/requests", "{\"agency\":\"northdale-police\",\"title\":"
                        + "\"Police protection records\",\"items\":[\"KEY_CASE_FILE_DOCUMENTS\"]}").body());
        String request;
        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "ofsted.inspector");
            page.navigate(uri("/inspections/" + inspection).toString());
            assertThat(page.locator("#timeline-today")).containsText("working day 2 of the inspection");
            assertThat(page.locator("#timeline-today-row, #timeline .portal-timeline-today").first()).isVisible();
            page.waitForNavigation(() -> page.click("text=Request information"));
            page.getByLabel(CHILDRENS_SERVICES).check();
            page.fill("#title", "Case records of the 20 selected children");
            page.getByLabel("Key case file documents").check();
            page.fill("#beyondAnnexA", "Minutes of the strategy meetings");
            Response refused = page.waitForNavigation(() -> page.click("button:has-text('Send request')"));
            assertEquals(422, refused.status(), "beyond Annex A without a justification (JTAI §17)");
            assertThat(page.locator(".govuk-error-summary")).isVisible();
            page.fill("#justification", "Needed to understand the multi-agency response; not in Annex A.");
            page.waitForNavigation(() -> page.click("button:has-text('Send request')"));
            assertThat(page.locator("h1")).hasText("Case records of the 20 selected children");
            request = page.url().replaceAll(".*/requests/([0-9a-f]{32}).*", "$1");
        }

        byte[] first = TestPdf.withText("Chronology for child CS-2026-0417");
        byte[] second = "Placement history of CS-2026-0417: foster care since May.\n".getBytes(StandardCharsets.UTF_8);
        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "agency.uploader");
            page.navigate(uri("/due").toString());
            assertThat(page.locator("#due")).containsText("Case records of the 20 selected children");
            assertThat(page.locator("#due")).not().containsText("Police protection records");
            page.navigate(uri("/inspections/" + inspection).toString());
            assertThat(page.locator("main")).not().containsText("Police protection records");
            page.waitForNavigation(() -> page.click("text=Case records of the 20 selected children"));
            assertThat(page.locator("main")).containsText("Do not include the names of children, family members "
                    + "or staff");
            page.check("#tier-official-sensitive");
            page.setInputFiles("#file", new FilePayload[] {
                new FilePayload("chronology.pdf", "application/pdf", first),
                new FilePayload("placements.txt", "text/plain", second)});
            page.waitForNavigation(() -> page.click("button:has-text('Upload')"));
            assertThat(page.locator("#upload-done")).containsText("Files uploaded and checked: 2");
            assertThat(page.locator("#documents")).containsText("chronology.pdf");
            assertThat(page.locator("#documents")).containsText("placements.txt");
            assertThat(page.locator("#documents")).containsText("OFFICIAL-SENSITIVE");

            page.check("#tier-official");
            page.setInputFiles("#file", new FilePayload("run-me.exe", "application/octet-stream",
                    new byte[] {'M', 'Z', 0, 0, 1, 2, 3, 4}));
            Response typeRefused = page.waitForNavigation(() -> page.click("button:has-text('Upload')"));
            assertEquals(415, typeRefused.status());
            assertThat(page.locator(".govuk-error-summary")).containsText("run-me.exe");
            assertEquals(2, page.locator("#documents tbody tr").count(), "nothing of the refused file kept");
        }
        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "police.uploader");
            Response other = page.navigate(uri("/inspections/" + inspection + "/requests/" + request).toString());
            assertEquals(404, other.status(), "another agency may not know the request exists");
            page.navigate(uri("/inspections/" + inspection + "/requests/" + policeRequest).toString());
            assertThat(page.locator("#no-documents")).isVisible();
        }
        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "cqc.inspector");
            page.navigate(uri("/inspections/" + inspection).toString());
            assertThat(page.locator("main")).containsText("Police protection records");
            assertThat(page.locator("main")).containsText("Case records of the 20 selected children");
            page.waitForNavigation(() -> page.click("text=Case records of the 20 selected children"));
            assertThat(page.locator("#documents")).containsText("chronology.pdf");
            assertEquals(0, page.locator("input[type=file]").count(), "inspectors review; the agency uploads");
            String link = page.locator("#documents a:has-text('chronology.pdf')").getAttribute("href");
            APIResponse download = context.request().get(uri(link).toString());
            assertEquals(200, download.status());
            assertArrayEquals(first, download.body(), "the original bytes");
        }
    }

    @Test
    void aCategory1ReferralIsFlaggedToBothSidesAndGoesEndToEnd() throws Exception {
        String inspection = inspectionOnDay2();
        LocalDate by = LocalDate.now(WorkingDayCalendar.UK).plusDays(3);
        String referral;
        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "cqc.inspector");
            page.navigate(uri("/inspections/" + inspection).toString());
            page.waitForNavigation(() -> page.click("#refer-a-concern"));
            page.getByLabel(CHILDRENS_SERVICES).check();
            page.fill("#caseNumbers", "CS-2026-0417\nJane Smith");
            page.check("#category");
            page.fill("#issues", "No strategy discussion after the second missing episode.");
            page.fill("#requiredDay", Integer.toString(by.getDayOfMonth()));
            page.fill("#requiredMonth", Integer.toString(by.getMonthValue()));
            page.fill("#requiredYear", Integer.toString(by.getYear()));
            Response refused = page.waitForNavigation(() -> page.click("button:has-text('Refer the concern')"));
            assertEquals(422, refused.status());
            assertThat(page.locator(".govuk-error-summary")).containsText("Case number 2 is not a case number");
            assertThat(page.locator(".govuk-error-summary")).not().containsText("Jane");

            page.fill("#caseNumbers", "CS-2026-0417");
            page.waitForNavigation(() -> page.click("button:has-text('Refer the concern')"));
            assertThat(page.locator("#category-1-banner")).containsText("immediate risk of significant harm");
            assertThat(page.locator("#referral-stage")).hasText("Awaiting the agency's response");
            assertThat(page.locator("#referral-case-numbers")).containsText("CS-2026-0417");
            referral = page.url().replaceAll(".*/referrals/([0-9a-f]{32}).*", "$1");
        }
        String referralPage = "/inspections/" + inspection + "/referrals/" + referral;

        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "ofsted.lead");
            page.navigate(uri("/inspections/" + inspection).toString());
            assertThat(page.locator("#category-1-banner")).containsText("Referral to " + CHILDRENS_SERVICES);
        }
        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "police.uploader");
            page.navigate(uri("/due").toString());
            assertEquals(0, page.locator("#category-1-banner").count(), "not referred to the police");
            assertEquals(404, page.navigate(uri(referralPage).toString()).status());
        }
        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "agency.uploader");
            page.navigate(uri("/due").toString());
            assertThat(page.locator("#category-1-banner")).containsText("Referral to " + CHILDRENS_SERVICES);
            page.waitForNavigation(() -> page.click("#category-1-banner a"));
            page.fill("#text", "A strategy meeting was held the same day; a child protection plan is in place.");
            page.waitForNavigation(() -> page.click("button:has-text('Record response')"));
            assertThat(page.locator("#referral-stage")).hasText("Awaiting the inspector's evaluation");
            assertThat(page.locator("#referral-response")).containsText("A strategy meeting was held");
            assertEquals(0, page.locator("form button:has-text('Sign off')").count());
        }
        takeStep("cqc.inspector", referralPage, "Record evaluation", "The response addresses the immediate risk.",
                "Awaiting the chief officer's sign-off");
        takeStep("agency.chief", referralPage, "Sign off as chief officer", null,
                "Awaiting the lead inspector's sign-off");
        takeStep("ofsted.lead", referralPage, "Sign off as lead inspector", null, "Signed off");

        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "agency.uploader");
            page.navigate(uri("/due").toString());
            assertEquals(0, page.locator("#category-1-banner").count(), "signed off: no longer flagged");
            page.navigate(uri(referralPage).toString());
            assertThat(page.locator("#referral-chief-officer")).containsText("Charlotte Chief");
            assertThat(page.locator("#referral-lead-inspector")).containsText("Lena Lead");
        }
    }

    @Test
    void withJavaScriptEachFileGoesUpAsAResumableUploadWithItsProgress() throws Exception {
        String inspection = inspectionOnDay2();
        HttpResponse<String> made = PortalApi.signedIn(portal(), "ofsted.inspector").postJson("/api/v1/inspections/"
                + inspection + "/requests", "{\"agency\":\"northdale-childrens-services\",\"title\":"
                + "\"Joint evaluations\",\"items\":[\"JOINT_EVALUATIONS\"]}");
        assertEquals(201, made.statusCode(), made.body());
        String request = PortalApi.idOf(made.body());
        byte[] evaluation = TestPdf.withText("Joint evaluation of CS-2026-0417");
        long before = TestEnvironment.count("select coalesce(max(seq), 0) from audit_event");
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context, "agency.uploader");
            page.navigate(uri("/inspections/" + inspection + "/requests/" + request).toString());
            page.check("#tier-official-sensitive");
            page.setInputFiles("#file", new FilePayload[] {
                new FilePayload("evaluation-1.pdf", "application/pdf", evaluation),
                new FilePayload("evaluation-2.txt", "text/plain",
                        "Second evaluation, by identifier only.".getBytes(StandardCharsets.UTF_8))});
            page.click("button:has-text('Upload')");
            assertThat(page.locator("#upload-done")).containsText("Files uploaded and checked: 2");
            assertThat(page.locator("#documents")).containsText("evaluation-1.pdf");
            assertThat(page.locator("#documents")).containsText("evaluation-2.txt");
        }
        assertEquals(2, TestEnvironment.count("select count(*) from audit_event where seq > ? and action = "
                + "'UPLOAD_START' and outcome = 'SUCCEEDED' and actor_id = (select id from user_account where username "
                + "= ?)", before, "agency.uploader"), "each file went up as a resumable upload");
    }

    private void takeStep(String username, String referralPage, String button, String text, String stageAfter) {
        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, username);
            page.navigate(uri(referralPage).toString());
            if (text != null) {
                page.fill("#text", text);
            }
            page.waitForNavigation(() -> page.click("button:has-text('" + button + "')"));
            assertThat(page.locator("#referral-stage")).hasText(stageAfter);
        }
    }

    private static BrowserContext noScript() {
        return browser.browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false)
                .setViewportSize(1280, 900).setLocale("en-GB").setTimezoneId("Europe/London"));
    }

    private Page signedIn(BrowserContext context, String username) {
        Page page = context.newPage();
        BrowserSession.submitDemoSignIn(page, uri("/"), username);
        page.waitForURL(url -> !url.endsWith("/sign-in"));
        assertTrue(!page.url().endsWith("/sign-in"), page.url());
        return page;
    }
}
