package uk.gov.inspectorates.portal.deploy.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report journeys through the GOV.UK pages in headless Chromium, with and without JavaScript. */
class ReportPagesIT extends PortalDeployment {

    private static final String SHARE_BUTTON = "button:has-text('Share report')";
    private static BrowserSession browser;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void inspectorSharesWithProgressShownAndAReaderDownloadsIt() throws Exception {
        String title = "Northdale inspection " + UUID.randomUUID();
        byte[] pdf = TestPdf.withText(title, 2 * 1024 * 1024);
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, "ofsted.inspector");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Share a report")).click();
            fillShareForm(page, title, true);
            page.setInputFiles("#file", new FilePayload("northdale.pdf", "application/pdf", pdf));

            throttleUploads(context, page);
            page.click(SHARE_BUTTON);
            page.waitForFunction("() => { const bar = document.getElementById('upload-progress-bar');"
                    + " return bar && !document.getElementById('upload-progress').hidden"
                    + " && bar.value > 0 && bar.value < 100; }");
            assertThat(page.locator("#upload-progress-status")).containsText("Uploading:");

            page.waitForURL(Pattern.compile(".*/reports/[0-9a-f]{32}\\?shared=true"));
            assertThat(page.locator(".govuk-notification-banner--success")).containsText("shared under embargo");
            assertThat(page.locator("h1")).hasText(title);
            assertThat(page.locator(".govuk-summary-list")).containsText("OFFICIAL-SENSITIVE PERSONAL");
            page.click("button:has-text('Sign out')");
            assertThat(page.locator("h1")).hasText("Sign in");
        }

        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, "hmic.reader");
            page.getByText(title).click();
            assertThat(page.locator(".govuk-warning-text"))
                    .containsText("Pre-publication report – not to be shared beyond authorised reviewers");
            Download download = page.waitForDownload(() -> page.click("#download"));
            assertArrayEquals(pdf, Files.readAllBytes(download.path()), "downloaded through the page, byte for byte");
        }
    }

    @Test
    void withoutJavaScriptMistakesShowAGovukErrorSummaryAndNothingIsStored() throws Exception {
        StoredState before = StoredState.now();
        Browser.NewContextOptions noScript = new Browser.NewContextOptions().setJavaScriptEnabled(false);
        try (BrowserContext context = browser.browser().newContext(noScript)) {
            Page page = context.newPage();
            signIn(page, "ofsted.support");
            page.navigate(uri("/reports/share").toString());
            fillShareForm(page, "Missing attestations", false);
            page.setInputFiles("#file", new FilePayload("notes.pdf", "application/pdf",
                    "plain text pretending to be a PDF".getBytes()));
            Response response = page.waitForNavigation(() -> page.click(SHARE_BUTTON));
            assertEquals(422, response.status());
            assertThat(page.locator(".govuk-error-summary")).containsText("There is a problem");
            assertThat(page.locator(".govuk-error-summary"))
                    .containsText("Confirm that the content of the report is final");
            assertThat(page.locator("#title")).hasValue("Missing attestations");
            assertTrue(page.title().startsWith("Error:"), page.title());

            fillShareForm(page, "Not a PDF", true);
            page.setInputFiles("#file", new FilePayload("notes.pdf", "application/pdf",
                    "plain text pretending to be a PDF".getBytes()));
            Response typeRefused = page.waitForNavigation(() -> page.click(SHARE_BUTTON));
            assertEquals(415, typeRefused.status());
            assertThat(page.locator(".govuk-error-summary")).containsText("must be a PDF");
        }
        assertEquals(before, StoredState.now(), "refused uploads store nothing");
    }

    @Test
    void pagesNeedSignInAndRefuseWrongPasswords() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(uri("/reports").toString());
            assertThat(page.locator("h1")).hasText("Sign in");
            page.fill("#username", "hmic.reader");
            page.fill("#password", "wrong password");
            page.click("button:has-text('Sign in')");
            assertThat(page.locator(".govuk-error-summary")).containsText("The username or password is not correct");
        }
    }

    private void signIn(Page page, String username) {
        page.navigate(uri("/sign-in").toString());
        page.fill("#username", username);
        page.fill("#password", TestEnvironment.demoPassword());
        page.click("button:has-text('Sign in')");
        assertThat(page.locator("h1")).hasText("Reports");
    }

    private static void fillShareForm(Page page, String title, boolean attest) {
        page.fill("#title", title);
        page.selectOption("#reportType", "OFSTED_CHILDREN_IN_NEED_LOOKED_AFTER_CARE_LEAVERS");
        page.fill("#subject", "Northdale local authority area");
        page.check("#tier-OFFICIAL_SENSITIVE");
        page.selectOption("#classificationDescriptor", "PERSONAL");
        if (attest) {
            page.check("#subjectHadChanceToComment");
            page.check("#contentFinal");
            page.check("#subjectHasFinalUnderEmbargo");
        }
    }

    /** Slows the browser's uploads (Chromium network emulation) so that the progress bar is seen mid-way. */
    private static void throttleUploads(BrowserContext context, Page page) {
        CDPSession cdp = context.newCDPSession(page);
        cdp.send("Network.enable");
        JsonObject conditions = new JsonObject();
        conditions.addProperty("offline", false);
        conditions.addProperty("latency", 0);
        conditions.addProperty("downloadThroughput", -1);
        conditions.addProperty("uploadThroughput", 512 * 1024);
        cdp.send("Network.emulateNetworkConditions", conditions);
    }
}
