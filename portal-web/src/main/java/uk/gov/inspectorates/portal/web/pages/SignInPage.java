package uk.gov.inspectorates.portal.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import uk.gov.inspectorates.portal.core.account.SignInLocked;
import uk.gov.inspectorates.portal.core.account.SignInRefused;
import uk.gov.inspectorates.portal.core.account.SignInService;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.web.api.Problem;
import uk.gov.inspectorates.portal.web.api.Problems;
import uk.gov.inspectorates.portal.web.session.PortalSession;

@WebServlet("/sign-in")
public class SignInPage extends HttpServlet {

    private static final String TITLE = "Sign in";

    @Inject
    SignInService signIn;

    @Inject
    PageRenderer pages;

    @Inject
    uk.gov.inspectorates.portal.web.config.SingleSignOn sso;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.render(response, 200, "sign-in", PageModel.titled(TITLE)
                .with("sso", SamlSignIn.choices(sso)).asMap());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        String code = request.getParameter("code");
        if (username == null || username.isBlank() || password == null || password.isEmpty() || code == null
                || code.isBlank()) {
            Problem problem = Problem.of("invalid-input", "Check the information you gave", 422, null)
                    .withErrors(List.of(username == null || username.isBlank() || password == null
                            || password.isEmpty()
                            ? new Problem.InvalidField(username == null || username.isBlank() ? "username"
                            : "password", "Enter your username and password")
                            : new Problem.InvalidField("code", "Enter the security code from your authenticator app")));
            pages.render(response, 422, "sign-in", PageModel.titled(TITLE).errors(problem)
                    .with("username", username).asMap());
            return;
        }
        try {
            Subject subject = signIn.signIn(username, password.toCharArray(), code);
            PortalSession.signIn(request, response, subject);
            response.sendRedirect(request.getContextPath() + "/reports");
        } catch (SignInRefused refused) {
            Problem problem = Problems.from(refused)
                    .withErrors(List.of(new Problem.InvalidField("username", refused.getMessage())));
            if (refused instanceof SignInLocked locked) {
                response.setHeader("Retry-After", Long.toString(locked.retryAfterSeconds()));
            }
            pages.render(response, problem.status(), "sign-in", PageModel.titled(TITLE).errors(problem)
                    .with("username", username).asMap());
        } catch (RuntimeException failure) {
            Problem problem = Problems.from(failure);
            pages.problem(response, problem, PageModel.titled(problem.title()));
        }
    }
}
