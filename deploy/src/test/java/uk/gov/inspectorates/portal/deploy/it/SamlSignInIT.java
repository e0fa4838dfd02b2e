package uk.gov.inspectorates.portal.deploy.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import uk.gov.inspectorates.portal.deploy.EmbeddedKeycloak;
import uk.gov.inspectorates.portal.deploy.PayaraMicroProcess;
import uk.gov.inspectorates.portal.deploy.PortFinder;
import uk.gov.inspectorates.portal.security.keystore.SigningKeyFiles;

/**
 * SAML sign-in of inspectorate staff end to end against a real identity provider: Keycloak (the distribution from
 * Maven Central) with the realm of the repository, and the portal in a Payara Micro started here, because the
 * portal's address must be known before it starts (it is in the AuthnRequest, and Keycloak's client is made for
 * it). That portal runs with demo mode off, on a fresh database of its own, as in production. The portal is reached as {@code localhost} and Keycloak as {@code 127.0.0.1}: different sites, as in
 * production, so the identity provider's post to /saml/acs is a cross-site request and the SameSite=Strict
 * session cookie is really put to the test.
 */
class SamlSignInIT {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern SAML_RESPONSE = Pattern.compile("name=\"SAMLResponse\"\\s+value=\"([^\"]+)\"");
    private static final Pattern POST_ACTION = Pattern.compile("<form[^>]*method=\"post\"[^>]*action=\"([^\"]+)\"",
            Pattern.CASE_INSENSITIVE);

    private static final String BINDING_COOKIE = "portal_saml_sign_in";
    private static final String BROWSER_MISMATCH = "browser-mismatch";
    private static final String DATABASE = "portal_saml_sign_in";

    private static String databaseUrl;
    private static EmbeddedKeycloak keycloak;
    private static PayaraMicroProcess portal;
    private static BrowserSession browser;
    private static SigningKeyFiles serviceProviderKey;
    private static String base;

    @BeforeAll
    static void startKeycloakAndThePortal() throws Exception {
        long started = System.nanoTime();
        Path work = TestEnvironment.workDirectory().resolve("saml");
        int port = PortFinder.freePort();
        base = "http://localhost:" + port;
        serviceProviderKey = SigningKeyFiles.generateIfMissing(work.resolve("sp"), "SamlSignInIT service provider");
        keycloak = EmbeddedKeycloak.start(Path.of(System.getProperty("portal.test.keycloakZip")),
                Path.of(System.getProperty("portal.test.keycloakHome")),
                EmbeddedKeycloak.javaHome().orElseThrow(() -> new IllegalStateException("Keycloak needs Java 21+")),
                PortFinder.freePort(), new EmbeddedKeycloak.ServiceProvider(base + "/saml/metadata", base,
                        base + "/saml/acs", serviceProviderKey.certificateBase64()), work.resolve("keycloak.log"));
        browser = BrowserSession.start();
        browser.notOurs(keycloak.baseUrl(), "Keycloak's sign-in page stands in for an inspectorate's identity "
                + "provider: not the portal's markup");
        keycloak.awaitReady(Duration.ofSeconds(420));
        System.out.printf("[SamlSignInIT] Keycloak ready at %s after %.1f s%n", keycloak.baseUrl(),
                (System.nanoTime() - started) / 1e9);

        Map<String, String> settings = TestEnvironment.portalSettings();
        // demo mode off, on a database and a bucket of its own: staff can only sign in if every environment has the
        // inspectorates and their reader-list teams (V11), not only one where demo mode seeded them
        settings.put("portal.demo.enabled", "false");
        settings.put("portal.db.url", freshDatabase());
        settings.put("portal.s3.bucket", "portal-saml-sign-in");
        settings.put("portal.saml.sp.base-url", base);
        settings.put("portal.saml.sp.key", work.resolve("sp").resolve(SigningKeyFiles.KEY_FILE).toString());
        settings.put("portal.saml.sp.certificate",
                work.resolve("sp").resolve(SigningKeyFiles.CERTIFICATE_FILE).toString());
        settings.put("portal.saml.idp.ofsted.metadata", keycloak.metadataUrl());
        portal = PayaraMicroProcess.start(Path.of(System.getProperty("payara.microJar")), TestEnvironment.warFile(),
                port, PayaraMicroProcess.asEnvironment(settings), List.of("-Xmx384m"), work.resolve("payara.log"),
                work.resolve("payara.pid"));
        try {
            portal.awaitReady(Duration.ofSeconds(240));
        } catch (Exception e) {
            throw new AssertionError("the portal did not start: " + e.getMessage() + "\n" + portal.logTail(80), e);
        }
        System.out.printf("[SamlSignInIT] portal ready at %s after %.1f s%n", base, (System.nanoTime() - started) / 1e9);
    }

