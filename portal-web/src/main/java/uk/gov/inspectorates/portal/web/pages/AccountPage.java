package uk.gov.inspectorates.portal.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import uk.gov.inspectorates.portal.core.account.PortalSessions;
import uk.gov.inspectorates.portal.core.account.SignInService;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.web.session.PortalSession;

/** The person's account: who they are signed in as, and signing out of every device at once. */
@WebServlet({"/account", "/account/*"})
public class AccountPage extends HttpServlet {

    static final String SIGN_OUT_EVERYWHERE = "/sign-out-everywhere";

    @Inject
    PortalSessions sessions;

    @Inject
    SignInService signIn;

    @Inject
    PageRenderer pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getPathInfo() != null && !"/".equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Subject subject = (Subject) request.getAttribute(PageAccessFilter.SUBJECT);
        pages.render(response, 200, "account", PageModel.titled("Your account")
                .signedIn(subject, PortalSession.csrfToken(request).orElse(""))
                .with("username", subject.username()).asMap());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!SIGN_OUT_EVERYWHERE.equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Subject subject = (Subject) request.getAttribute(PageAccessFilter.SUBJECT);
        signIn.signOut(subject.userId(), subject.organisation().id());
        PortalSession.signOut(request, response);
        sessions.endAll(subject.userId(), "signed out everywhere");
        response.sendRedirect(request.getContextPath() + "/sign-in");
    }
}
