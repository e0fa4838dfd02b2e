package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * No route of the portal serves an unstamped byte of an embargoed report. The routes are not listed by hand: every
 * GET of the API comes from the portal's own OpenAPI description, and every page route from the {@code @WebServlet}
 * mappings compiled into the WAR (under a {@code /*} mapping, the report's id and the id followed by each last path
 * segment the API uses, plus the usual names of a preview, thumbnail or inline view). Each is requested as the
 * originator and as an addressee's reader, with the report's id in every path parameter: an answer that holds the
 * original file, or a PDF that is not a stamped copy of every page, fails the test.
 */
class EveryDocumentRouteIT extends PortalDeployment {

    private static final Set<String> USUAL_NAMES = Set.of("view", "download", "preview", "thumbnail", "inline",
            "pdf", "file", "raw", "original", "print");

    @Test
    void everyRouteAnswersWithAStampedCopyOrNoDocumentAtAll() throws Exception {
        byte[] original = TestPdf.withText("Every route " + UUID.randomUUID());
        URI portal = URI.create(base.toString());
        PortalApi originator = PortalApi.signedIn(portal, "ofsted.inspector");
        String id = originator.shareValidReport(original);
        List<PortalApi> readers = List.of(originator, PortalApi.signedIn(portal, "cqc.reader"));

        Set<String> apiRoutes = apiGetRoutes();
        Set<String> pageRoutes = pageRoutes(lastSegments(apiRoutes));
        assertTrue(apiRoutes.contains("/api/v1/reports/{id}/content"), "the OpenAPI description was read: " + apiRoutes);
        assertTrue(pageRoutes.contains("/reports/{id}"), "the servlet mappings were read: " + pageRoutes);

        Set<String> servedPdf = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (String route : union(apiRoutes, pageRoutes)) {
            String path = route.replaceAll("\\{[^}]+}", id);
            for (PortalApi reader : readers) {
                HttpResponse<byte[]> answer = reader.getBytes(path);
                byte[] body = answer.body();
                if (indexOf(body, original) >= 0) {
                    problems.add(route + " served the original bytes (HTTP " + answer.statusCode() + ")");
                } else if (isPdf(body)) {
                    servedPdf.add(route);
                    try {
                        StampedCopy.assertStampedCopyOf(original, body, route);
                    } catch (AssertionError notStamped) {
                        problems.add(route + ": " + notStamped.getMessage());
                    }
                }
            }
        }
        System.out.printf("[EveryDocumentRouteIT] %d API and %d page routes requested as 2 readers; PDF from %s%n",
                apiRoutes.size(), pageRoutes.size(), servedPdf);
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
        assertEquals(Set.of("/api/v1/reports/{id}/content", "/reports/{id}/content", "/reports/{id}/view"),
                servedPdf, "the routes known to serve the report answered with their stamped copy; a new route that "
                        + "serves a document belongs here once its stamping is checked");
    }

    /** The GET paths of the portal's OpenAPI description. */
    private Set<String> apiGetRoutes() throws Exception {
        HttpResponse<String> openapi = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/openapi"))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, openapi.statusCode());
        JsonObject paths = JsonParser.parseString(openapi.body()).getAsJsonObject().getAsJsonObject("paths");
        Set<String> routes = new TreeSet<>();
        for (String path : paths.keySet()) {
            if (paths.getAsJsonObject(path).has("get")) {
                routes.add(path.startsWith("/api/") ? path : "/api/v1" + path);
            }
        }
        return routes;
    }

    private static Set<String> lastSegments(Set<String> apiRoutes) {
        Set<String> names = new TreeSet<>(USUAL_NAMES);
        for (String route : apiRoutes) {
            String last = route.substring(route.lastIndexOf('/') + 1);
            if (!last.startsWith("{")) {
                names.add(last);
            }
        }
        return names;
    }

    /** The servlet mappings of the WAR's classes, read from their class files without loading them. */
    private static Set<String> pageRoutes(Set<String> subPaths) throws IOException {
        Set<String> routes = new TreeSet<>();
        try (ZipFile war = new ZipFile(TestEnvironment.warFile().toFile())) {
            for (ZipEntry entry : java.util.Collections.list(war.entries())) {
                if (!entry.getName().startsWith("WEB-INF/classes/") || !entry.getName().endsWith(".class")) {
                    continue;
                }
                List<String> constants;
                try (InputStream in = war.getInputStream(entry)) {
                    constants = utf8Constants(in);
                }
                if (!constants.contains("Ljakarta/servlet/annotation/WebServlet;")) {
                    continue;
                }
                for (String constant : constants) {
                    if (!constant.matches("/[A-Za-z0-9/_.*-]*") || constant.contains("//")) {
                        continue;
                    }
                    if (constant.endsWith("/*")) {
                        String prefix = constant.substring(0, constant.length() - 2);
                        routes.add(prefix + "/{id}");
                        subPaths.forEach(name -> routes.add(prefix + "/{id}/" + name));
                    } else {
                        routes.add(constant);
                    }
                }
            }
        }
        return routes;
    }

    /** The CONSTANT_Utf8 entries of a class file's constant pool (JVMS §4.4). */
    private static List<String> utf8Constants(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        in.readInt();
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<String> strings = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> strings.add(in.readUTF());
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return strings;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean isPdf(byte[] body) {
        return body.length > 4 && new String(body, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
