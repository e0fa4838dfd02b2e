package uk.gov.inspectorates.portal.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.web.api.Problem;
import uk.gov.inspectorates.portal.web.api.Problems;
import uk.gov.inspectorates.portal.web.session.PortalSession;

/** What the administration pages share: the signed-in subject, form fields, the page model, redirects, problems. */
final class AdminSupport {

    private AdminSupport() {
    }

    static Subject subject(HttpServletRequest request) {
        return (Subject) request.getAttribute(PageAccessFilter.SUBJECT);
    }

    /** The path within the portal, without a trailing slash. */
    static String path(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    static Map<String, String> fields(HttpServletRequest request, String... names) {
        Map<String, String> fields = new HashMap<>();
        for (String name : names) {
            String value = request.getParameter(name);
            if (value != null) {
                fields.put(name, value);
            }
        }
        return fields;
    }

    static PageModel model(HttpServletRequest request, String title) {
        return PageModel.forRequest(request, title);
    }

    /** A success banner after a change (post, redirect, get): only fixed messages, never text from the query. */
    static void done(PageModel model, HttpServletRequest request, Map<String, String> messages) {
        String message = messages.get(String.valueOf(request.getParameter("done")));
        if (message != null) {
            model.with("done", message);
        }
    }

    static void redirect(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        response.sendRedirect(request.getContextPath() + path);
    }

    /** Refusals (403), unknown things (404), conflicts (409) and the rest as the GOV.UK problem page. */
    static void problem(PageRenderer pages, HttpServletRequest request, HttpServletResponse response,
                        RuntimeException failure) throws IOException {
        if (response.isCommitted()) {
            throw failure;
        }
        Problem problem = Problems.from(failure);
        pages.problem(response, problem, model(request, problem.title()));
    }
}
