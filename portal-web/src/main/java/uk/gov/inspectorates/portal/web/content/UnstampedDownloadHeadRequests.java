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
 * A {@code HEAD} on an unstamped download's address (an evidence document's bytes, a findings letter draft, an
 * inspection's export) is answered 405 with {@code Allow: GET}, before anything else runs, as a stamped copy's is
 * ({@link StampedCopyHeadRequests}). JAX-RS answers a {@code HEAD} by running the {@code GET} and dropping its body:
 * that recorded a download (the audit row and, for an export, its act) that nobody received, and opened the stored
 * object, whose read-ahead thread and store connection then waited for a reader that never came until the SDK's
 * 5-minute read timeout (docs/adr/0037). The answer is the same whoever asks and whether or not the document exists,
 * so it tells nobody anything; a client that wants the length learns it from the {@code GET}'s headers.
 */
@WebFilter("/api/*")
public class UnstampedDownloadHeadRequests extends HttpFilter {

    private static final String ID = "[0-9a-f]{32}";

    /** Every API address that streams an unstamped document or an export, relative to the context root. */
    static final Pattern UNSTAMPED_DOWNLOAD = Pattern.compile("/api/v1/(?:documents/" + ID + "/content|inspections/"
            + ID + "/(?:findings-letter/documents/" + ID + "/content|exports/[^/]+))/?");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("HEAD".equals(request.getMethod()) && isUnstampedDownload(request)) {
            response.setHeader("Allow", "GET");
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isUnstampedDownload(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return isUnstampedDownload(path);
    }

    /** Whether the path (below the context root, decoded) is an unstamped download's. */
    static boolean isUnstampedDownload(String path) {
        return UNSTAMPED_DOWNLOAD.matcher(path).matches();
    }
}
