package uk.gov.inspectorates.portal.web.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Serves the API contract ({@code openapi/portal-api.yaml}, docs/adr/0042) at {@code GET /openapi}: the file as it is,
 * {@code application/yaml}; the same document as JSON on {@code Accept: application/json} or {@code ?format=json}.
 * Public, like any published API description: it names routes and rules, never data.
 *
 * <p>Mapped on {@code /openapi/*} as well, so that the servlet Payara's MicroProfile OpenAPI would add to this
 * context (with its generated, non-conforming document) finds its path taken.
 */
@WebServlet(urlPatterns = {"/openapi", "/openapi/*"})
public class ApiContractServlet extends HttpServlet {

    public static final String CONTRACT = "openapi/portal-api.yaml";
    static final String YAML = "application/yaml";

    private final byte[] yaml = read();
    private final byte[] json = toJson(yaml);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path != null && !path.equals("/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean asJson = "json".equals(request.getParameter("format"))
                || (request.getParameter("format") == null && prefersJson(request.getHeader("Accept")));
        response.setContentType((asJson ? "application/json" : YAML) + ";charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Vary", "Accept");
        byte[] body = asJson ? json : yaml;
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** JSON only when the client names it and does not name YAML first; a browser's or a bare client's Accept gets YAML. */
    static boolean prefersJson(String accept) {
        if (accept == null) {
            return false;
        }
        int json = accept.indexOf("application/json");
        int yaml = Math.min(index(accept, "application/yaml"), Math.min(index(accept, "application/x-yaml"),
                index(accept, "text/yaml")));
        return json >= 0 && json < yaml;
    }

    private static int index(String accept, String type) {
        int at = accept.indexOf(type);
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    private static byte[] read() {
        try (InputStream in = ApiContractServlet.class.getClassLoader().getResourceAsStream(CONTRACT)) {
            if (in == null) {
                throw new IllegalStateException("the API contract " + CONTRACT + " is not in the WAR");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] toJson(byte[] yaml) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(yaml, StandardCharsets.UTF_8));
        return json(document).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonValue json(Object value) {
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = Json.createObjectBuilder();
            map.forEach((key, member) -> object.add(String.valueOf(key), json(member)));
            return object.build();
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            list.forEach(item -> array.add(json(item)));
            return array.build();
        }
        if (value instanceof String text) {
            return Json.createValue(text);
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return Json.createValue(big);
        }
        if (value instanceof Number number) {
            return Json.createValue(new BigDecimal(number.toString()));
        }
        if (value == null) {
            return JsonValue.NULL;
        }
        throw new IllegalStateException("the API contract holds a " + value.getClass().getSimpleName()
                + " where JSON has no type: " + value);
    }
}
