package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The accessibility check of the browser tests bites: deliberately inaccessible pages, served to the browser by the
 * test itself (no portal needed), make {@link BrowserSession} report their violations, page by page, with the
 * address, the axe-core rule and the offending elements; an accessible page passes. The pages are reached the way
 * the portal's are (navigation, a form sent without JavaScript), under the portal's Content-Security-Policy.
 */
class AccessibilityCheckIT {

    private static final String FIXTURES = "http://fixture.test";
    private static final String OTHER_SERVICE = "http://identity-provider.test";
    private static final String PORTAL_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** An image without text, a field without a label, no language, no title, an empty link, headings skipped. */
    private static final String INACCESSIBLE = """
            <!DOCTYPE html>
            <html>
            <head><meta charset="utf-8"></head>
            <body>
              <main>
                <h1>Upload</h1>
                <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
                <form method="post" action="/sent"><input type="text" name="case"><button type="submit">Send</button></form>
                <a href="/somewhere"></a>
              </main>
            </body>
            </html>
            """;

    private static final String ACCESSIBLE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Case number</title></head>
            <body>
              <main>
                <h1>Case number</h1>
                <form method="post" action="/sent">
                  <label for="case">Case number</label>
                  <input type="text" id="case" name="case">
                  <button type="submit">Send</button>
                </form>
              </main>
            </body>
            </html>
            """;

    /** Pale grey on white (about 1.6:1, where 4.5:1 is needed), style in the page: no CSP on this one. */
    private static final String LOW_CONTRAST = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Sent</title></head>
            <body><main><h1>Sent</h1><p style="color:#d0d0d0;background:#ffffff">Your case was sent.</p></main></body>
            </html>
            """;