    /** Every portal page a test opened passes axe-core (WCAG 2.2 AA), or the test fails with the violations. */
    @AfterEach
    void everyPageOpenedWasAccessible() {
        browser.assertAccessible();
    }

    @AfterAll
    static void stopAll() {
        if (browser != null) {
            browser.close();
        }
        if (portal != null) {
            portal.stop(Duration.ofSeconds(20));
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void anOfstedInspectorSignsInThroughKeycloakInTheBrowserAndLandsOnTheReportsSignedIn() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(base + "/sign-in");
            assertThat(page.locator("#inspectorate h2")).hasText("Sign in with your inspectorate's account");
            page.locator("#inspectorate a:has-text('Ofsted')").click();

            page.waitForURL(url -> url.startsWith(keycloak.baseUrl() + "/realms/"));
            page.fill("#username", "jo.inspector");
            page.fill("#password", EmbeddedKeycloak.USER_PASSWORD);
            page.click("#kc-login");

            try {
                page.waitForURL(base + "/reports");
            } catch (RuntimeException notThere) {
                throw new AssertionError("ended at " + page.url() + ":\n" + page.content(), notThere);
            }
            assertThat(page.locator(".portal-signed-in-as")).containsText("Jo Inspector, Ofsted");
            assertThat(page.locator("h1")).not().hasText("Sign in");
        }
    }

    @Test
    void theApiJourneyGivesASessionWithTheMappedOrganisationTeamsAndRoles() throws Exception {
        Journey journey = new Journey();
        String samlResponse = journey.signInAtKeycloak("remi.reader");

        HttpResponse<String> acs = journey.postToAcs(samlResponse);
        assertEquals(303, acs.statusCode(), acs.body());
        String next = URI.create(base).resolve(acs.headers().firstValue("Location").orElseThrow()).toString();
        assertEquals(base + "/saml/signed-in", next);
        assertTrue(journey.get(next).body().contains("url=/reports"), "moves the browser on to the reports");
        String cookie = acs.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("portal_session="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=strict"), cookie);

        HttpResponse<String> me = journey.get(base + "/api/v1/me");
        assertEquals(200, me.statusCode(), me.body());
        String body = me.body();
        assertTrue(body.contains("\"id\":\"ofsted\""), body);
        assertTrue(body.contains("\"username\":\"ofsted/remi.reader\""), body);
        assertTrue(body.contains("\"displayName\":\"Remi Reader\""), body);
        assertTrue(body.contains("\"id\":\"ofsted/social-care-policy-team\""), body);
        assertTrue(body.contains("\"roles\":[\"READER\"]"), "default Keycloak roles are ignored: " + body);
        assertEquals(1, count("select count(*) from audit_event where action = 'SIGN_IN' and "
                + "outcome = 'SUCCEEDED' and detail = 'saml' and actor_id = (select id from user_account where "
                + "username = 'ofsted/remi.reader')"));
        assertEquals(1, count("select count(*) from audit_event where action = 'SIGN_IN' and outcome = 'SUCCEEDED' "
                + "and actor_roles = 'READER' and client_address is not null and user_agent is not null and actor_id "
                + "= (select id from user_account where username = 'ofsted/remi.reader')"),
                "a SAML sign-in records the roles it gave and where it came from (docs/adr/0034)");
        assertEquals(1, count("select count(*) from user_account where username = "
                + "'ofsted/remi.reader' and password_hash is null"), "no password for an account of the IdP");
    }

    @Test
    void ofstedsIdentityProviderCannotSignInSomeoneWhoSaysTheyAreCqcStaff() throws Exception {
        long before = refusals("saml:organisation-mismatch");
        Journey journey = new Journey();
        HttpResponse<String> acs = journey.postToAcs(journey.signInAtKeycloak("casey.elsewhere"));

        assertEquals(403, acs.statusCode());
        assertTrue(acs.body().contains("Signing in did not work"), acs.body());
        assertFalse(acs.body().contains("organisation") || acs.body().contains("mismatch")
                || acs.body().contains("casey"), "the page does not say why: " + acs.body());
        assertTrue(acs.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("portal_session=")),
                "no session for a refused sign-in");
        assertEquals(401, journey.get(base + "/api/v1/me").statusCode());
        assertEquals(before + 1, refusals("saml:organisation-mismatch"));
        assertEquals(before + 1, count("select count(*) from audit_event where detail = "
                + "'saml:organisation-mismatch' and actor_organisation_id = 'ofsted' and outcome = 'REFUSED'"
                + " and action = 'SIGN_IN'"), "audited against Ofsted, whose identity provider sent it");
        assertEquals(0, count("select count(*) from user_account where username like "
                + "'%casey.elsewhere%'"));
    }

