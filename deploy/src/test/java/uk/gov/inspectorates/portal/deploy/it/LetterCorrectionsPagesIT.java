package uk.gov.inspectorates.portal.deploy.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The letter corrections of issue 17 through the GOV.UK pages in headless Chromium without JavaScript (every page
 * checked by axe-core, see {@link BrowserSession}): a covering letter is refused without the provider-notified-first
 * checkbox (ISP ¶7), then sent; its addressee records onward sharing of it on the letter's page (ISP ¶14), refused
 * until the legal obligation is named, and the sender sees the record (docs/adr/0027).
 */
class LetterCorrectionsPagesIT extends BrowserDeployment {

    @Test
    void aCoveringLetterNeedsTheConfirmationAndItsAddresseeRecordsOnwardSharingOfItOnTheLettersPage()
            throws Exception {
        String reportId = shareReport("Letter corrections pages " + UUID.randomUUID());
        String letterId;
        try (BrowserContext context = browser.newContextWithoutJavaScript()) {
            Page page = signedIn(context, "ofsted.inspector");
            page.navigate(uri("/reports/" + reportId + "/letters/new").toString());
            page.check("#kind-COVERING");
            page.check("#addressedTo-CQC");
            page.check("#tier-OFFICIAL");
            page.setInputFiles("#file", new FilePayload("covering.pdf", "application/pdf",
                    TestPdf.withText("Covering letter " + UUID.randomUUID())));
            Response refused = page.waitForNavigation(() -> page.click("button:has-text('Send the letter')"));
            assertEquals(422, refused.status());
            assertThat(page.locator(".govuk-error-summary a[href='#serviceProviderNotifiedFirst']"))
                    .containsText("Confirm that the service provider");
            assertThat(page.locator("#serviceProviderNotifiedFirst-error")).isVisible();

            page.check("#kind-COVERING");
            page.check("#tier-OFFICIAL");
            page.check("#serviceProviderNotifiedFirst");
            page.setInputFiles("#file", new FilePayload("covering.pdf", "application/pdf",
                    TestPdf.withText("Covering letter " + UUID.randomUUID())));
            page.waitForNavigation(() -> page.click("button:has-text('Send the letter')"));
            assertTrue(page.url().contains("?letter="), page.url());
            letterId = page.url().replaceAll(".*\\?letter=([0-9a-f]{32}).*", "$1");
            assertThat(page.locator("#letter-" + letterId)).containsText("Notified before the other parties");
        }
        try (BrowserContext context = browser.newContextWithoutJavaScript()) {
            Page page = signedIn(context, "cqc.reader");
            page.navigate(uri("/reports/" + reportId).toString());
            page.waitForNavigation(() -> page.click("#onward-sharing-" + letterId));
            assertThat(page.locator("h1")).hasText("Onward sharing of the letter");
            assertThat(page.locator("#no-sharings")).isVisible();

            page.check("#onward-sharing-basis-legal");
            page.fill("#onward-sharing-recipient", "Family Court");
            Response refused = page.waitForNavigation(() -> page.click("#record-onward-sharing"));
            assertEquals(422, refused.status());
            assertThat(page.locator(".govuk-error-summary")).containsText("Name the legal obligation");
            assertThat(page.locator("#onward-sharing-recipient")).hasValue("Family Court");

            page.check("#onward-sharing-basis-legal");
            page.fill("#onward-sharing-evidence", "Order ZW30C00456");
            page.waitForNavigation(() -> page.click("#record-onward-sharing"));
            assertThat(page.locator("#notice")).hasText("Your onward sharing is recorded");
            assertThat(page.locator("#sharings")).containsText("Family Court");
            assertThat(page.locator("#sharings")).containsText("Legal obligation");
        }
        try (BrowserContext context = browser.newContextWithoutJavaScript()) {
            Page page = signedIn(context, "ofsted.inspector");
            page.navigate(uri("/reports/" + reportId + "/letters/" + letterId + "/onward-sharing").toString());
            assertThat(page.locator("#sharings")).containsText("Order ZW30C00456");
            assertEquals(0, page.locator("#record-onward-sharing").count(), "the sender records no onward sharing");
        }
    }

    private String shareReport(String title) throws Exception {
        var shared = PortalApi.signedIn(URI.create(base.toString()), "ofsted.inspector").shareReport(
                ReportMetadata.aReport().titled(title).json(), "report.pdf", TestPdf.withText(title));
        assertEquals(201, shared.statusCode(), shared.body());
        return PortalApi.idOf(shared.body());
    }

    private Page signedIn(BrowserContext context, String username) {
        Page page = context.newPage();
        BrowserSession.submitDemoSignIn(page, uri("/"), username);
        assertThat(page.locator("h1")).hasText("Reports");
        return page;
    }
}
