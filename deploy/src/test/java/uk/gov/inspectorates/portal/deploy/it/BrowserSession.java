package uk.gov.inspectorates.portal.deploy.it;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Headless Debian Chromium driven by Playwright for Java, for browser tests. Create one per test class
 * ({@code @BeforeAll}; {@code Playwright.create()} costs 4-5 s) and close it in {@code @AfterAll}; use a fresh
 * {@link #newContext()} per test for separate cookies.
 *
 * <p>Needs {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1} in the environment (failsafe sets it; without it Playwright
 * tries to download a browser) and the {@code chromium} package ({@code scripts/install-deps}).
 */
public final class BrowserSession implements AutoCloseable {

    /** The real binary: {@code /usr/bin/chromium} is a shell wrapper. Override with {@code -Dportal.test.chromium}. */
    public static final Path CHROMIUM = Path.of(System.getProperty("portal.test.chromium", "/usr/lib/chromium/chromium"));

    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    private BrowserSession(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static BrowserSession start() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " not found: run scripts/install-deps");
        }
        Playwright playwright = Playwright.create();
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(ARGS));
            return new BrowserSession(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A new isolated context (own cookies and storage), A4-ish desktop viewport, en-GB. */
    public BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900)
                .setLocale("en-GB")
                .setTimezoneId("Europe/London"));
    }

    /** A page in a new context; closing the context is left to the caller ({@code page.context().close()}). */
    public Page newPage() {
        return newContext().newPage();
    }

    /** Fills in the sign-in form on {@code portal} with a username, password and security code, and sends it. */
    public static void submitSignIn(Page page, java.net.URI portal, String username, String password, String code) {
        page.navigate(portal.resolve("/sign-in").toString());
        page.fill("#username", username);
        page.fill("#password", password);
        page.fill("#code", code);
        page.click("button:has-text('Sign in')");
    }

    /** Signs in as a demo user: the demo password and the next unused code of the demo TOTP secret. */
    public static void submitDemoSignIn(Page page, java.net.URI portal, String username) {
        submitSignIn(page, portal, username, TestEnvironment.demoPassword(), TotpCodes.demo(username));
    }

    /** With {@code -Dportal.test.screenshots=<folder>}, a full-page picture to look at (the README's come from here). */
    public static void screenshot(Page page, String name) {
        String folder = System.getProperty("portal.test.screenshots");
        if (folder != null) {
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(java.nio.file.Path.of(folder, name + ".png")));
        }
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