    /** WCAG 2.2's target size (2.5.8, level AA): two 10 by 10 pixel buttons side by side. */
    private static final String SMALL_TARGETS = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Targets</title>
            <style>button { width: 10px; height: 10px; padding: 0; margin: 0; border: 0; min-width: 0; min-height: 0; font-size: 6px; }</style>
            </head>
            <body><main><h1>Targets</h1><p><button type="button">a</button><button type="button">b</button></p></main></body>
            </html>
            """;

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
    void anInaccessiblePageIsReportedWithItsAddressTheRulesItBreaksAndTheElements() {
        try (BrowserContext context = browser.newContext()) {
            serve(context, FIXTURES, Map.of("/upload", INACCESSIBLE), true);
            context.newPage().navigate(FIXTURES + "/upload");

            AssertionError failure = assertThrows(AssertionError.class, browser::assertAccessible);
            String report = failure.getMessage();
            assertAll(report,
                    () -> assertTrue(report.contains(FIXTURES + "/upload")),
                    () -> assertTrue(report.contains("image-alt (critical)")),
                    () -> assertTrue(report.contains("<img src=\"data:image/gif")),
                    () -> assertTrue(report.contains("label (critical)")),
                    () -> assertTrue(report.contains("<input type=\"text\" name=\"case\">")),
                    () -> assertTrue(report.contains("html-has-lang")),
                    () -> assertTrue(report.contains("document-title")),
                    () -> assertTrue(report.contains("link-name")),
                    () -> assertTrue(report.contains("https://dequeuniversity.com/rules/axe/")));
        }
        assertDoesNotThrow(browser::assertAccessible, "a report is given once");
    }

    @Test
    void withoutJavaScriptAnAccessiblePagePassesAndThePageAFormLeadsToIsChecked() {
        try (BrowserContext context = browser.newContextWithoutJavaScript()) {
            serve(context, FIXTURES, Map.of("/case", ACCESSIBLE, "/sent", LOW_CONTRAST), false);
            Page page = context.newPage();
            int before = browser.pagesChecked();
            page.navigate(FIXTURES + "/case");
            assertEquals("Case number", page.title());
            assertDoesNotThrow(browser::assertAccessible);
            assertEquals(before + 1, browser.pagesChecked(), "the accessible page was checked, not skipped");

            page.fill("#case", "C-1234");
            page.waitForNavigation(() -> page.click("button"));
            page.title();
            AssertionError failure = assertThrows(AssertionError.class, browser::assertAccessible);
            assertTrue(failure.getMessage().contains(FIXTURES + "/sent"), failure.getMessage());
            assertTrue(failure.getMessage().contains("color-contrast (serious)"), failure.getMessage());
            assertFalse(failure.getMessage().contains(FIXTURES + "/case"), failure.getMessage());
        }
    }

    @Test
    void withoutJavaScriptTheSameRulesAreBrokenAsWithIt() {
        Set<String> withScripts;
        try (BrowserContext context = browser.newContext()) {
            serve(context, FIXTURES, Map.of("/upload", INACCESSIBLE), true);
            context.newPage().navigate(FIXTURES + "/upload");
            withScripts = rulesIn(assertThrows(AssertionError.class, browser::assertAccessible).getMessage());
        }
        try (BrowserContext context = browser.newContextWithoutJavaScript()) {
            serve(context, FIXTURES, Map.of("/upload", INACCESSIBLE), true);
            context.newPage().navigate(FIXTURES + "/upload");
            Set<String> withoutScripts = rulesIn(assertThrows(AssertionError.class, browser::assertAccessible).getMessage());
            assertTrue(withScripts.size() >= 5, withScripts.toString());
            assertEquals(withScripts, withoutScripts);
        }
    }

    @Test
    void wcag22TargetSizeIsChecked() {
        try (BrowserContext context = browser.newContext()) {
            serve(context, FIXTURES, Map.of("/targets", SMALL_TARGETS), false);
            context.newPage().navigate(FIXTURES + "/targets");

            AssertionError failure = assertThrows(AssertionError.class, browser::assertAccessible);
            assertTrue(failure.getMessage().contains("target-size"), failure.getMessage());
        }
    }

    @Test
    void pagesOfAnotherServiceNamedAsNotOursAreLeftOut() {
        browser.notOurs(OTHER_SERVICE, "a stand-in for another service's pages");
        try (BrowserContext context = browser.newContext()) {
            serve(context, OTHER_SERVICE, Map.of("/login", INACCESSIBLE), false);
            serve(context, FIXTURES, Map.of("/upload", INACCESSIBLE), false);
            Page page = context.newPage();
            page.navigate(OTHER_SERVICE + "/login");
            page.title();
            assertDoesNotThrow(browser::assertAccessible);

            page.navigate(FIXTURES + "/upload");
            AssertionError failure = assertThrows(AssertionError.class, browser::assertAccessible);
            assertFalse(failure.getMessage().contains(OTHER_SERVICE), failure.getMessage());
        }
    }

    private static Set<String> rulesIn(String report) {
        Set<String> rules = new TreeSet<>();
        Matcher rule = Pattern.compile("(?m)^  ([a-z0-9-]+) \\(").matcher(report);
        while (rule.find()) {
            rules.add(rule.group(1));
        }
        return rules;
    }

    /** Answers requests to {@code origin} with the given pages (GET or POST alike), as the portal would. */
    private static void serve(BrowserContext context, String origin, Map<String, String> pages, boolean portalCsp) {
        context.route(origin + "/**", route -> {
            String path = route.request().url().substring(origin.length());
            String html = pages.get(path);
            if (html == null) {
                route.fulfill(new Route.FulfillOptions().setStatus(404).setContentType("text/plain").setBody("none"));
                return;
            }
            Route.FulfillOptions page = new Route.FulfillOptions().setStatus(200)
                    .setContentType("text/html; charset=utf-8").setBody(html);
            if (portalCsp) {
                page.setHeaders(Map.of("Content-Security-Policy", PORTAL_CSP, "Content-Type", "text/html; charset=utf-8"));
            }
            route.fulfill(page);
        });
    }
}
