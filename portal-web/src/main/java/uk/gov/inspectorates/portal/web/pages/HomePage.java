package uk.gov.inspectorates.portal.web.pages;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import uk.gov.inspectorates.portal.web.session.PortalSession;

/** The service's front door: the reports for someone signed in, else the sign-in page. */
@WebServlet("")
public class HomePage extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = PortalSession.userId(request).isPresent() ? "/reports" : "/sign-in";
        response.sendRedirect(request.getContextPath() + target);
    }
}
