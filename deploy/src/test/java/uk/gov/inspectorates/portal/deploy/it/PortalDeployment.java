package uk.gov.inspectorates.portal.deploy.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Base of the integration tests against the real portal WAR: Arquillian starts Payara Micro with the WAR built
 * by portal-web (as a client: {@code testable = false}, nothing is added to the archive), configured with the
 * shared {@link TestEnvironment} (PostgreSQL, S3Proxy, keystore). {@link #base} is the portal's root URL
 * (the WAR is served at {@code /}, so paths are the same as in production).
 *
 * <p>Every class deploys the same WAR, and {@link OnePayaraPerSuite} keeps that one deployment (one Payara Micro
 * boot, ~18 s quiet, up to a minute when busy) for all the classes of the test JVM: the portal a class sees has
 * served the classes before it, as its database already had. Use data of the test's own (a term, an inspection,
 * a report of its own), never counts over the whole portal.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class PortalDeployment {

    @ArquillianResource
    protected URL base;

    /** Named ROOT.war so that Payara Micro serves it at {@code /}, as the launcher and production do. */
    @Deployment(testable = false)
    public static WebArchive portalWar() {
        return ShrinkWrap.create(WebArchive.class, "ROOT.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, TestEnvironment.warFile().toFile()));
    }

    protected URI uri(String path) {
        return URI.create(base.toString()).resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    protected static HttpClient httpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return get(path, Duration.ofSeconds(30));
    }

    protected HttpResponse<String> get(String path, Duration timeout) throws Exception {
        return httpClient().send(HttpRequest.newBuilder(uri(path)).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
