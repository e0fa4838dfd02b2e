package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.client.ApiClient;
import uk.gov.inspectorates.portal.client.ApiException;
import uk.gov.inspectorates.portal.client.api.ReportsApi;
import uk.gov.inspectorates.portal.client.api.SessionApi;
import uk.gov.inspectorates.portal.client.model.ReportView;
import uk.gov.inspectorates.portal.client.model.SessionView;
import uk.gov.inspectorates.portal.client.model.SignInRequest;

/**
 * The API contract as the running portal serves it (docs/adr/0042), judged by outside tools: swagger-parser's strict
 * validation of the served YAML and JSON, and a Java client that openapi-generator made from the same file at build
 * time (deploy's {@code generate-test-sources}), which signs in, lists reports and reads a problem.
 */
class OpenApiContractIT extends PortalDeployment {

    private static final String CONTRACT_IN_WAR = "WEB-INF/classes/openapi/portal-api.yaml";

    @Test
    void theContractIsServedAsYamlByteForByteAsItIsInTheWar() throws Exception {
        HttpResponse<byte[]> served = send(HttpRequest.newBuilder(uri("/openapi")));
        assertEquals(200, served.statusCode());
        assertEquals("application/yaml;charset=UTF-8", served.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(contractInTheWar(), served.body(), "the served contract is the file the client was made of");
    }

    @Test
    void aStrictParserFindsNothingToSayAboutTheServedYamlOrJson() throws Exception {
        OpenAPI yaml = parsedWithoutMessages(text(send(HttpRequest.newBuilder(uri("/openapi"))
                .header("Accept", "application/yaml"))));
        HttpResponse<byte[]> byAccept = send(HttpRequest.newBuilder(uri("/openapi")).header("Accept", "application/json"));
        assertEquals("application/json;charset=UTF-8", byAccept.headers().firstValue("Content-Type").orElse(""));
        OpenAPI json = parsedWithoutMessages(text(byAccept));
        OpenAPI byFormat = parsedWithoutMessages(text(send(HttpRequest.newBuilder(uri("/openapi?format=json")))));
        assertEquals(yaml, json, "the JSON is the same document as the YAML");
        assertEquals(json, byFormat);
        assertTrue(yaml.getPaths().containsKey("/api/v1/reports"), yaml.getPaths().keySet().toString());
    }

    /** Payara's MicroProfile OpenAPI would add its own generated document under /openapi/: the path is ours. */
    @Test
    void noOtherDocumentIsServedUnderTheContractsPath() throws Exception {
        assertArrayEquals(contractInTheWar(), send(HttpRequest.newBuilder(uri("/openapi/"))).body());
        assertEquals(404, send(HttpRequest.newBuilder(uri("/openapi/openapi.yaml"))).statusCode());
    }

    @Test
    void aClientGeneratedFromTheContractSignsInAndListsReports() throws Exception {
        String title = "Contract client " + UUID.randomUUID();
        PortalApi inspector = PortalApi.signedIn(URI(), "ofsted.inspector");
        HttpResponse<String> shared = inspector.shareReport(ReportMetadata.aReport().titled(title).json(),
                "contract.pdf", TestPdf.withText(title));
        assertEquals(201, shared.statusCode(), shared.body());
        String id = PortalApi.idOf(shared.body());

        ApiClient client = generatedClient();
        SessionView session = new SessionApi(client).signIn(new SignInRequest().username("cqc.reader")
                .password(TestEnvironment.demoPassword()).otp(TotpCodes.demo("cqc.reader")));
        assertEquals("cqc.reader", session.getUser().getUsername());
        client.setRequestInterceptor(request -> request.header("X-CSRF-Token", session.getCsrfToken()));

        List<ReportView> reports = new ReportsApi(client).listReports();
        ReportView listed = reports.stream().filter(r -> id.equals(r.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("the shared report is listed for a reader: " + reports));
        assertEquals(title, listed.getTitle());
        assertEquals("UNDER_EMBARGO", listed.getStatus());
        assertEquals(id, new ReportsApi(client).viewReport(id).getId());

        ApiException unknown = assertThrows(ApiException.class,
                () -> new ReportsApi(client).viewReport(UUID.randomUUID().toString().replace("-", "")));
        assertEquals(404, unknown.getCode());
        assertEquals("application/problem+json", unknown.getResponseHeaders().firstValue("Content-Type").orElse(""));
        assertTrue(unknown.getResponseBody().contains("urn:inspectorates-portal:problem:not-found"),
                unknown.getResponseBody());

        new SessionApi(client).signOut(null);
        assertEquals(401, assertThrows(ApiException.class, () -> new ReportsApi(client).listReports()).getCode());
    }

    @Test
    void theGeneratedClientIsRefusedWithoutASession() {
        ApiException refused = assertThrows(ApiException.class, () -> new ReportsApi(generatedClient()).listReports());
        assertEquals(401, refused.getCode());
        assertTrue(refused.getResponseBody().contains("urn:inspectorates-portal:problem:not-signed-in"),
                refused.getResponseBody());
    }

    /** The generated client against this portal, with a cookie jar for the session and a mapper that fails on a
     * field the contract does not describe. */
    private ApiClient generatedClient() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        client.setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)));
        client.setObjectMapper(client.getObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true));
        client.setReadTimeout(Duration.ofSeconds(60));
        return client;
    }

    private static OpenAPI parsedWithoutMessages(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
        assertEquals(List.of(), parsed.getMessages());
        return parsed.getOpenAPI();
    }

    private static byte[] contractInTheWar() throws Exception {
        try (ZipFile war = new ZipFile(TestEnvironment.warFile().toFile())) {
            return war.getInputStream(war.getEntry(CONTRACT_IN_WAR)).readAllBytes();
        }
    }

    private java.net.URI URI() {
        return java.net.URI.create(base.toString());
    }

    private static String text(HttpResponse<byte[]> response) {
        assertEquals(200, response.statusCode());
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return httpClient().send(request.timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