    @Test
    void aTamperedResponseAndAReplayedOneAreRefusedAndAudited() throws Exception {
        Journey journey = new Journey();
        String valid = journey.signInAtKeycloak("jo.inspector");
        String xml = new String(Base64.getDecoder().decode(valid), StandardCharsets.UTF_8);
        assertTrue(xml.contains("Jo Inspector"), "the display name is in the assertion");
        String tampered = Base64.getEncoder().encodeToString(xml.replaceFirst("Jo Inspector", "Jo Inspectos")
                .getBytes(StandardCharsets.UTF_8));
        long refusedBefore = refusals("saml:%");

        HttpResponse<String> refused = new Journey().postToAcs(tampered);
        assertEquals(403, refused.statusCode(), "one byte changed in a signed assertion");
        assertEquals(refusedBefore + 1, refusals("saml:%"));

        HttpResponse<String> accepted = journey.postToAcs(valid);
        assertEquals(303, accepted.statusCode(), "the untouched response still signs in, once");

        HttpResponse<String> replayed = new Journey().postToAcs(valid);
        assertEquals(403, replayed.statusCode(), "the same response posted again");
        assertTrue(replayed.body().contains("Signing in did not work"));
        assertEquals(refusedBefore + 2, refusals("saml:%"));
    }

    /**
     * A genuine, unconsumed response is bound to the browser that asked for it: posted from a browser that started no
     * sign-in, or that started its own, it is refused (audited) and left for its own browser, which still signs in.
     */
    @Test
    void aGenuineResponsePostedFromAnotherBrowserIsRefusedAndItsOwnBrowserStillSignsIn() throws Exception {
        long before = refusals("saml:" + BROWSER_MISMATCH);
        Journey asked = new Journey();
        String response = asked.signInAtKeycloak("jo.inspector");

        Journey startedNoSignIn = new Journey();
        HttpResponse<String> refused = startedNoSignIn.postToAcs(response);
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Signing in did not work")
                && refused.body().contains("start again from this browser"), refused.body());
        assertTrue(refused.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("portal_session=")),
                "no session for the other browser");
        assertEquals(401, startedNoSignIn.get(base + "/api/v1/me").statusCode());

        Journey startedItsOwn = new Journey();
        startedItsOwn.signInAtKeycloak("remi.reader");
        HttpResponse<String> alsoRefused = startedItsOwn.postToAcs(response);
        assertEquals(403, alsoRefused.statusCode(), alsoRefused.body());
        assertEquals(401, startedItsOwn.get(base + "/api/v1/me").statusCode());
        assertEquals(before + 2, refusals("saml:" + BROWSER_MISMATCH));

        HttpResponse<String> accepted = asked.postToAcs(response);
        assertEquals(303, accepted.statusCode(), "the browser that asked still signs in: " + accepted.body());
        assertTrue(asked.get(base + "/api/v1/me").body().contains("\"username\":\"ofsted/jo.inspector\""));
    }

    @Test
    void theServiceProviderMetadataIsServedSignedWithTheConfiguredKey() throws Exception {
        HttpResponse<String> response = new Journey().get(base + "/saml/metadata");

        assertEquals(200, response.statusCode());
        assertEquals("application/samlmetadata+xml",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document metadata = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        Element entity = metadata.getDocumentElement();
        assertEquals(base + "/saml/metadata", entity.getAttribute("entityID"));
        assertTrue(response.body().contains(base + "/saml/acs"), response.body());
        NodeList signatures = metadata.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        assertEquals(1, signatures.getLength(), "signed");
        X509Certificate certificate = serviceProviderKey.certificate();
        DOMValidateContext validation = new DOMValidateContext(certificate.getPublicKey(), signatures.item(0));
        if (entity.hasAttribute("ID")) {
            validation.setIdAttributeNS(entity, null, "ID");
        }
        XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(validation);
        assertTrue(signature.validate(validation), "the signature verifies with the service provider's certificate");
    }

    @Test
    void anInspectorateWithoutAnIdentityProviderIsNotOffered() throws Exception {
        HttpResponse<String> response = new Journey().get(base + "/saml/login?inspectorate=CQC");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("govuk-error-summary"), response.body());
        assertTrue(response.body().contains("inspectorate&#61;OFSTED\">Ofsted</a>"), "Ofsted is offered: "
                + response.body());
    }

    @Test
    void withDemoModeOffThePortalHasTheInspectoratesAndReaderListTeamsButNoDemoData() throws Exception {
        assertEquals(6, count("select count(*) from organisation where inspectorate is not null"));
        assertEquals(1, count("select count(*) from team where id = 'ofsted/social-care-policy-team' and "
                + "on_reader_list"));
        assertEquals(0, count("select count(*) from user_account where id like 'demo-%'"), "no demo people");
        assertEquals(0, count("select count(*) from organisation where agency_type is not null"), "no demo agencies");
        assertEquals(0, count("select count(*) from local_authority_area"), "no Northdale");
    }

    /** A database of this test's own in the shared PostgreSQL, owned by the schema's owner role, created empty. */
    private static String freshDatabase() throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE);
            statement.execute("create database " + DATABASE + " owner " + TestEnvironment.dbOwnerUser());
        }
        String shared = TestEnvironment.jdbcUrl();
        databaseUrl = shared.substring(0, shared.lastIndexOf('/') + 1) + DATABASE;
        return databaseUrl;
    }

    /** The number a {@code select count(*) ...} answers from this test's portal's database. */
    private static long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl, TestEnvironment.dbUser(),
                TestEnvironment.dbPassword());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long refusals(String detailPattern) throws Exception {
        return count("select count(*) from audit_event where action = 'SIGN_IN' and outcome = "
                + "'REFUSED' and detail like '" + detailPattern + "'");
    }

    /**
     * A client that does what a browser does without JavaScript: it follows the SAML redirect to Keycloak, posts
     * the login form, and takes the SAMLResponse of Keycloak's auto-posting form. Its cookie jar keeps cookies per
     * host, Secure ones too (Keycloak marks them Secure even on http; java.net's CookieManager would drop them).
     */
    private static final class Journey {
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

        String signInAtKeycloak(String username) throws Exception {
            HttpResponse<String> login = get(base + "/saml/login?inspectorate=OFSTED");
            assertEquals(302, login.statusCode(), login.body());
            String binding = login.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(BINDING_COOKIE + "=")).findFirst().orElseThrow();
            for (String attribute : List.of("Path=/saml", "Secure", "HttpOnly", "SameSite=None", "Max-Age=")) {
                assertTrue(binding.contains(attribute), "the sign-in cookie " + binding + " has " + attribute);
            }
            String location = login.headers().firstValue("Location").orElseThrow();
            assertTrue(location.startsWith(keycloak.baseUrl()), location);
            assertTrue(location.contains("SAMLRequest=") && location.contains("Signature="), "a signed request");
            HttpResponse<String> form = get(location);
            assertEquals(200, form.statusCode(), form.body());
            String action = unescape(match(FORM_ACTION, form.body()));
            HttpResponse<String> posted = post(action, Map.of("username", username,
                    "password", EmbeddedKeycloak.USER_PASSWORD, "credentialId", ""));
            assertEquals(200, posted.statusCode(), posted.body());
            assertEquals(base + "/saml/acs", unescape(match(POST_ACTION, posted.body())));
            return unescape(match(SAML_RESPONSE, posted.body()));
        }

        HttpResponse<String> postToAcs(String samlResponse) throws Exception {
            return post(base + "/saml/acs", Map.of("SAMLResponse", samlResponse));
        }

        HttpResponse<String> get(String url) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET());
        }

        HttpResponse<String> post(String url, Map<String, String> fields) throws Exception {
            StringBuilder form = new StringBuilder();
            new LinkedHashMap<>(fields).forEach((name, value) -> form.append(form.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            URI uri = request.build().uri();
            Map<String, String> jar = cookies.computeIfAbsent(uri.getHost(), host -> new LinkedHashMap<>());
            if (!jar.isEmpty()) {
                request.header("Cookie", String.join("; ", jar.entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue()).toList()));
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int equals = pair.indexOf('=');
                String name = pair.substring(0, equals).strip();
                String value = pair.substring(equals + 1).strip();
                boolean expired = header.toLowerCase().contains("max-age=0") || value.isEmpty();
                if (expired) {
                    jar.remove(name);
                } else {
                    jar.put(name, value);
                }
            }
            return response;
        }

        private static String match(Pattern pattern, String html) {
            Matcher matcher = pattern.matcher(html);
            assertTrue(matcher.find(), "expected " + pattern + " in:\n" + html);
            return matcher.group(1);
        }

        private static String unescape(String html) {
            return html.replace("&amp;", "&").replace("&#x3D;", "=").replace("&#61;", "=").replace("&quot;", "\"")
                    .replace("&#43;", "+").replace("&#x2B;", "+").replace("&#47;", "/").replace("&#x2F;", "/");
        }
    }
}
