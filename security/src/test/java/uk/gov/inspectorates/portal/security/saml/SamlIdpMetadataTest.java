package uk.gov.inspectorates.portal.security.saml;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/** Identity provider metadata: where it may come from, refresh, and keeping the last good copy. */
class SamlIdpMetadataTest {

    @TempDir
    Path temp;

    @Test
    void metadataOverPlainHttpIsRefusedExceptOnLoopback() {
        assertThrows(IllegalArgumentException.class,
                () -> MetadataSource.checkLocation("http://idp.ofsted.test/metadata"));
        assertThrows(IllegalArgumentException.class, () -> MetadataSource.checkLocation("ftp://idp.ofsted.test/m"));
        assertDoesNotThrow(() -> MetadataSource.checkLocation("https://idp.ofsted.test/metadata"));
        assertDoesNotThrow(() -> MetadataSource.checkLocation("http://127.0.0.1:8180/realms/ofsted/descriptor"));
        assertDoesNotThrow(() -> MetadataSource.checkLocation("http://localhost:8180/realms/ofsted/descriptor"));
        assertDoesNotThrow(() -> MetadataSource.checkLocation("http://[::1]:8180/realms/ofsted/descriptor"));
        assertThrows(IllegalArgumentException.class,
                () -> MetadataSource.checkLocation("http://127.0.0.1.nip.io/metadata"));
        assertThrows(IllegalArgumentException.class, () -> MetadataSource.checkLocation("http://10.0.0.1/metadata"));
        assertDoesNotThrow(() -> MetadataSource.checkLocation("/etc/portal/ofsted-idp.xml"));
    }

    @Test
    void theServiceProviderDoesNotStartWithoutGoodMetadata() throws Exception {
        Path broken = Files.writeString(temp.resolve("broken.xml"), "<EntityDescriptor");
        Path missing = temp.resolve("missing.xml");

        for (Path location : List.of(broken, missing)) {
            assertThrows(IllegalStateException.class, () -> new OpenSamlServiceProvider(settings(location),
                    new InMemorySamlStores(), new InMemorySamlStores(), new SamlFixture.MutableClock(SamlFixture.T0)));
        }
    }

    @Test
    void aFailedRefreshKeepsTheLastGoodCopyAndALaterOneTakesTheNewKey() throws Exception {
        TestIdentityProvider idp = new TestIdentityProvider("https://idp.rollover.test", temp);
        SamlFixture.MutableClock clock = new SamlFixture.MutableClock(SamlFixture.T0);
        MetadataSource source = new MetadataSource(
                new IdpSettings(Inspectorate.OFSTED, idp.metadataFile().toString(), Duration.ofMinutes(30)), clock);
        assertEquals(idp.keys().certificate(), source.current().signingCertificates().get(0));

        Files.writeString(idp.metadataFile(), "not metadata");
        clock.advance(Duration.ofMinutes(31));
        assertEquals(idp.keys().certificate(), source.current().signingCertificates().get(0), "last good copy kept");

        TestKeys next = TestKeys.generate("rolled-over");
        idp.writeMetadata(next);
        assertEquals(idp.keys().certificate(), source.current().signingCertificates().get(0), "not yet due");
        clock.advance(Duration.ofMinutes(31));
        assertEquals(next.certificate(), source.current().signingCertificates().get(0), "refreshed");
    }

    @Test
    void metadataIsFetchedFromALoopbackUrlAndAFailedFetchMeansNoStart() throws Exception {
        TestIdentityProvider idp = new TestIdentityProvider("https://idp.fetched.test", temp);
        byte[] metadata = Files.readAllBytes(idp.metadataFile());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metadata", exchange -> {
            exchange.sendResponseHeaders(200, metadata.length);
            exchange.getResponseBody().write(metadata);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            MetadataSource source = new MetadataSource(new IdpSettings(Inspectorate.OFSTED, base + "/metadata"),
                    new SamlFixture.MutableClock(SamlFixture.T0));
            assertEquals("https://idp.fetched.test", source.current().entityId());
            assertEquals(idp.singleSignOnService(), source.current().singleSignOnService().toString());

            assertThrows(IllegalStateException.class, () -> new MetadataSource(
                    new IdpSettings(Inspectorate.OFSTED, base + "/absent"), new SamlFixture.MutableClock(SamlFixture.T0)));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void twoInspectoratesCannotShareAnIdentityProviderEntityId() {
        SamlSettings settings = new SamlSettings(SamlFixture.SP_ENTITY_ID, SamlFixture.ACS,
                SamlFixture.SP_KEYS.keyPair().getPrivate(), SamlFixture.SP_KEYS.certificate(), List.of(
                        new IdpSettings(Inspectorate.OFSTED, SamlFixture.OFSTED_IDP.metadataFile().toString()),
                        new IdpSettings(Inspectorate.CQC, SamlFixture.OFSTED_IDP.metadataFile().toString())));

        assertThrows(IllegalStateException.class, () -> new OpenSamlServiceProvider(settings, new InMemorySamlStores(),
                new InMemorySamlStores(), new SamlFixture.MutableClock(SamlFixture.T0)));
    }

    private static SamlSettings settings(Path metadata) {
        return new SamlSettings(SamlFixture.SP_ENTITY_ID, SamlFixture.ACS, SamlFixture.SP_KEYS.keyPair().getPrivate(),
                SamlFixture.SP_KEYS.certificate(), List.of(new IdpSettings(Inspectorate.OFSTED, metadata.toString())));
    }
}
