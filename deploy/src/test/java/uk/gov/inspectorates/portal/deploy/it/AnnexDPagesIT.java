package uk.gov.inspectorates.portal.deploy.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.storage.calendar.GovUkBankHolidays;

/**
 * JTAI Annex D through the pages, without JavaScript, every page checked with axe-core (docs/adr/0026): the views of
 * both other parties recorded on the report page before its decision form appears; a challenge recorded,
 * acknowledged and listed on /due through the inspection's after-publication page.
 */
class AnnexDPagesIT extends BrowserDeployment {

    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(GovUkBankHolidays.shipped());

    private URI portal() {
        return URI.create(base.toString());
    }

    @Test
    void theReportPageTakesBothOtherPartiesViewsBeforeItOffersTheDecision() throws Exception {
        PortalApi api = PortalApi.signedIn(portal(), "ofsted.inspector");
        HttpResponse<String> shared = api.shareReport(ReportMetadata.aReport().addressedTo("CQC", "HMIC").json(),
                "report.pdf", TestPdf.withText("Annex D pages " + UUID.randomUUID()));
        assertEquals(201, shared.statusCode(), shared.body());
        String report = PortalApi.idOf(shared.body());
        String request = PortalApi.idOf(api.postJson("/api/v1/reports/" + report + "/withhold-requests",
                "{\"kind\":\"WITHHOLD\",\"applicant\":\"Northdale Council\",\"exceptionalCircumstances\":"
                        + "\"A criminal trial\"}").body());
        String field = "#withhold-requests-" + request + "-";

        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "ofsted.inspector");
            page.navigate(uri("/reports/" + report).toString());
            assertThat(page.locator("body")).containsText("Still to record: Care Quality Commission, HM Inspectorate"
                    + " of Constabulary");
            assertEquals(0, page.locator("button:has-text('Record the decision')").count(), "not before the views");

            page.selectOption(field + "inspectorate", "CQC");
            page.fill(field + "leadInspector", "Cleo Lead");
            page.fill(field + "view", "Publication should go ahead");
            page.waitForNavigation(() -> page.click("button:has-text('Record the view')"));
            assertThat(page.locator("body")).containsText("Care Quality Commission, Cleo Lead");

            page.selectOption(field + "inspectorate", "HMIC");
            page.fill(field + "leadInspector", "Harry Lead");
            page.fill(field + "noViewGivenBy", LocalDateTime.now(WorkingDayCalendar.UK).minusHours(1)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
            page.waitForNavigation(() -> page.click("button:has-text('Record the view')"));
            assertThat(page.locator("body")).containsText("No view given by");

            page.check("#decision-" + request + "-refused");
            page.fill("#decision-" + request + "-reason", "Not exceptional");
            page.waitForNavigation(() -> page.click("button:has-text('Record the decision')"));
            assertThat(page.locator("body")).containsText("the other inspectorates are told");
            assertThat(page.locator("body")).containsText("Refused on");
        }
    }

    @Test
    void aChallengeIsRecordedAndAcknowledgedOnTheAfterPublicationPageAndListedOnDue() throws Exception {
        String notifiedOn = CALENDAR.plusWorkingDays(LocalDate.now(WorkingDayCalendar.UK), -45).toString();
        HttpResponse<String> opened = PortalApi.signedIn(portal(), "ofsted.lead").postJson("/api/v1/inspections",
                "{\"localAuthorityArea\":\"northdale\",\"theme\":\"Neglect\",\"notifiedOn\":\"" + notifiedOn
                        + "\",\"inspectorates\":[\"OFSTED\",\"CQC\"],\"leadInspectorate\":\"OFSTED\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        String inspection = PortalApi.idOf(opened.body());

        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "ofsted.lead");
            page.navigate(uri("/inspections/" + inspection).toString());
            page.waitForNavigation(() -> page.click("#after-publication-link"));
            assertThat(page.locator("#dates")).containsText("Not yet");
            page.click("text=Record a challenge or complaint received");
            page.check("#challenge-kind-process");
            page.fill("#challenge-complainant", "Northdale Council");
            page.fill("#challenge-summary", "The evidence on one case was misread");
            page.waitForNavigation(() -> page.click("button:has-text('Record it')"));
            assertThat(page.locator("#done")).containsText("recorded");
            assertThat(page.locator("body")).containsText("The evidence on one case was misread");

            page.navigate(uri("/due").toString());
            assertThat(page.locator("#challenges-due")).containsText("Acknowledge");
            page.waitForNavigation(() -> page.click("#challenges-due a"));
            page.waitForNavigation(() -> page.click("button:has-text('Record the acknowledgement as sent now')"));
            assertThat(page.locator("#done")).containsText("acknowledgement is recorded");
            assertTrue(page.locator("body").textContent().contains("Sent "), "the acknowledgement is shown");
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
