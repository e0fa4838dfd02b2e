package uk.gov.inspectorates.portal.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The API contract ({@code openapi/portal-api.yaml}, docs/adr/0042) is valid OpenAPI 3.0 for a strict outside parser,
 * keeps the project's rules ({@link ApiContractRules}), and describes exactly the JAX-RS routes of the code: a route
 * added, renamed or removed on one side only fails here.
 */
class ApiContractTest {

    private static final String WEB_PACKAGE = "uk.gov.inspectorates.portal.web";

    @Test
    void aStrictOpenApiParserFindsNothingToSay() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(contractText(), null, options);
        assertEquals(List.of(), parsed.getMessages());
        assertEquals("3.0.3", parsed.getOpenAPI().getOpenapi());
    }

    /** What Payara's generated document did: a top-level key OpenAPI does not have. */
    @Test
    void theParserReportsAKeyOutsideOpenApi() throws IOException {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(
                contractText() + "endpoints:\n  /:\n  - /api/v1/reports\n", null, new ParseOptions());
        assertEquals(List.of("attribute endpoints is unexpected"), parsed.getMessages());
    }

    @Test
    void everyOperationIsNamedOnceSaysWhatItDoesAndNamesItsProblems() throws IOException {
        assertEquals(List.of(), ApiContractRules.violations(contract()));
    }

    @Test
    void aRepeatedOperationIdIsCaught() throws IOException {
        Map<String, Object> contract = contract();
        operation(contract, "/api/v1/reports/{id}", "get").put("operationId", "listReports");
        assertTrue(ApiContractRules.violations(contract).contains(
                "GET /api/v1/reports/{id}: operationId listReports is also GET /api/v1/reports"),
                ApiContractRules.violations(contract).toString());
    }

    @Test
    void aMissingSummaryIsCaught() throws IOException {
        Map<String, Object> contract = contract();
        operation(contract, "/api/v1/reports", "get").remove("summary");
        assertEquals(List.of("GET /api/v1/reports: no summary"), ApiContractRules.violations(contract));
    }

    @Test
    void anErrorResponseThatIsNotAProblemIsCaught() throws IOException {
        Map<String, Object> contract = contract();
        Map<String, Object> responses = ApiContractRules.map(operation(contract, "/api/v1/reports", "get").get("responses"));
        responses.put("404", Map.of("description", "Not found", "content", Map.of("text/html", Map.of())));
        assertEquals(List.of("GET /api/v1/reports: 404 is not application/problem+json",
                "GET /api/v1/reports: 404 names no problem type"), ApiContractRules.violations(contract));
    }

    @Test
    void theContractDescribesExactlyTheRoutesOfTheCode() throws Exception {
        Set<String> inContract = new TreeSet<>();
        for (var path : ApiContractRules.map(contract().get("paths")).entrySet()) {
            for (String method : ApiContractRules.map(path.getValue()).keySet()) {
                if (ApiContractRules.METHODS.contains(method)) {
                    inContract.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        Set<String> inCode = routesOfTheCode();
        assertTrue(inCode.size() > 100, "the routes were found: " + inCode);
        Set<String> notInContract = new TreeSet<>(inCode);
        notInContract.removeAll(inContract);
        Set<String> notInCode = new TreeSet<>(inContract);
        notInCode.removeAll(inCode);
        assertEquals(Set.of(), notInContract, "routes of the code the contract does not describe");
        assertEquals(Set.of(), notInCode, "routes of the contract the code does not have");
    }

    /** Every resource method of the web module's JAX-RS classes, as {@code METHOD /api/v1/path}. */
    static Set<String> routesOfTheCode() throws IOException, URISyntaxException, ClassNotFoundException {
        String root = ApiApplication.class.getAnnotation(ApplicationPath.class).value();
        Set<String> routes = new TreeSet<>();
        for (Class<?> type : classesOf(WEB_PACKAGE)) {
            Path typePath = type.getAnnotation(Path.class);
            if (typePath == null || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                routes.add(verb + " " + normalise("/" + root + "/" + typePath.value() + "/"
                        + (methodPath == null ? "" : methodPath.value())));
            }
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** One slash between segments, none at the end, and {@code {id: regex}} as {@code {id}}. */
    static String normalise(String path) {
        String clean = path.replaceAll("\\{\\s*([^:}\\s]+)\\s*(:[^}]*)?}", "{$1}").replaceAll("/+", "/");
        return clean.length() > 1 && clean.endsWith("/") ? clean.substring(0, clean.length() - 1) : clean;
    }

    private static List<Class<?>> classesOf(String packageName) throws IOException, URISyntaxException,
            ClassNotFoundException {
        java.nio.file.Path folder = java.nio.file.Path.of(ApiApplication.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).resolve(packageName.replace('.', '/'));
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(folder)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = folder.getParent().relativize(file).toString();
                name = packageName.substring(0, packageName.lastIndexOf('.') + 1)
                        + name.substring(0, name.length() - ".class".length()).replace('/', '.');
                classes.add(Class.forName(name, false, ApiContractTest.class.getClassLoader()));
            }
        }
        return classes;
    }

    private static Map<String, Object> operation(Map<String, Object> contract, String path, String method) {
        return ApiContractRules.map(ApiContractRules.map(ApiContractRules.map(contract.get("paths")).get(path)).get(method));
    }

    static String contractText() throws IOException {
        try (InputStream in = ApiContractTest.class.getClassLoader().getResourceAsStream(ApiContractServlet.CONTRACT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A fresh, mutable copy of the contract. */
    static Map<String, Object> contract() throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(contractText());
    }
}
