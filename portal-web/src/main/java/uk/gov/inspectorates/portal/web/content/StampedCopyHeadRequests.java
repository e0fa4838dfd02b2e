package uk.gov.inspectorates.portal.web.content;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * A {@code HEAD} on a stamped copy's address is answered 405 with {@code Allow: GET}, before anything else runs.
 * Servlets and JAX-RS answer a {@code HEAD} by running the {@code GET} and dropping its body: for a stamped copy that
 * made a copy (the stamping budget, a PDFBox load and save) and recorded a download that nobody received. A stamped
 * copy has no headers worth asking for up front (no length: it is written as it is made, ADR 0038), and every
 * {@code GET} is a new copy with its own download id, so {@code HEAD} is refused rather than imitated. The answer is
 * the same whoever asks and whether or not the document exists, so it tells nobody anything.
 */
@WebFilter({"/api/*", "/reports/*"})
public class StampedCopyHeadRequests extends HttpFilter {

    private static final String ID = "[0-9a-f]{32}";

    /**
     * Every address that serves a stamped copy (report, covering letter, advance letter; API and pages), relative to
     * the context root.
     */
    static final Pattern STAMPED_COPY = Pattern.compile("/(?:api/v1/)?(?:reports/" + ID + "/(?:content|view|letters/"
            + ID + "/content)|reports/ahead/" + ID + "/content|advance-letters/" + ID + "/content)/?");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("HEAD".equals(request.getMethod()) && isStampedCopy(request)) {
            response.setHeader("Allow", "GET");
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isStampedCopy(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return isStampedCopy(path);
    }

    /** Whether the path (below the context root, decoded) is a stamped copy's. */
    static boolean isStampedCopy(String path) {
        return STAMPED_COPY.matcher(path).matches();
    }
}
