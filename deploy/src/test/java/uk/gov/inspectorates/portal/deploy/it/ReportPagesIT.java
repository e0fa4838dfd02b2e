package uk.gov.inspectorates.portal.deploy.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report journeys through the GOV.UK pages in headless Chromium, with and without JavaScript. */
class ReportPagesIT extends BrowserDeployment {

    private static final String SHARE_BUTTON = "button:has-text('Share report')";
    private static final Pattern PART = Pattern.compile(".*/api/v1/uploads/[^/?]+/parts/(\\d+)");

    @Test
    void inspectorSharesWithProgressShownAndAReaderDownloadsIt() throws Exception {
        String title = "Northdale inspection " + UUID.randomUUID();
        byte[] pdf = TestPdf.withText(title, 2 * 1024 * 1024);
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, "ofsted.inspector");
            page.click("#share-on-one-page");
            fillShareForm(page, title, true);
            page.setInputFiles("#file", new FilePayload("northdale.pdf", "application/pdf", pdf));

            throttleUploads(context, page, 512 * 1024);
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

        assertReaderDownloads(title, pdf);
    }

    @Test
    void anUploadCutOffByALostConnectionResumesWhereItStoppedAndSendsNoConfirmedPartAgain() throws Exception {
        String title = "Eastmoor inspection " + UUID.randomUUID();
        int partBytes = TestEnvironment.UPLOAD_PART_BYTES;
        byte[] pdf = TestPdf.withText(title, 2 * partBytes + partBytes * 2 / 5);
        int partCount = (pdf.length + partBytes - 1) / partBytes;
        assertEquals(3, partCount, "the file spans several parts");
        AtomicInteger failedPartRequests = new AtomicInteger();
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, "ofsted.inspector");
            page.navigate(uri("/reports/share").toString());
            fillShareForm(page, title, true);
            page.setInputFiles("#file", new FilePayload("eastmoor.pdf", "application/pdf", pdf));
            page.onRequestFailed(request -> {
                if (PART.matcher(request.url()).matches()) {
                    failedPartRequests.incrementAndGet();
                }
            });
            // Every value the script gives the bar, kept in sessionStorage so that they outlive the form's submission.
            page.evaluate("() => { const bar = document.getElementById('upload-progress-bar');"
                    + " const value = Object.getOwnPropertyDescriptor(HTMLProgressElement.prototype, 'value');"
                    + " sessionStorage.setItem('test.bar', '[]');"
                    + " Object.defineProperty(bar, 'value', { get() { return value.get.call(this); },"
                    + "   set(v) { const seen = JSON.parse(sessionStorage.getItem('test.bar'));"
                    + "     seen.push(Number(v)); sessionStorage.setItem('test.bar', JSON.stringify(seen));"
                    + "     value.set.call(this, v); } }); }");
            page.evaluate(RECORD_UPLOAD_CALLS);

            // about a second a MiB: 5 MiB parts take a few seconds each
            CDPSession cdp = throttleUploads(context, page, 1024 * 1024);
            page.click(SHARE_BUTTON);
            page.waitForFunction("() => JSON.parse(sessionStorage.getItem('test.calls'))"
                    + ".some(call => call.part === 1 && call.status > 0)");
            // part 2 (42 % to 83 % of the file) well under way: its bytes in flight are lost with the connection
            page.waitForFunction("() => document.getElementById('upload-progress-bar').value >= 55");
            assertTrue(answersTo(page, 2).isEmpty(), "part 2 still in flight when the connection goes: "
                    + uploadCalls(page));
            assertEquals(List.of(200), answersTo(page, 1), "part 1 confirmed before the cut");

            emulateNetwork(cdp, true, 1024 * 1024);
            double whenCutOff = barValue(page);
            assertThat(page.locator("#upload-connection")).containsText("Connection lost");
            assertThat(page.locator("#upload-connection")).containsText("continue when you are back online");
            page.waitForTimeout(2500);
            assertTrue(barValue(page) >= whenCutOff, "the bar stays where it was while offline");
            page.waitForCondition(() -> failedPartRequests.get() >= 1); // going offline interrupted a part

            emulateNetwork(cdp, false, 1024 * 1024);
            page.waitForURL(Pattern.compile(".*/reports/[0-9a-f]{32}\\?shared=true"),
                    new Page.WaitForURLOptions().setTimeout(60_000));
            assertThat(page.locator(".govuk-notification-banner--success")).containsText("shared under embargo");
            assertThat(page.locator("h1")).hasText(title);

            // What the portal holds, as it answered, not which answers happened to reach the browser: a part that
            // landed as the connection went is listed by the portal without its own 200 ever arriving.
            List<Map<String, Object>> calls = uploadCalls(page);
            List<Integer> listedAtTheEnd = lastListing(calls);
            assertEquals(List.of(1, 2, 3), listedAtTheEnd, "each part held once, all of them: " + calls);
            for (int number = 1; number <= partCount; number++) {
                int listedFrom = firstListing(calls, number);
                assertTrue(listedFrom >= 0, "part " + number + " listed by the portal: " + calls);
                for (int i = listedFrom + 1; i < calls.size(); i++) {
                    boolean sentAgain = Integer.valueOf(number).equals(partOf(calls.get(i)))
                            && calls.get(i).get("status") == null;
                    assertTrue(!sentAgain, "part " + number + " not sent again once the portal listed it: " + calls);
                }
                assertTrue(answersTo(calls, number).stream().filter(status -> status == 200).count() <= 1,
                        "part " + number + " accepted at most once: " + calls);
            }

            List<Double> barValues = new ArrayList<>();
            for (Object value : (List<?>) page.evaluate("() => JSON.parse(sessionStorage.getItem('test.bar'))")) {
                barValues.add(((Number) value).doubleValue());
            }
            assertTrue(barValues.stream().anyMatch(value -> value > 30 && value < 100), "progress seen: " + barValues);
            for (int i = 1; i < barValues.size(); i++) {
                assertTrue(barValues.get(i) >= barValues.get(i - 1), "the bar never went back: " + barValues);
            }
            assertEquals(100.0, barValues.get(barValues.size() - 1), "the bar ends full: " + barValues);
        }

        assertReaderDownloads(title, pdf);
    }

    /**
     * Records, in sessionStorage (it outlives the form's submission), every call of the upload script to the uploads
     * API in order: a part sent ({@code part}, no {@code status} yet), and each answer ({@code status}; 0 when the
     * connection went) with the parts the portal says it holds ({@code listed}).
     */
    private static final String RECORD_UPLOAD_CALLS = "() => { sessionStorage.setItem('test.calls', '[]');"
            + " const log = (entry) => { const calls = JSON.parse(sessionStorage.getItem('test.calls'));"
            + "   calls.push(entry); sessionStorage.setItem('test.calls', JSON.stringify(calls)); };"
            + " const open = XMLHttpRequest.prototype.open; const send = XMLHttpRequest.prototype.send;"
            + " XMLHttpRequest.prototype.open = function (method, url) { this.testCall = { method, url: String(url) };"
            + "   return open.apply(this, arguments); };"
            + " XMLHttpRequest.prototype.send = function () { const call = this.testCall;"
            + "   const part = call && /\\/api\\/v1\\/uploads\\/[^/?]+\\/parts\\/(\\d+)/.exec(call.url);"
            + "   if (part) { log({ part: Number(part[1]) }); }"
            + "   this.addEventListener('loadend', () => { let listed = null;"
            + "     try { listed = JSON.parse(this.responseText).receivedParts || null; } catch (e) { }"
            + "     log({ part: part ? Number(part[1]) : null, method: call.method, status: this.status, listed }); });"
            + "   return send.apply(this, arguments); }; }";

    private static List<Map<String, Object>> uploadCalls(Page page) {
        List<Map<String, Object>> calls = new ArrayList<>();
        for (Object call : (List<?>) page.evaluate("() => JSON.parse(sessionStorage.getItem('test.calls'))")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) call;
            calls.add(entry);
        }
        return calls;
    }

    private static Integer partOf(Map<String, Object> call) {
        return call.get("part") instanceof Number number ? number.intValue() : null;
    }

    private static List<Integer> answersTo(Page page, int part) {
        return answersTo(uploadCalls(page), part);
    }

    /** The statuses of the answers to PUTs of the part that reached the browser (0: the connection went). */
    private static List<Integer> answersTo(List<Map<String, Object>> calls, int part) {
        return calls.stream().filter(call -> Integer.valueOf(part).equals(partOf(call)) && call.get("status") != null
                && ((Number) call.get("status")).intValue() != 0)
                .map(call -> ((Number) call.get("status")).intValue()).toList();
    }

    private static List<Integer> listed(Map<String, Object> call) {
        return call.get("listed") instanceof List<?> parts
                ? parts.stream().map(number -> ((Number) number).intValue()).toList() : null;
    }

    /** The index of the first answer of the portal that lists the part as held, or -1. */
    private static int firstListing(List<Map<String, Object>> calls, int part) {
        for (int i = 0; i < calls.size(); i++) {
            List<Integer> listed = listed(calls.get(i));
            if (listed != null && listed.contains(part)) {
                return i;
            }
        }
        return -1;
    }

    /** The parts the portal listed in its last answer that listed any, in order as listed. */
    private static List<Integer> lastListing(List<Map<String, Object>> calls) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            List<Integer> listed = listed(calls.get(i));
            if (listed != null) {
                return listed.stream().sorted().toList();
            }
        }
        return List.of();
    }

    @Test
    void withoutJavaScriptMistakesShowAGovukErrorSummaryAndNothingIsStored() throws Exception {
        StoredState before = StoredState.now();
        try (BrowserContext context = browser.newContextWithoutJavaScript()) {
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
    void anInspectorSharesThroughTheTaskListSectionBySectionWithoutJavaScript() throws Exception {
        String title = "Task list share " + UUID.randomUUID();
        byte[] pdf = TestPdf.withText(title);
        String id;
        try (BrowserContext context = browser.newContextWithoutJavaScript()) {
            Page page = context.newPage();
            signIn(page, "ofsted.inspector");
            page.waitForNavigation(() -> page.click("button:has-text('Share a report')"));
            assertThat(page.locator("h1")).hasText("Share a report");
            assertThat(page.locator("#task-details-status")).hasText("Not yet started");
            assertThat(page.locator("#task-check-status")).hasText("Cannot start yet");
            String tasks = page.url();

            page.click("text=Report details");
            page.fill("#title", title);
            Response incomplete = page.waitForNavigation(() -> page.click("button:has-text('Save and continue')"));
            assertEquals(422, incomplete.status());
            assertThat(page.locator(".govuk-error-summary")).containsText("There is a problem");
            assertThat(page.locator("#title")).hasValue(title);
            page.selectOption("#reportType", "OFSTED_CHILDREN_IN_NEED_LOOKED_AFTER_CARE_LEAVERS");
            page.fill("#subject", "Northdale local authority area");
            page.waitForNavigation(() -> page.click("button:has-text('Save and continue')"));
            assertEquals(tasks, page.url());
            assertThat(page.locator("#task-details-status")).hasText("Completed");

            page.navigate(uri("/reports").toString());
            assertThat(page.locator("#drafts")).containsText(title);
            page.click("#drafts a:has-text('" + title + "')");
            assertThat(page.locator("#task-details-status")).hasText("Completed");

            page.click("text=Security classification and handling");
            page.check("#tier-OFFICIAL_SENSITIVE");
            page.selectOption("#classificationDescriptor", "PERSONAL");
            page.waitForNavigation(() -> page.click("button:has-text('Save and continue')"));
            page.click("text=Pre-publication checks");
            page.check("#subjectHadChanceToComment");
            page.check("#contentFinal");
            page.check("#subjectHasFinalUnderEmbargo");
            page.waitForNavigation(() -> page.click("button:has-text('Save and continue')"));
            page.click("text=Who to share with");
            assertEquals(5, page.locator("input[name=addressees]:checked").count(), "every other party at first");
            page.locator("input[name=addressees]").all().forEach(box -> box.uncheck());
            page.check("#addressee-HMIC");
            page.waitForNavigation(() -> page.click("button:has-text('Save and continue')"));
            assertThat(page.locator("#task-addressees-status")).hasText("Completed");

            page.click("text=Check your answers, choose the file and share");
            assertThat(page.locator("#answers")).containsText(title);
            assertThat(page.locator("#answers")).containsText("OFFICIAL-SENSITIVE PERSONAL");
            assertThat(page.locator("#answers")).containsText("HM Inspectorate of Constabulary");
            page.setInputFiles("#file", new FilePayload("tasks.pdf", "application/pdf", pdf));
            page.waitForNavigation(() -> page.click(SHARE_BUTTON));
            assertThat(page.locator(".govuk-notification-banner--success")).containsText("shared under embargo");
            Matcher shared = Pattern.compile("/reports/([0-9a-f]{32})").matcher(page.url());
            assertTrue(shared.find(), page.url());
            id = shared.group(1);

            assertEquals(404, page.navigate(tasks).status(), "the draft goes once the report is shared");
            page.navigate(uri("/reports").toString());
            assertEquals(0, page.locator("#drafts").count());
        }
        assertEquals(200, PortalApi.signedIn(uri("/"), "hmic.reader").getBytes("/api/v1/reports/" + id + "/content")
                .statusCode());
        assertEquals(404, PortalApi.signedIn(uri("/"), "cqc.reader").getBytes("/api/v1/reports/" + id + "/content")
                .statusCode(), "CQC was not chosen");
    }

    @Test
    void aReportSharedThroughThePageWithOnePartyReachesThatPartyAlone() throws Exception {
        String title = "Shared with HMIC only " + UUID.randomUUID();
        String id;
        try (BrowserContext context = browser.newContextWithoutJavaScript()) {
            Page page = context.newPage();
            signIn(page, "ofsted.inspector");
            page.navigate(uri("/reports/share").toString());
            assertEquals(5, page.locator("input[name=addressees]:checked").count(), "every other party at first");
            fillShareForm(page, title, true);
            page.locator("input[name=addressees]").all().forEach(box -> box.uncheck());
            page.setInputFiles("#file", new FilePayload("hmic.pdf", "application/pdf", TestPdf.withText(title)));
            Response nobody = page.waitForNavigation(() -> page.click(SHARE_BUTTON));
            assertEquals(422, nobody.status(), "nothing ticked is not 'everyone'");
            assertThat(page.locator(".govuk-error-summary")).containsText("Choose the parties to share with");
            assertEquals(0, page.locator("input[name=addressees]:checked").count(), "kept as left");

            page.check("#addressee-HMIC");
            page.setInputFiles("#file", new FilePayload("hmic.pdf", "application/pdf", TestPdf.withText(title)));
            page.waitForNavigation(() -> page.click(SHARE_BUTTON));
            assertThat(page.locator(".govuk-summary-list")).containsText("HM Inspectorate of Constabulary");
            assertThat(page.locator(".govuk-summary-list")).not().containsText("Care Quality Commission");
            Matcher shared = Pattern.compile("/reports/([0-9a-f]{32})").matcher(page.url());
            assertTrue(shared.find(), page.url());
            id = shared.group(1);
        }
        assertEquals(200, PortalApi.signedIn(uri("/"), "hmic.reader").getBytes("/api/v1/reports/" + id + "/content")
                .statusCode());
        assertEquals(404, PortalApi.signedIn(uri("/"), "cqc.reader").getBytes("/api/v1/reports/" + id + "/content")
                .statusCode(), "CQC was not ticked");
    }

    @Test
    void pagesNeedSignInAndRefuseWrongPasswords() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(uri("/reports").toString());
            assertThat(page.locator("h1")).hasText("Sign in");
            page.fill("#username", "hmic.reader");
            page.fill("#password", "wrong password");
            page.fill("#code", "123456");
            page.click("button:has-text('Sign in')");
            assertThat(page.locator(".govuk-error-summary")).containsText("The username, password or security code is not correct");
        }
    }

    /**
     * The accessibility check bites on the portal's own pages too: the sign-in page as the portal serves it (its
     * CSP and GOV.UK Frontend included), with the username's label taken out on its way to the browser.
     */
    @Test
    void theAccessibilityCheckReportsAPortalPageThatLostALabel() {
        String label = "<label class=\"govuk-label\" for=\"username\">Username</label>";
        AtomicBoolean removed = new AtomicBoolean();
        try (BrowserContext context = browser.newContext()) {
            context.route(uri("/sign-in").toString(), route -> {
                APIResponse served = route.fetch();
                String html = served.text();
                removed.set(html.contains(label));
                route.fulfill(new Route.FulfillOptions().setResponse(served).setBody(html.replace(label, "")));
            });
            Page page = context.newPage();
            page.navigate(uri("/sign-in").toString());
            assertThat(page.locator("#username")).isVisible();
            assertTrue(removed.get(), "the sign-in page had the label to take out");

            String report = assertThrows(AssertionError.class, browser::assertAccessible).getMessage();
            assertTrue(report.contains(uri("/sign-in").toString()), report);
            assertTrue(report.contains("label (critical)"), report);
            assertTrue(report.contains("id=\"username\""), report);
        }
    }

    private void signIn(Page page, String username) {
        BrowserSession.submitDemoSignIn(page, uri("/"), username);
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

    /** A reader of another inspectorate finds the report and downloads exactly the bytes that were shared. */
    private void assertReaderDownloads(String title, byte[] pdf) throws Exception {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, "hmic.reader");
            page.getByText(title).click();
            assertThat(page.locator(".govuk-warning-text"))
                    .containsText("Pre-publication report – not to be shared beyond authorised reviewers");
            Download download = page.waitForDownload(() -> page.click("#download"));
            StampedCopy.assertStampedCopyOf(pdf, Files.readAllBytes(download.path()), "downloaded through the page");

            String view = page.locator("#view").getAttribute("href");
            com.microsoft.playwright.APIResponse inline = page.request().get(uri(view).toString());
            assertEquals(200, inline.status());
            assertTrue(inline.headers().get("content-disposition").startsWith("inline;"),
                    "shown by the browser, not saved: " + inline.headers());
            StampedCopy.assertStampedCopyOf(pdf, inline.body(), "viewed in the browser");
        }
    }

    private static double barValue(Page page) {
        return ((Number) page.evaluate("() => document.getElementById('upload-progress-bar').value")).doubleValue();
    }

    /** Slows the browser's uploads (Chromium network emulation) so that the progress bar is seen mid-way. */
    private static CDPSession throttleUploads(BrowserContext context, Page page, int bytesPerSecond) {
        CDPSession cdp = context.newCDPSession(page);
        cdp.send("Network.enable");
        emulateNetwork(cdp, false, bytesPerSecond);
        return cdp;
    }

    /** Throttled uploads, and offline or not (offline fails requests in flight and new ones, as a dropped link). */
    private static void emulateNetwork(CDPSession cdp, boolean offline, int uploadBytesPerSecond) {
        JsonObject conditions = new JsonObject();
        conditions.addProperty("offline", offline);
        conditions.addProperty("latency", 0);
        conditions.addProperty("downloadThroughput", -1);
        conditions.addProperty("uploadThroughput", uploadBytesPerSecond);
        cdp.send("Network.emulateNetworkConditions", conditions);
    }
}
