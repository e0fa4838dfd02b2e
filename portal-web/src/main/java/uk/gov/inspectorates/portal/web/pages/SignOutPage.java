package uk.gov.inspectorates.portal.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import uk.gov.inspectorates.portal.core.access.SignInService;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.web.session.PortalSession;

@WebServlet("/sign-out")
public class SignOutPage extends HttpServlet {

    @Inject
    SignInService signIn;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        signIn.signOut((Subject) request.getAttribute(PageAccessFilter.SUBJECT));
        PortalSession.signOut(request);
        response.sendRedirect(request.getContextPath() + "/sign-in");
    }
}
