package uk.gov.inspectorates.portal.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import uk.gov.inspectorates.portal.core.account.AgencyAccounts;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.web.api.Problem;
import uk.gov.inspectorates.portal.web.api.Problems;

/**
 * "Forgotten your password?": a link by message, the same answer whether or not the account exists; the link
 * works once and sets a new password. The authenticator is still needed to sign in afterwards.
 */
@WebServlet({"/password-reset", "/password-reset/*"})
public class PasswordResetPage extends HttpServlet {

    private static final String TITLE = "Reset your password";

    @Inject
    AgencyAccounts accounts;


    @Inject
    PageRenderer pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = token(request);
        if (token == null) {
            pages.render(response, 200, "password-reset", PageModel.titled(TITLE).with("requestStep", true).asMap());
        } else if (accounts.resetOpen(token)) {
            pages.render(response, 200, "password-reset", PageModel.titled("Choose a new password")
                    .with("newStep", true).with("token", token).asMap());
        } else {
            gone(response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = token(request);
        try {
            if (token == null) {
                accounts.requestPasswordReset(request.getParameter("username"), "/password-reset/");
                pages.render(response, 200, "password-reset", PageModel.titled("Check your messages")
                        .with("sentStep", true).asMap());
                return;
            }
            String password = request.getParameter("password");
            if (password != null && !password.isEmpty() && !password.equals(request.getParameter("confirmPassword"))) {
                throw InvalidInput.of("confirmPassword", "The passwords do not match");
            }
            accounts.resetPassword(token, password);
            pages.render(response, 200, "password-reset", PageModel.titled("Your password has been changed")
                    .with("doneStep", true).asMap());
        } catch (InvalidInput invalid) {
            pages.render(response, 422, "password-reset", PageModel.titled("Choose a new password")
                    .errors(Problems.from(invalid)).with("newStep", true).with("token", token).asMap());
        } catch (NotFound expired) {
            gone(response);
        } catch (RuntimeException failure) {
            Problem problem = Problems.from(failure);
            pages.problem(response, problem, PageModel.titled(problem.title()));
        }
    }

    private static String token(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null || path.length() < 2 || path.indexOf('/', 1) >= 0 ? null : path.substring(1);
    }

    private void gone(HttpServletResponse response) throws IOException {
        pages.problem(response, Problem.of("not-found", "This link does not work", 404, "The link has been used, has "
                + "expired, or is not complete. Ask for a new one from the sign-in page."),
                PageModel.titled("This link does not work"));
    }
}
