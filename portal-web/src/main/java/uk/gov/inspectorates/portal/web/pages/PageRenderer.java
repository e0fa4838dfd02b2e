package uk.gov.inspectorates.portal.web.pages;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

/** Renders the GOV.UK pages from Mustache templates; {{ }} output is HTML-escaped. */
@ApplicationScoped
public class PageRenderer {

    private final MustacheFactory templates = new DefaultMustacheFactory("templates");

    public void render(HttpServletResponse response, int status, String template, Map<String, Object> model)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter writer = response.getWriter();
        templates.compile(template + ".mustache").execute(writer, model);
        writer.flush();
    }
}
