package uk.gov.inspectorates.portal.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import uk.gov.inspectorates.portal.core.account.SignInService;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.web.session.PortalSession;

@WebServlet("/sign-out")
public class SignOutPage extends HttpServlet {

    @Inject
    SignInService signIn;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = (Subject) request.getAttribute(PageAccessFilter.SUBJECT);
        signIn.signOut(subject.userId(), subject.organisation().id());
        PortalSession.signOut(request, response);
        response.sendRedirect(request.getContextPath() + "/sign-in");
    }
}
