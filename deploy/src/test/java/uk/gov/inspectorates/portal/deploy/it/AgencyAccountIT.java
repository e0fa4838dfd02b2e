package uk.gov.inspectorates.portal.deploy.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.account.Base32;
import uk.gov.inspectorates.portal.core.account.Totp;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;

/**
 * Agency accounts end to end: invitation by an administrator, the link from its e-mail, acceptance in the browser
 * (password rules, authenticator, recovery codes), sign-in with a code, lock-out, recovery codes, password reset by
 * link, session time-outs and sign-out everywhere.
 */
class AgencyAccountIT extends BrowserDeployment {

    private static final Pattern SECRET = Pattern.compile("<code id=\"secret\">([A-Z2-7 ]+)</code>");
    private static final Pattern RECOVERY_CODE = Pattern.compile("<code>([2-9a-z]{5}-[2-9a-z]{5})</code>");
    private static final String PASSWORD = "lantern orchard kettle violin";
    private static final String AGENCY = DemoDirectory.agencies().get(0).id();

    record Account(String username, String password, byte[] secret, List<String> recoveryCodes) {
        String code() {
            return TotpCodes.next(username, secret);
        }
    }

    private URI portal() {
        return URI.create(base.toString());
    }

    @Test
    void anInvitedPersonSetsUpTheirAccountInTheBrowserAndSignsInWithACode() throws Exception {
        String email = "pat." + UUID.randomUUID().toString().substring(0, 8) + "@northdale.example";
        try (BrowserContext adminContext = browser.newContext(); BrowserContext inviteeContext = browser.newContext()) {
            Page admin = adminContext.newPage();
            signIn(admin, "ofsted.admin", TestEnvironment.demoPassword(), TotpCodes.demo("ofsted.admin"));
            admin.navigate(uri("/admin/invitations").toString());
            admin.fill("#displayName", "Pat Smith");
            admin.fill("#email", email);
            admin.selectOption("#organisation", AGENCY);
            admin.check("#role-AGENCY_UPLOADER");
            admin.click("button:has-text('Send invitation')");
            assertThat(admin.locator(".govuk-notification-banner")).containsText("Invitation sent to " + email);
            assertThat(admin.locator("#pending-invitations")).containsText(email);

            Page page = inviteeContext.newPage();
            // the link carries the configured public address; the test's portal listens on a port of its own
            page.navigate(uri(URI.create(Mailbox.linkSentTo(email, "/invitations/")).getPath()).toString());
            assertThat(page.locator("h1")).hasText("Create your account");
            page.fill("#password", "password1234");
            page.fill("#confirmPassword", "password1234");
            page.click("button:has-text('Continue')");
            assertThat(page.locator(".govuk-error-summary")).containsText("Your password is too common");

            page.fill("#password", PASSWORD);
            page.fill("#confirmPassword", PASSWORD);
            page.click("button:has-text('Continue')");
            assertThat(page.locator("h1")).hasText("Set up your authenticator app");
            assertThat(page.locator("#otpauth-uri")).containsText("otpauth://totp/");
            byte[] secret = Base32.decode(page.locator("#secret").textContent().replace(" ", ""));
            page.fill("#code", TotpCodes.next(email, secret));
            page.click("button:has-text('Create account')");
            assertThat(page.locator("h1")).hasText("Your account is ready");
            assertEquals(10, page.locator("#recovery-codes li").count());

            page.click("button:has-text('Sign out')");
            assertThat(page.locator("h1")).hasText("Sign in");
            String unusedStep = new Totp().hotp(secret, Totp.timeStep(java.time.Instant.now()) + 20);
            page.fill("#username", email);
            page.fill("#password", PASSWORD);
            page.fill("#code", unusedStep);
            page.click("button:has-text('Sign in')");
            assertThat(page.locator(".govuk-error-summary"))
                    .containsText("The username, password or security code is not correct");

            signIn(page, email, PASSWORD, TotpCodes.next(email, secret));
            assertThat(page.locator("h1")).hasText("Reports");

            // a second session elsewhere, then "Sign out everywhere" from the account page ends both
            PortalApi elsewhere = PortalApi.anonymous(portal());
            assertEquals(200, elsewhere.signIn(email, PASSWORD, TotpCodes.next(email, secret)).statusCode());
            assertEquals(200, elsewhere.get("/api/v1/me").statusCode());
            page.click("a:has-text('Your account')");
            page.click("button:has-text('Sign out everywhere')");
            assertThat(page.locator("h1")).hasText("Sign in");
            assertEquals(401, elsewhere.get("/api/v1/me").statusCode());
        }
    }

