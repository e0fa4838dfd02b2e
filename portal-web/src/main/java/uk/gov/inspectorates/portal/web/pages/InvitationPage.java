package uk.gov.inspectorates.portal.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.account.AgencyAccounts;
import uk.gov.inspectorates.portal.core.account.EnrolmentProgress;
import uk.gov.inspectorates.portal.core.account.Invitation;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.web.api.Problem;
import uk.gov.inspectorates.portal.web.api.Problems;
import uk.gov.inspectorates.portal.web.config.PortalConfiguration;
import uk.gov.inspectorates.portal.web.session.PortalSession;

/**
 * Accepting an invitation: choose a password, add the authenticator, confirm it with a code, note the recovery
 * codes. Nothing is created until the code confirms the authenticator; until then the progress (the password's
 * hash and the new secret, never the password) is kept for this browser only: it holds a random key in a cookie
 * ({@value #PROGRESS_COOKIE}, path {@code /invitations}), the cluster's database the progress with the secret
 * encrypted ({@link EnrolmentProgress}), so either step may reach any instance.
 */
@WebServlet("/invitations/*")
public class InvitationPage extends HttpServlet {

    static final String PROGRESS_COOKIE = "portal_invitation";

    /** What this browser has done so far with one invitation. */
    record Progress(String token, String passwordHash, byte[] secret, String groupedSecret, String uri) {
    }

    @Inject
    EnrolmentProgress enrolments;

    @Inject
    PortalConfiguration configuration;

    @Inject
    AgencyAccounts accounts;

    @Inject
    PageRenderer pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = token(request);
        Optional<Invitation> invitation = accounts.openInvitation(token);
        if (invitation.isEmpty()) {
            gone(response);
            return;
        }
        Progress progress = progress(request, token, invitation.get());
        if (progress == null) {
            passwordStep(response, invitation.get(), token, PageModel.titled("Create your account"), 200);
        } else {
            authenticatorStep(response, progress, PageModel.titled("Set up your authenticator app"), 200);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = token(request);
        Optional<Invitation> invitation = accounts.openInvitation(token);
        if (invitation.isEmpty()) {
            gone(response);
            return;
        }
        try {
            if ("password".equals(request.getParameter("step"))) {
                choosePassword(request, response, invitation.get(), token);
            } else {
                confirmAuthenticator(request, response, invitation.get(), token);
            }
        } catch (NotFound expired) {
            gone(response);
        } catch (RuntimeException failure) {
            Problem problem = Problems.from(failure);
            pages.problem(response, problem, PageModel.titled(problem.title()));
        }
    }

    private void choosePassword(HttpServletRequest request, HttpServletResponse response, Invitation invitation,
                                String token) throws IOException {
        String password = request.getParameter("password");
        String confirmation = request.getParameter("confirmPassword");
        try {
            if (password != null && !password.isEmpty() && !password.equals(confirmation)) {
                throw InvalidInput.of("confirmPassword", "The passwords do not match");
            }
            String hash = accounts.newPasswordHash(token, password);
            AgencyAccounts.Enrolment enrolment = accounts.newEnrolment(invitation.username());
            enrolments.forget(browserKey(request));
            String browserKey = enrolments.begin(token, hash, enrolment.secret());
            response.addHeader("Set-Cookie", progressCookie(request, browserKey,
                    EnrolmentProgress.LIFETIME.toSeconds()));
            response.sendRedirect(request.getContextPath() + "/invitations/" + token);
        } catch (InvalidInput invalid) {
            passwordStep(response, invitation, token, PageModel.titled("Create your account").errors(Problems.from(invalid)),
                    422);
        }
    }

    private void confirmAuthenticator(HttpServletRequest request, HttpServletResponse response, Invitation invitation,
                                      String token) throws IOException {
        Progress progress = progress(request, token, invitation);
        if (progress == null) {
            response.sendRedirect(request.getContextPath() + "/invitations/" + token);
            return;
        }
        try {
            AgencyAccounts.Accepted accepted = accounts.accept(token, progress.passwordHash(), progress.secret(),
                    request.getParameter("code"));
            enrolments.forget(browserKey(request));
            response.addHeader("Set-Cookie", progressCookie(request, "", 0));
            String csrfToken = PortalSession.signIn(request, response, accepted.subject());
            pages.render(response, 200, "recovery-codes", PageModel.titled("Your recovery codes")
                    .signedIn(accepted.subject(), csrfToken).with("codes", accepted.recoveryCodes()).asMap());
        } catch (InvalidInput invalid) {
            authenticatorStep(response, progress, PageModel.titled("Set up your authenticator app")
                    .errors(Problems.from(invalid)), 422);
        }
    }

    private void passwordStep(HttpServletResponse response, Invitation invitation, String token, PageModel model,
                              int status)
            throws IOException {
        pages.render(response, status, "invitation", model.with("passwordStep", true)
                .with("name", invitation.displayName()).with("username", invitation.username())
                .with("token", token).asMap());
    }

    private void authenticatorStep(HttpServletResponse response, Progress progress, PageModel model, int status)
            throws IOException {
        pages.render(response, status, "invitation", model.with("authenticatorStep", true)
                .with("secret", progress.groupedSecret()).with("uri", progress.uri())
                .with("token", progress.token()).asMap());
    }

    private static String token(HttpServletRequest request) {
        String path = request.getPathInfo();
        String token = path == null || path.length() < 2 || path.indexOf('/', 1) >= 0 ? null : path.substring(1);
        return token;
    }

    private Progress progress(HttpServletRequest request, String token, Invitation invitation) {
        return enrolments.of(browserKey(request), token).map(kept -> {
            AgencyAccounts.Enrolment enrolment = accounts.enrolment(invitation.username(), kept.secret());
            return new Progress(token, kept.passwordHash(), kept.secret(), enrolment.groupedSecret(),
                    enrolment.provisioningUri());
        }).orElse(null);
    }

    private static String browserKey(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (PROGRESS_COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private String progressCookie(HttpServletRequest request, String value, long maxAgeSeconds) {
        return PROGRESS_COOKIE + "=" + value + "; Path=" + request.getContextPath() + "/invitations; Max-Age="
                + maxAgeSeconds + (configuration.cookieSecure() ? "; Secure" : "") + "; HttpOnly; SameSite=Strict";
    }

    private void gone(HttpServletResponse response) throws IOException {
        pages.problem(response, Problem.of("not-found", "This link does not work", 404, "The invitation has been "
                + "used, has expired, or the link is not complete. Ask your administrator for a new invitation."),
                PageModel.titled("This link does not work"));
    }
}
