package uk.gov.inspectorates.portal.deploy.it;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import com.microsoft.playwright.PlaywrightException;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Headless Debian Chromium driven by Playwright for Java, for browser tests. Create one per test class
 * ({@code @BeforeAll}; {@code Playwright.create()} costs 4-5 s) and close it in {@code @AfterAll}; use a fresh
 * {@link #newContext()} per test for separate cookies.
 *
 * <p>Needs {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1} in the environment (failsafe sets it; without it Playwright
 * tries to download a browser) and the {@code chromium} package ({@code scripts/install-deps}).
 *
 * <p><b>Every page is checked for accessibility.</b> Each page of every context made here (through
 * {@link #newContext()}, {@link #newPage()} or {@link #browser()}, popups included) runs axe-core
 * ({@link AccessibilityCheck}: WCAG 2.2 A and AA) each time it has loaded. Violations are collected with the page's
 * address, and {@link #assertAccessible()} (called after each test by {@link BrowserDeployment}) fails the test
 * with the list; {@link #close()} fails on any not yet reported. Pages of another service (the identity provider
 * in a sign-in journey) are left out with {@link #notOurs}; docs/adr/0024.
 */
public final class BrowserSession implements AutoCloseable {

    /** The real binary: {@code /usr/bin/chromium} is a shell wrapper. Override with {@code -Dportal.test.chromium}. */
    public static final Path CHROMIUM = Path.of(System.getProperty("portal.test.chromium", "/usr/lib/chromium/chromium"));

    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;
    private final Browser checkedBrowser;
    private final AccessibilityCheck check;
    private final Map<String, String> notOurs = new LinkedHashMap<>();
    private final List<String> findings = new ArrayList<>();
    private final Set<BrowserContext> withoutJavaScript = Collections.newSetFromMap(new IdentityHashMap<>());
    private int pagesChecked;
    private long checkingNanos;

    private BrowserSession(Playwright playwright, Browser browser, AccessibilityCheck check) {
        this.playwright = playwright;
        this.browser = browser;
        this.check = check;
        this.checkedBrowser = checking(browser);
    }

    public static BrowserSession start() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " not found: run scripts/install-deps");
        }
        AccessibilityCheck check = AccessibilityCheck.installed();
        Playwright playwright = Playwright.create();
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(ARGS));
            return new BrowserSession(playwright, browser, check);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A new isolated context (own cookies and storage), A4-ish desktop viewport, en-GB. */
    public BrowserContext newContext() {
        return newContext(new Browser.NewContextOptions());
    }

    /** {@link #newContext()} with JavaScript disabled: the pages must work without it. */
    public BrowserContext newContextWithoutJavaScript() {
        return newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
    }

    private BrowserContext newContext(Browser.NewContextOptions options) {
        return checkedBrowser.newContext(options
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

    /** The browser; the pages of the contexts and pages made through it are checked too. */
    public Browser browser() {
        return checkedBrowser;
    }

    /**
     * Leaves the pages of {@code origin} (scheme, host and port) unchecked: pages of another service that the
     * tests pass through, whose markup is not the portal's to fix. Say why.
     */
    public void notOurs(String origin, String why) {
        notOurs.put(originOf(origin), why);
    }

    /** Fails with every accessibility violation found since the last call, page by page, and forgets them. */
    public void assertAccessible() {
        if (findings.isEmpty()) {
            return;
        }
        String report = String.join("\n", findings);
        int pages = findings.size();
        findings.clear();
        throw new AssertionError("axe-core found WCAG 2.2 AA violations on " + pages + " page load(s):\n" + report);
    }

    /** How many page loads have been checked so far. */
    public int pagesChecked() {
        return pagesChecked;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
        System.out.printf("[a11y] axe-core checked %d page loads in %.1f s%n", pagesChecked, checkingNanos / 1e9);
        assertAccessible();
    }

    /** A proxy of the browser that watches each context and page it makes. */
    private Browser checking(Browser real) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object made;
            try {
                made = method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (made instanceof BrowserContext context) {
                watch(context, args);
            } else if (made instanceof Page page) {
                watch(page.context(), args);
                watch(page);
            }
            return made;
        };
        return (Browser) Proxy.newProxyInstance(Browser.class.getClassLoader(), new Class<?>[] {Browser.class}, handler);
    }

    private void watch(BrowserContext context, Object[] options) {
        if (options != null && options.length == 1 && javaScriptDisabledBy(options[0])) {
            withoutJavaScript.add(context);
            context.onClose(withoutJavaScript::remove);
        }
        context.onPage(this::watch);
    }

    private static boolean javaScriptDisabledBy(Object options) {
        Boolean enabled = options instanceof Browser.NewContextOptions context ? context.javaScriptEnabled
                : options instanceof Browser.NewPageOptions page ? page.javaScriptEnabled : null;
        return Boolean.FALSE.equals(enabled);
    }

    private void watch(Page page) {
        page.onLoad(this::checkLoaded);
    }

    /**
     * Runs on the test's thread while Playwright dispatches the page's load event (during whatever call the test
     * makes next); the page is the loaded document, as the browser shows it.
     */
    private void checkLoaded(Page page) {
        String url = page.url();
        if (url.equals("about:blank") || notOurs.containsKey(originOf(url))) {
            return;
        }
        long started = System.nanoTime();
        try {
            List<AccessibilityCheck.Violation> violations =
                    check.violations(page, withoutJavaScript.contains(page.context()));
            pagesChecked++;
            checkingNanos += System.nanoTime() - started;
            if (!violations.isEmpty()) {
                StringBuilder finding = new StringBuilder(url).append(" (").append(page.title()).append(")\n");
                violations.forEach(violation -> finding.append(violation.report()));
                findings.add(finding.toString());
            }
        } catch (PlaywrightException e) {
            if (!leftBeforeChecked(e)) {
                findings.add(url + "\n  could not be checked: " + e.getMessage());
            }
        }
    }

    /** The page closed, or went on to another document (which is checked when it loads), while axe ran. */
    private static boolean leftBeforeChecked(PlaywrightException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Execution context was destroyed") || message.contains("has been closed")
                || message.contains("Target closed");
    }

    private static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() == null || uri.getHost() == null ? url
                    : uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
