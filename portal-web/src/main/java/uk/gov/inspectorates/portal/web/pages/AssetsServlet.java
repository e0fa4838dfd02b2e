package uk.gov.inspectorates.portal.web.pages;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Static assets: GOV.UK Frontend from its pinned webjar (its CSS expects fonts and images under /assets/) and the
 * portal's own files under /assets/portal/. Only plain file names with known extensions are served.
 */
@WebServlet("/assets/*")
public class AssetsServlet extends HttpServlet {

    private static final Pattern SAFE_PATH = Pattern.compile("(?:[a-z0-9-]+/)*[A-Za-z0-9._-]+\\.[a-z0-9]+");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css", "js", "text/javascript", "woff2", "font/woff2", "woff", "font/woff",
            "png", "image/png", "svg", "image/svg+xml", "ico", "image/x-icon", "json", "application/json");
    private static final String GOVUK_ROOT = "META-INF/resources/webjars/govuk-frontend/" + govukVersion()
            + "/dist/govuk/";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String extension = path.substring(path.lastIndexOf('.') + 1);
        if (!SAFE_PATH.matcher(path).matches() || path.contains("..") || !TYPES.containsKey(extension)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (InputStream asset = getClass().getClassLoader().getResourceAsStream(resourceOf(path))) {
            if (asset == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(TYPES.get(extension));
            response.setHeader("Cache-Control", "public, max-age=3600");
            asset.transferTo(response.getOutputStream());
        }
    }

    private static String resourceOf(String path) {
        if (path.startsWith("portal/")) {
            return "portal-static/" + path.substring("portal/".length());
        }
        if (path.startsWith("fonts/") || path.startsWith("images/") || path.equals("manifest.json")) {
            return GOVUK_ROOT + "assets/" + path;
        }
        return GOVUK_ROOT + path;
    }

    private static String govukVersion() {
        try (InputStream in = AssetsServlet.class.getClassLoader().getResourceAsStream("portal-build.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("govuk.frontend.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
