package uk.gov.inspectorates.portal.deploy.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.storage.calendar.GovUkBankHolidays;

/**
 * Retention configured by administrators (issue 17) on the real deployment: an inspectorate administrator reads and
 * changes a policy and its history shows the before and after; SIROs look but do not change; agency administrators
 * and inspectors are refused; a policy shorter than its minimum is a 422 naming the rule; a legal hold is set, shown
 * on the inspection page and the retention page, stops a report's removal (409), and is lifted; the pages work
 * without JavaScript and pass axe.
 */
class RetentionIT extends BrowserDeployment {

    private URI portal() {
        return URI.create(base.toString());
    }

    private static String policy(int amount, String unit, String action, String reason) {
        return "{\"amount\":" + amount + ",\"unit\":\"" + unit + "\",\"action\":\"" + action
                + "\",\"owner\":\"Ofsted information governance\",\"reason\":\"" + reason + "\"}";
    }

    private String inspection() throws Exception {
        HttpResponse<String> opened = PortalApi.signedIn(portal(), "ofsted.lead").postJson("/api/v1/inspections",
                "{\"localAuthorityArea\":\"northdale\",\"theme\":\"Retention test\",\"notifiedOn\":\""
                        + lastWorkingDay() + "\",\"inspectorates\":[\"OFSTED\",\"CQC\"],"
                        + "\"leadInspectorate\":\"OFSTED\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        return PortalApi.idOf(opened.body());
    }

    private static LocalDate lastWorkingDay() {
        WorkingDayCalendar calendar = new WorkingDayCalendar(GovUkBankHolidays.shipped());
        LocalDate day = LocalDate.now(WorkingDayCalendar.UK);
        while (!calendar.isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    private static long audit(String action, String resourceId, String outcome, String detailLike, String username)
            throws Exception {
        return TestEnvironment.count("select count(*) from audit_event e join user_account u on u.id = e.actor_id "
                + "where e.action = ? and e.resource_id is not distinct from ? and e.outcome = ? "
                + "and e.detail like ? and u.username = ?", action, resourceId, outcome, detailLike, username);
    }

    @Test
    void anAdministratorChangesAPolicyAndItsHistoryShowsBeforeAndAfter() throws Exception {
        PortalApi admin = PortalApi.signedIn(portal(), "ofsted.admin");
        HttpResponse<String> listed = admin.get("/api/v1/retention-policies");
        assertEquals(200, listed.statusCode(), listed.body());
        assertTrue(listed.body().contains("\"category\":\"SHARE_DRAFTS\""), listed.body());
        assertTrue(listed.body().contains("retention.minimum.published-report-challenge-window"), listed.body());

        String reason = "board decision " + UUID.randomUUID();
        HttpResponse<String> changed = admin.putJson("/api/v1/retention-policies/SHARE_DRAFTS",
                policy(21, "CALENDAR_DAYS", "REMOVE", reason));
        assertEquals(200, changed.statusCode(), changed.body());
        assertTrue(changed.body().contains("\"after\":{\"action\":\"REMOVE\",\"amount\":21,\"category\":\"SHARE_DRAFTS\""),
                changed.body());

        HttpResponse<String> history = PortalApi.signedIn(portal(), "ofsted.siro")
                .get("/api/v1/retention-policies/SHARE_DRAFTS/history");
        assertEquals(200, history.statusCode(), history.body());
        assertTrue(history.body().contains(reason), history.body());
        assertTrue(history.body().contains("\"after\":{\"action\":\"REMOVE\",\"amount\":21,"), history.body());
        assertTrue(history.body().contains("\"before\":{\"action\":"), history.body());
        assertEquals(1, audit("RETENTION_POLICY_CHANGE", "SHARE_DRAFTS", "SUCCEEDED",
                "before=% after=21 CALENDAR_DAYS REMOVE % reason=" + reason, "ofsted.admin"));

        HttpResponse<String> dryRun = PortalApi.signedIn(portal(), "ofsted.siro")
                .get("/api/v1/retention-schedule?limit=500");
        assertEquals(200, dryRun.statusCode(), dryRun.body());
        assertTrue(dryRun.body().contains("\"category\":\"AUDIT_EVENTS\",\"description\":\"audit events from "),
                "the trail is listed for review, its oldest event's due date: " + dryRun.body());
        assertTrue(dryRun.body().contains("\"action\":\"REVIEW\""), dryRun.body());

        HttpResponse<String> bySiro = PortalApi.signedIn(portal(), "ofsted.siro").putJson(
                "/api/v1/retention-policies/SHARE_DRAFTS", policy(25, "CALENDAR_DAYS", "REMOVE", "siro"));
        assertEquals(403, bySiro.statusCode(), bySiro.body());
        assertTrue(bySiro.body().contains("retention.inspectorate-administrators-and-siros-only"), bySiro.body());
    }

    @Test
    void agencyAdministratorsAndInspectorsAreRefused() throws Exception {
        HttpResponse<String> agency = PortalApi.signedIn(portal(), "agency.admin").get("/api/v1/retention-policies");
        assertEquals(403, agency.statusCode(), agency.body());
        assertTrue(agency.body().contains("retention.inspectorate-administrators-and-siros-only"), agency.body());
        HttpResponse<String> inspector = PortalApi.signedIn(portal(), "ofsted.inspector").putJson(
                "/api/v1/retention-policies/SHARE_DRAFTS", policy(1, "CALENDAR_DAYS", "REMOVE", "inspector"));
        assertEquals(403, inspector.statusCode(), inspector.body());
        assertEquals(403, PortalApi.signedIn(portal(), "ofsted.inspector").get("/api/v1/retention-schedule")
                .statusCode());
        assertEquals(1, audit("RETENTION_POLICY_CHANGE", "SHARE_DRAFTS", "DENIED",
                "retention.inspectorate-administrators-and-siros-only", "ofsted.inspector"));
    }

    @Test
    void aPolicyShorterThanItsMinimumIsA422NamingTheRule() throws Exception {
        PortalApi admin = PortalApi.signedIn(portal(), "ofsted.admin");
        HttpResponse<String> tooShort = admin.putJson("/api/v1/retention-policies/PUBLISHED_REPORT_COPIES",
                policy(5, "WORKING_DAYS", "REMOVE", "too short"));
        assertEquals(422, tooShort.statusCode(), tooShort.body());
        assertTrue(tooShort.body().contains("\"rule\":\"retention.minimum.published-report-challenge-window\""),
                tooShort.body());
        assertTrue(tooShort.body().contains("\"field\":\"amount\""), tooShort.body());
        HttpResponse<String> auditRemoval = admin.putJson("/api/v1/retention-policies/AUDIT_EVENTS",
                policy(3000, "CALENDAR_DAYS", "REMOVE", "prune"));
        assertEquals(422, auditRemoval.statusCode(), auditRemoval.body());
        assertTrue(auditRemoval.body().contains("\"rule\":\"retention.audit-events.review-only\""),
                auditRemoval.body());
        HttpResponse<String> fraction = admin.putJson("/api/v1/retention-policies/SHARE_DRAFTS",
                "{\"amount\":1.5,\"unit\":\"CALENDAR_DAYS\",\"action\":\"REMOVE\",\"owner\":\"x\",\"reason\":\"y\"}");
        assertEquals(422, fraction.statusCode(), fraction.body());
        assertEquals(404, admin.get("/api/v1/retention-policies/EVERYTHING/history").statusCode());
        assertEquals(422, admin.putJson("/api/v1/retention-policies/SHARE_DRAFTS", "not json").statusCode());
    }

    @Test
    void aLegalHoldIsSetShownAndLifted() throws Exception {
        String inspection = inspection();
        PortalApi admin = PortalApi.signedIn(portal(), "ofsted.admin");
        String reason = "Court order " + UUID.randomUUID();
        HttpResponse<String> set = admin.putJson("/api/v1/inspections/" + inspection + "/legal-hold",
                "{\"reason\":\"" + reason + "\"}");
        assertEquals(200, set.statusCode(), set.body());
        assertEquals(409, admin.putJson("/api/v1/inspections/" + inspection + "/legal-hold",
                "{\"reason\":\"again\"}").statusCode(), "held already");
        HttpResponse<String> bySiro = PortalApi.signedIn(portal(), "ofsted.siro").putJson("/api/v1/inspections/"
                + inspection + "/legal-hold", "{\"reason\":\"a SIRO sees holds, does not set them\"}");
        assertEquals(403, bySiro.statusCode(), bySiro.body());
        assertTrue(bySiro.body().contains("retention.legal-hold.party-administrators-only"), bySiro.body());
        assertEquals(404, PortalApi.signedIn(portal(), "ofsted.inspector").putJson("/api/v1/inspections/"
                + inspection + "/legal-hold", "{\"reason\":\"not an administrator\"}").statusCode());
        assertEquals(404, PortalApi.signedIn(portal(), "agency.admin").putJson("/api/v1/inspections/" + inspection
                + "/legal-hold", "{\"reason\":\"agency\"}").statusCode());
        assertEquals(422, admin.putJson("/api/v1/inspections/" + inspection + "/legal-hold", "{}").statusCode());

        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "ofsted.admin");
            page.navigate(uri("/inspections/" + inspection).toString());
            assertThat(page.locator("#legal-hold")).containsText("On legal hold since");
            assertThat(page.locator("#legal-hold")).containsText(reason);
            page.navigate(uri("/admin/retention").toString());
            assertThat(page.locator("#legal-holds")).containsText(inspection);
            assertThat(page.locator("#policies")).containsText("Share drafts");
        }

        HttpResponse<String> lifted = admin.delete("/api/v1/inspections/" + inspection
                + "/legal-hold?reason=order%20discharged");
        assertEquals(204, lifted.statusCode(), lifted.body());
        assertEquals(404, admin.get("/api/v1/inspections/" + inspection + "/legal-hold").statusCode());
        assertEquals(404, admin.get("/api/v1/reports/no-such-report/legal-hold").statusCode(),
                "the report's legal hold resource shares the inspection's helper");
        HttpResponse<byte[]> openapi = admin.getBytes("/openapi", "Accept", "application/json");
        String described = new String(openapi.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(200, openapi.statusCode(), "the legal hold resources' shared helper is no base class");
        assertTrue(described.contains("/inspections/{id}/legal-hold") && described.contains("/reports/{id}/legal-hold"),
                described);
        assertEquals(1, audit("LEGAL_HOLD_SET", inspection, "SUCCEEDED", "kind=INSPECTION reason=" + reason,
                "ofsted.admin"));
        assertEquals(1, audit("LEGAL_HOLD_LIFT", inspection, "SUCCEEDED", "%order discharged", "ofsted.admin"));
    }

    @Test
    void aHeldReportIsNotRemovedUntilTheHoldIsLifted() throws Exception {
        String report = PortalApi.signedIn(portal(), "ofsted.inspector")
                .shareValidReport(TestPdf.withText("held " + UUID.randomUUID()));
        PortalApi admin = PortalApi.signedIn(portal(), "ofsted.admin");
        assertEquals(200, admin.putJson("/api/v1/reports/" + report + "/legal-hold",
                "{\"reason\":\"subject access request\"}").statusCode());

        HttpResponse<String> refused = admin.delete("/api/v1/reports/" + report);
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"rule\":\"retention.legal-hold\""), refused.body());
        assertEquals(200, PortalApi.signedIn(portal(), "ofsted.inspector").get("/api/v1/reports/" + report)
                .statusCode(), "still there");

        assertEquals(204, admin.delete("/api/v1/reports/" + report + "/legal-hold?reason=answered").statusCode());
        assertEquals(204, admin.delete("/api/v1/reports/" + report).statusCode());
    }

