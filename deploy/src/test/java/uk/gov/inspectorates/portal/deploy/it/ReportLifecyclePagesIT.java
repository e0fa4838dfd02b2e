package uk.gov.inspectorates.portal.deploy.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * After sharing, through the GOV.UK pages in headless Chromium without JavaScript: a receiving party records onward
 * sharing (refused without a basis that holds), the originator withdraws (refused without a reason) or publishes,
 * and readers are then sent to the published version.
 */
class ReportLifecyclePagesIT extends BrowserDeployment {

    @Test
    void aReaderRecordsOnwardSharingOnlyOnABasisThatHoldsAndTheOriginatorSeesIt() throws Exception {
        String title = "Onward sharing " + UUID.randomUUID();
        String id = shareReport(title);
        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "cqc.reader");
            page.navigate(uri("/reports/" + id).toString());
            assertThat(page.locator("#status")).hasText("Under embargo");

            page.locator("summary:has-text('Share this report further')").click();
            page.check("#basis-public");
            page.fill("#onward-sharing-recipient", "Local newspaper");
            Response refused = page.waitForNavigation(() -> page.click("button:has-text('Record onward sharing')"));
            assertEquals(422, refused.status());
            assertThat(page.locator(".govuk-error-summary")).containsText("not in the public domain until it is published");
            assertThat(page.locator("#onward-sharing-recipient")).hasValue("Local newspaper");

            page.check("#basis-legal");
            page.fill("#onward-sharing-recipient", "Family Court");
            page.fill("#onward-sharing-evidence", "Order ZW30C00123 of 1 December");
            page.waitForNavigation(() -> page.click("button:has-text('Record onward sharing')"));
            assertThat(page.locator("#notice")).hasText("Your onward sharing is recorded");
            assertThat(page.locator(".govuk-table")).containsText("Family Court");
            assertThat(page.locator(".govuk-table")).containsText("Legal obligation");
            assertEquals(0, page.locator("#publish").count(), "only the originator publishes");
        }
        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "ofsted.inspector");
            page.navigate(uri("/reports/" + id).toString());
            assertThat(page.locator(".govuk-table")).containsText("Order ZW30C00123 of 1 December");
            assertThat(page.locator("#history")).containsText("Care Quality Commission recorded onward sharing with "
                    + "Family Court");
        }
    }

    @Test
    void theOriginatorWithdrawsOnlyWithAReasonAndReadersAreThenToldWhy() throws Exception {
        String title = "Withdrawal " + UUID.randomUUID();
        String id = shareReport(title);
        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "ofsted.inspector");
            page.navigate(uri("/reports/" + id).toString());
            page.locator("summary:has-text('Withdraw the report')").click();
            Response refused = page.waitForNavigation(() -> page.click("button:has-text('Withdraw the report')"));
            assertEquals(422, refused.status());
            assertThat(page.locator(".govuk-error-summary")).containsText("Enter why the report is withdrawn");
            assertThat(page.locator("#status")).hasText("Under embargo");

            page.fill("#withdrawal-reason", "Shared in error: wrong local authority");
            page.waitForNavigation(() -> page.click("button:has-text('Withdraw the report')"));
            assertThat(page.locator("#notice")).hasText("The report is withdrawn");
            assertThat(page.locator("#status")).hasText("Withdrawn");
            assertThat(page.locator("#history")).containsText("Withdrawn: Shared in error: wrong local authority");
            assertThat(page.locator("#history li").first()).containsText("Shared under embargo by Ofsted");
        }
        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "hmic.reader");
            assertThat(page.locator("tr:has-text('" + title + "') .govuk-tag")).hasText("Withdrawn");
            page.navigate(uri("/reports/" + id).toString());
            assertThat(page.locator(".govuk-warning-text")).containsText("Shared in error: wrong local authority");
            assertEquals(0, page.locator("#download").count(), "nothing to download");
            Response content = page.navigate(uri("/reports/" + id + "/content").toString());
            assertEquals(403, content.status());
        }
    }

    @Test
    void onceTheOriginatorRecordsThePublicationReadersAreSentToThePublishedVersion() throws Exception {
        String title = "Joint targeted area inspection of Northdale " + UUID.randomUUID().toString().substring(0, 8);
        String id = shareReport(title);
        String url = "https://reports.ofsted.gov.uk/provider/" + id;
        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "ofsted.inspector");
            page.navigate(uri("/reports/" + id).toString());
            BrowserSession.screenshot(page, "report-under-embargo");
            page.fill("#publication-publishedUrl", url);
            page.fill("#publication-publishedAt", "next Tuesday");
            Response refused = page.waitForNavigation(() -> page.click("#publish"));
            assertEquals(422, refused.status());
            assertThat(page.locator(".govuk-error-summary")).containsText("YYYY-MM-DD HH:MM");
            assertThat(page.locator("#publication-publishedUrl")).hasValue(url);

            page.fill("#publication-publishedAt", "");
            page.waitForNavigation(() -> page.click("#publish"));
            assertThat(page.locator("#notice")).hasText("The publication is recorded");
            assertThat(page.locator("#status")).hasText("Published");
            assertThat(page.locator("#history")).containsText("Publication recorded");
            assertEquals(0, page.locator("#publish").count(), "published once");
        }
        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "cqc.inspector");
            assertThat(page.locator("tr:has-text('" + title + "') .govuk-tag")).hasText("Published");
            page.navigate(uri("/reports/" + id + "/content").toString());
            assertThat(page.locator("h1")).containsText("has been published");
            assertThat(page.locator("#published-version")).hasAttribute("href", url);
            BrowserSession.screenshot(page, "report-published");
        }
    }

    private String shareReport(String title) throws Exception {
        var shared = PortalApi.signedIn(URI.create(base.toString()), "ofsted.inspector").shareReport(
                ReportMetadata.aReport().titled(title).json(), "report.pdf", TestPdf.withText(title));
        assertEquals(201, shared.statusCode(), shared.body());
        return PortalApi.idOf(shared.body());
    }

    private static BrowserContext noScript() {
        return browser.newContextWithoutJavaScript();
    }

    private Page signedIn(BrowserContext context, String username) {
        Page page = context.newPage();
        BrowserSession.submitDemoSignIn(page, uri("/"), username);
        assertThat(page.locator("h1")).hasText("Reports");
        assertTrue(page.url().endsWith("/reports") || page.url().endsWith("/"), page.url());
        return page;
    }
}
