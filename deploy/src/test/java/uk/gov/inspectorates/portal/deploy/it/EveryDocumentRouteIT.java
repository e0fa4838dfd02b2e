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
 * segment the API uses, plus the usual names of a preview, thumbnail or inline view, also after each single path
 * segment the page classes name), and every API path without its {@code /api/v1}. An embargoed report, a covering
 * letter and an advance letter sent ahead are shared; each route is requested with every combination of their ids in
 * its parameters by an addressee's reader (and, where a PDF comes back, by the originator too): an answer that holds
 * an original file, or a PDF that is not a stamped copy of one of them on every page, fails the test.
 */
class EveryDocumentRouteIT extends PortalDeployment {

    private static final Set<String> USUAL_NAMES = Set.of("view", "download", "preview", "thumbnail", "inline",
            "pdf", "file", "raw", "original", "print");

    @Test
    void everyRouteAnswersWithAStampedCopyOrNoDocumentAtAll() throws Exception {
        URI portal = URI.create(base.toString());
        PortalApi originator = PortalApi.signedIn(portal, "ofsted.inspector");
        byte[] report = TestPdf.withText("Every route, the report " + UUID.randomUUID());
        byte[] letter = TestPdf.withText("Every route, a covering letter " + UUID.randomUUID());
        byte[] ahead = TestPdf.withText("Every route, an advance letter sent ahead " + UUID.randomUUID());
        String reportId = originator.shareValidReport(report);
        String letterId = PortalApi.idOf(expect201(originator.postMultipart("/api/v1/reports/" + reportId + "/letters",
                List.<String[]>of(new String[] {"metadata",
                        LETTER.formatted("COVERING", ",\"serviceProviderNotifiedFirst\":true")}), "letter.pdf", letter,
                true)));
        String aheadId = PortalApi.idOf(expect201(originator.postMultipart("/api/v1/advance-letters",
                List.<String[]>of(new String[] {"metadata", LETTER.formatted("ADVANCE_RISK_OF_HARM",
                        ",\"serviceProviderNotifiedFirst\":true,\"riskSummary\":\"At risk\"")}), "ahead.pdf", ahead,
                true)));
        List<String> ids = List.of(reportId, letterId, aheadId);
        List<byte[]> originals = List.of(report, letter, ahead);
        PortalApi reader = PortalApi.signedIn(portal, "cqc.reader");

        Set<String> apiRoutes = apiGetRoutes();
        Set<String> pageRoutes = pageRoutes(lastSegments(apiRoutes));
        apiRoutes.forEach(route -> pageRoutes.add(route.substring("/api/v1".length())));
        assertTrue(apiRoutes.contains("/api/v1/reports/{id}/content"), "the OpenAPI description was read: " + apiRoutes);
        assertTrue(pageRoutes.contains("/reports/{id}"), "the servlet mappings were read: " + pageRoutes);

        Set<String> servedPdf = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        int requests = 0;
        for (String route : union(apiRoutes, pageRoutes)) {
            for (String path : withIds(route, ids)) {
                requests++;
                if (check(reader, path, route, originals, problems)) {
                    servedPdf.add(route);
                    requests++;
                    check(originator, path, route, originals, problems);
                }
            }
        }
        System.out.printf("[EveryDocumentRouteIT] %d API and %d page routes, %d requests; PDF from %s%n",
                apiRoutes.size(), pageRoutes.size(), requests, servedPdf);
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
        assertEquals(Set.of("/api/v1/reports/{id}/content", "/reports/{id}/content", "/reports/{id}/view",
                        "/api/v1/reports/{id}/letters/{lid}/content", "/reports/{id}/letters/{lid}/content",
                        "/api/v1/advance-letters/{lid}/content", "/reports/ahead/{id}/content"),
                servedPdf, "the routes known to serve a document answered with its stamped copy; a new route that "
                        + "serves one belongs here once its stamping is checked");
    }

    private static final String LETTER = "{\"kind\":\"%s\",\"addressedTo\":[\"CQC\"],"
            + "\"classification\":{\"tier\":\"OFFICIAL_SENSITIVE\",\"descriptor\":\"PERSONAL\"}%s}";

    /** Requests the path; a problem if it serves an original or a PDF that is no stamped copy; true for a PDF. */
    private static boolean check(PortalApi who, String path, String route, List<byte[]> originals,
                                 List<String> problems) throws Exception {
        HttpResponse<byte[]> answer = who.getBytes(path);
        byte[] body = answer.body();
        if (originals.stream().anyMatch(original -> indexOf(body, original) >= 0)) {
            problems.add(path + " (" + route + ") served an original (HTTP " + answer.statusCode() + ")");
            return false;
        }
        if (!isPdf(body)) {
            return false;
        }
        if (originals.stream().noneMatch(original -> isStampedCopy(original, body, route))) {
            problems.add(path + " (" + route + ") served a PDF that is no stamped copy");
        }
        return true;
    }

    private static String expect201(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return response.body();
    }

    /** The route with each of its parameters replaced by each of the ids, in every combination. */
    private static List<String> withIds(String route, List<String> ids) {
        java.util.regex.Matcher parameter = java.util.regex.Pattern.compile("\\{[^}]+}").matcher(route);
        if (!parameter.find()) {
            return List.of(route);
        }
        List<String> paths = new ArrayList<>();
        for (String id : ids) {
            String once = route.substring(0, parameter.start()) + id + route.substring(parameter.end());
            paths.addAll(withIds(once, ids));
        }
        return paths;
    }

    private static boolean isStampedCopy(byte[] original, byte[] served, String what) {
        try {
            StampedCopy.assertStampedCopyOf(original, served, what);
            return true;
        } catch (AssertionError notThisOne) {
            return false;
        }
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

    /**
     * The servlet mappings of the WAR's classes, read from their class files without loading them; under a {@code /*}
     * mapping, the id with each name after it, and each single path segment the page classes name (e.g.
     * {@code /ahead}) before the id.
     */
    private static Set<String> pageRoutes(Set<String> subPaths) throws IOException {
        Set<String> mappings = new TreeSet<>();
        Set<String> segments = new TreeSet<>();
        try (ZipFile war = new ZipFile(TestEnvironment.warFile().toFile())) {
            for (ZipEntry entry : java.util.Collections.list(war.entries())) {
                if (!entry.getName().startsWith("WEB-INF/classes/") || !entry.getName().endsWith(".class")) {
                    continue;
                }
                List<String> constants;
                try (InputStream in = war.getInputStream(entry)) {
                    constants = utf8Constants(in);
                }
                if (entry.getName().contains("/web/pages/")) {
                    constants.stream().filter(c -> c.matches("/[a-z][a-z-]*")).map(c -> c.substring(1))
                            .forEach(segments::add);
                }
                if (constants.contains("Ljakarta/servlet/annotation/WebServlet;")) {
                    constants.stream().filter(c -> c.matches("/[A-Za-z0-9/_.*-]*") && !c.contains("//"))
                            .forEach(mappings::add);
                }
            }
        }
        Set<String> routes = new TreeSet<>();
        for (String mapping : mappings) {
            if (!mapping.endsWith("/*")) {
                routes.add(mapping);
                continue;
            }
            String prefix = mapping.substring(0, mapping.length() - 2);
            routes.add(prefix + "/{id}");
            for (String name : subPaths) {
                routes.add(prefix + "/{id}/" + name);
                if (USUAL_NAMES.contains(name) || name.equals("content")) {
                    segments.forEach(segment -> routes.add(prefix + "/" + segment + "/{id}/" + name));
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