    @Test
    void theRetentionPagesWorkWithoutJavaScript() throws Exception {
        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "ofsted.admin");
            page.navigate(uri("/admin").toString());
            page.waitForNavigation(() -> page.click("text=Retention"));
            assertThat(page.locator("h1")).hasText("Retention");
            assertThat(page.locator("h2:has-text('What will be removed next')")).isVisible();
            page.navigate(uri("/admin/retention/change?category=TERM_PLANS").toString());
            page.fill("#amount", "400");
            page.fill("#reason", "");
            Response refused = page.waitForNavigation(() -> page.click("button:has-text('Change the policy')"));
            assertEquals(422, refused.status());
            assertThat(page.locator(".govuk-error-summary")).containsText("Give the reason for the change");
            page.fill("#reason", "kept longer for the annual review");
            page.waitForNavigation(() -> page.click("button:has-text('Change the policy')"));
            assertThat(page.locator(".govuk-notification-banner")).containsText("Retention policy changed");
            assertThat(page.locator("#policy-TERM_PLANS")).containsText("400 calendar days");
            page.navigate(uri("/admin/retention/history?category=TERM_PLANS").toString());
            assertThat(page.locator("#history")).containsText("kept longer for the annual review");
        }
        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "agency.admin");
            Response refused = page.navigate(uri("/admin/retention").toString());
            assertEquals(403, refused.status());
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
