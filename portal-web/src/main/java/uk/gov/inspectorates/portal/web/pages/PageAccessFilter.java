package uk.gov.inspectorates.portal.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.web.api.Problem;
import uk.gov.inspectorates.portal.web.api.Problems;
import uk.gov.inspectorates.portal.web.session.PortalSession;
import uk.gov.inspectorates.portal.web.session.SignedInSubjects;

/**
 * Pages behind sign-in: without a session, back to the sign-in page. A form post must carry the session's CSRF
 * token, else the portal's own 403 page says the session may have expired; multipart uploads are checked by their
 * reader before any file byte is read, since their fields arrive in the stream (the same page, through
 * {@link Problems#from}).
 */
@WebFilter({"/reports", "/reports/*", "/sign-out", "/admin", "/admin/organisations/*", "/admin/teams/*",
        "/admin/users/*"})
public class PageAccessFilter extends HttpFilter {

    static final String SUBJECT = "portal.subject";

    @Inject
    SignedInSubjects subjects;

    @Inject
    PageRenderer pages;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Subject> subject;
        try {
            subject = subjects.of(request);
        } catch (RuntimeException failure) {
            // the directory is read on every request: without the database, say so rather than fail with a 500
            Problem problem = Problems.from(failure);
            pages.problem(response, problem, PageModel.titled(problem.title()));
            return;
        }
        if (subject.isEmpty()) {
            response.sendRedirect(request.getContextPath() + "/sign-in");
            return;
        }
        if ("POST".equals(request.getMethod()) && !isMultipart(request)
                && !PortalSession.csrfTokenMatches(request, request.getParameter(PortalSession.CSRF_FIELD))) {
            Problem problem = Problems.formTokenMissing();
            pages.problem(response, problem, PageModel.titled(problem.title())
                    .signedIn(subject.get(), PortalSession.csrfToken(request).orElse("")));
            return;
        }
        request.setAttribute(SUBJECT, subject.get());
        chain.doFilter(request, response);
    }

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }
}