    @Test
    void theApiNeedsTheCodeAndRefusesAWrongOne() throws Exception {
        Account account = newAccount();
        PortalApi api = PortalApi.anonymous(portal());

        HttpResponse<String> noCode = api.postJson("/api/v1/session",
                "{\"username\":\"" + account.username() + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(422, noCode.statusCode(), noCode.body());
        HttpResponse<String> wrongCode = api.signIn(account.username(), PASSWORD, "000000");
        assertEquals(401, wrongCode.statusCode());
        assertTrue(wrongCode.body().contains("sign-in-refused"), wrongCode.body());
        String code = account.code();
        assertEquals(200, api.signIn(account.username(), PASSWORD, code).statusCode());
        assertEquals(401, PortalApi.anonymous(portal()).signIn(account.username(), PASSWORD, code).statusCode(),
                "a code works once");
    }

    @Test
    void repeatedFailuresLockTheAccountForAWhileEvenForTheRightAnswers() throws Exception {
        Account account = newAccount();
        PortalApi api = PortalApi.anonymous(portal());
        for (int i = 0; i < 6; i++) {
            assertEquals(401, api.signIn(account.username(), "not the password at all", "123456").statusCode());
        }

        HttpResponse<String> locked = api.signIn(account.username(), PASSWORD, account.code());
        assertEquals(401, locked.statusCode());
        assertTrue(locked.body().contains("sign-in-locked"), locked.body());
        assertTrue(TestEnvironment.count("select count(*) from audit_event where action = 'SIGN_IN' "
                + "and outcome = 'REFUSED' and detail like 'locked until %'") >= 1);
    }

    @Test
    void aRecoveryCodeStandsInForTheAuthenticatorOnce() throws Exception {
        Account account = newAccount();
        String recoveryCode = account.recoveryCodes().get(0);

        assertEquals(200, PortalApi.anonymous(portal()).signIn(account.username(), PASSWORD, recoveryCode)
                .statusCode());
        assertEquals(401, PortalApi.anonymous(portal()).signIn(account.username(), PASSWORD, recoveryCode)
                .statusCode());
    }

    @Test
    void aPasswordIsResetByALinkThatWorksOnceAndTheCodeIsStillNeeded() throws Exception {
        Account account = newAccount();
        PortalApi anyone = PortalApi.anonymous(portal());
        long before = TestEnvironment.count("select count(*) from notification_outbox");
        HttpResponse<String> unknown = anyone.postForm("/password-reset", "username", "nobody@nowhere.example");
        assertEquals(before, TestEnvironment.count("select count(*) from notification_outbox"));
        HttpResponse<String> known = anyone.postForm("/password-reset", "username", account.username());
        assertEquals(unknown.body(), known.body(), "the same answer whether or not the account exists");

        String path = URI.create(Mailbox.linkSentTo(account.username(), "/password-reset/")).getPath();
        assertTrue(path.startsWith("/password-reset/"), path);
        assertEquals(200, anyone.get(path).statusCode());
        HttpResponse<String> common = anyone.postForm(path, "password", "password1234", "confirmPassword",
                "password1234");
        assertEquals(422, common.statusCode());
        assertTrue(common.body().contains("govuk-error-summary"), common.body());
        String newPassword = "a different long passphrase";
        HttpResponse<String> changed = anyone.postForm(path, "password", newPassword, "confirmPassword", newPassword);
        assertEquals(200, changed.statusCode());
        assertTrue(changed.body().contains("Your password has been changed"));
        assertEquals(404, anyone.postForm(path, "password", "yet another long passphrase", "confirmPassword",
                "yet another long passphrase").statusCode(), "the link works once");

        assertEquals(401, PortalApi.anonymous(portal()).signIn(account.username(), PASSWORD, account.code())
                .statusCode());
        assertEquals(200, PortalApi.anonymous(portal()).signIn(account.username(), newPassword, account.code())
                .statusCode());
        assertEquals(401, PortalApi.anonymous(portal()).signIn(account.username(), newPassword, "")
                .statusCode(), "the authenticator is still needed");
    }

    @Test
    void sessionsEndAfterTheIdleAndTheAbsoluteTimeOut() throws Exception {
        Account account = newAccount();
        PortalApi idle = PortalApi.anonymous(portal());
        assertEquals(200, idle.signIn(account.username(), PASSWORD, account.code()).statusCode());
        assertEquals(200, idle.get("/api/v1/me").statusCode());
        moveSessions(account.username(), "last_seen_at = last_seen_at - interval '31 minutes'");
        assertEquals(401, idle.get("/api/v1/me").statusCode());

        PortalApi busy = PortalApi.anonymous(portal());
        assertEquals(200, busy.signIn(account.username(), PASSWORD, account.code()).statusCode());
        moveSessions(account.username(), "created_at = created_at - interval '13 hours'");
        assertEquals(401, busy.get("/api/v1/me").statusCode());
    }

    @Test
    void signOutEverywhereThroughTheApiEndsTheOtherSessions() throws Exception {
        Account account = newAccount();
        PortalApi laptop = PortalApi.anonymous(portal());
        PortalApi phone = PortalApi.anonymous(portal());
        assertEquals(200, laptop.signIn(account.username(), PASSWORD, account.code()).statusCode());
        assertEquals(200, phone.signIn(account.username(), PASSWORD, account.code()).statusCode());

        assertEquals(204, laptop.delete("/api/v1/session?scope=everywhere").statusCode());

        assertEquals(401, phone.get("/api/v1/me").statusCode());
        assertEquals(0, TestEnvironment.count("select count(*) from portal_session s join user_account u "
                + "on u.id = s.user_id where u.username = '" + account.username() + "'"));
    }

    @Test
    void onlyAdministratorsMayInvite() throws Exception {
        PortalApi inspector = PortalApi.signedIn(portal(), "ofsted.inspector");
        HttpResponse<String> page = inspector.get("/admin/invitations");
        assertEquals(403, page.statusCode());
        HttpResponse<String> post = inspector.postForm("/admin/invitations", "displayName", "Eve", "email",
                "eve@northdale.example", "organisation", AGENCY, "roles", "AGENCY_UPLOADER");
        assertEquals(403, post.statusCode());
        assertFalse(TestEnvironment.count("select count(*) from invitation where email = 'eve@northdale.example'") > 0);
    }

    /** An agency account made through the pages with plain form posts (they work without JavaScript). */
    private Account newAccount() throws Exception {
        String email = "acct." + UUID.randomUUID().toString().substring(0, 8) + "@northdale.example";
        PortalApi admin = PortalApi.signedIn(portal(), "ofsted.admin");
        HttpResponse<String> invited = admin.postForm("/admin/invitations", "displayName", "Test Person", "email",
                email, "organisation", AGENCY, "roles", "AGENCY_UPLOADER");
        assertEquals(302, invited.statusCode(), invited.body());
        String path = URI.create(Mailbox.linkSentTo(email, "/invitations/")).getPath();
        PortalApi invitee = PortalApi.anonymous(portal());
        assertEquals(302, invitee.postForm(path, "step", "password", "password", PASSWORD, "confirmPassword",
                PASSWORD).statusCode());
        Matcher secretText = SECRET.matcher(invitee.get(path).body());
        assertTrue(secretText.find());
        byte[] secret = Base32.decode(secretText.group(1).replace(" ", ""));
        HttpResponse<String> ready = invitee.postForm(path, "step", "code", "code", TotpCodes.next(email, secret));
        assertEquals(200, ready.statusCode(), ready.body());
        List<String> codes = new ArrayList<>();
        Matcher code = RECOVERY_CODE.matcher(ready.body());
        while (code.find()) {
            codes.add(code.group(1));
        }
        assertEquals(10, codes.size());
        return new Account(email, PASSWORD, secret, codes);
    }

    private void signIn(Page page, String username, String password, String code) {
        BrowserSession.submitSignIn(page, uri("/"), username, password, code);
    }

    private static void moveSessions(String username, String change) throws Exception {
        try (Connection connection = TestEnvironment.openConnection();
             PreparedStatement update = connection.prepareStatement("update portal_session set " + change
                     + " where user_id = (select id from user_account where username = ?)")) {
            update.setString(1, username);
            assertTrue(update.executeUpdate() >= 1);
        }
    }
}
