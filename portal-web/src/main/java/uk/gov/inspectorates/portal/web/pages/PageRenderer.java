package uk.gov.inspectorates.portal.web.pages;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import uk.gov.inspectorates.portal.web.api.Problem;
import uk.gov.inspectorates.portal.web.api.Problems;
import uk.gov.inspectorates.portal.web.audit.AuditOriginFilter;

/** Renders the GOV.UK pages from Mustache templates; {{ }} output is HTML-escaped. */
@ApplicationScoped
public class PageRenderer {

    private final MustacheFactory templates = new DefaultMustacheFactory("templates");

    public void render(HttpServletResponse response, int status, String template, Map<String, Object> model)
            throws IOException {
        AuditOriginFilter.beforePageWritten(status);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter writer = response.getWriter();
        templates.compile(template + ".mustache").execute(writer, model);
        writer.flush();
    }

    /** The GOV.UK page for a problem, with its status; a 503 also says when to try again. */
    void problem(HttpServletResponse response, Problem problem, PageModel model) throws IOException {
        problem.retryAfter().ifPresent(seconds -> response.setHeader("Retry-After", Long.toString(seconds)));
        render(response, problem.status(), "problem", model.with("problem", problem).asMap());
    }
}
