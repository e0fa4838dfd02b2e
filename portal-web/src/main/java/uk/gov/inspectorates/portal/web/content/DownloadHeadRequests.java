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
 * A {@code HEAD} on any download's address is answered 405 with {@code Allow: GET}, before anything else runs.
 * Servlets and JAX-RS answer a {@code HEAD} by running the {@code GET} and dropping its body:
 * <ul>
 * <li>for a stamped copy (report, covering letter, advance letter; API and pages) that made a copy (the stamping
 * budget, a PDFBox load and save) and recorded a download nobody received. A stamped copy has no headers worth asking
 * for up front (no length: it is written as it is made, docs/adr/0038), and every {@code GET} is a new copy with its
 * own download id;</li>
 * <li>for an unstamped download (an evidence document's bytes, a findings letter draft, an inspection's export, the
 * SIRO's export of the audit trail) it
 * recorded a download (the audit row and, for an export, its act) and opened the stored object, whose read-ahead
 * thread and store connection then waited for a reader that never came until the store's 5-minute read timeout
 * (docs/adr/0037).</li>
 * </ul>
 * The answer is the same whoever asks and whether or not the document exists, so it tells nobody anything; a client
 * that wants the length learns it from the {@code GET}'s headers.
 */
@WebFilter({"/api/*", "/reports/*"})
public class DownloadHeadRequests extends HttpFilter {

    private static final String ID = "[0-9a-f]{32}";

    /** Every address that serves a stamped copy, relative to the context root. */
    static final Pattern STAMPED_COPY = Pattern.compile("/(?:api/v1/)?(?:reports/" + ID + "/(?:content|view|letters/"
            + ID + "/content)|reports/ahead/" + ID + "/content|advance-letters/" + ID + "/content)/?");

    /**
     * Every API address that streams an unstamped document or an export (an inspection's, or the SIRO's export of the
     * audit trail as CSV or PDF), or serves a removal certificate (each one served is a recorded download), relative
     * to the context root. The certificates' public verification key is not a download.
     */
    static final Pattern UNSTAMPED_DOWNLOAD = Pattern.compile("/api/v1/(?:documents/" + ID + "/content|inspections/"
            + ID + "/(?:findings-letter/documents/" + ID + "/content|exports/[^/]+|removal-certificate)"
            + "|audit/export\\.(?:csv|pdf)|removal-certificates/(?!verification-key/?$)[^/]+)/?");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("HEAD".equals(request.getMethod()) && isDownload(request)) {
            response.setHeader("Allow", "GET");
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isDownload(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return isStampedCopy(path) || isUnstampedDownload(path);
    }

    /** Whether the path (below the context root, decoded) is a stamped copy's. */
    static boolean isStampedCopy(String path) {
        return STAMPED_COPY.matcher(path).matches();
    }

    /** Whether the path (below the context root, decoded) is an unstamped download's. */
    static boolean isUnstampedDownload(String path) {
        return UNSTAMPED_DOWNLOAD.matcher(path).matches();
    }
}
