package uk.gov.inspectorates.portal.security.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import uk.gov.inspectorates.portal.core.account.sso.SignInRedirect;
import uk.gov.inspectorates.portal.core.account.sso.SsoIdentity;
import uk.gov.inspectorates.portal.core.account.sso.SsoRefused;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * A service provider with Ofsted's and CQC's test identity providers, in-memory stores and a clock the tests move.
 * Keys are generated once per test JVM (RSA key generation is slow).
 */
final class SamlFixture {

    static final String SP_ENTITY_ID = "https://portal.inspectorates.test/saml/metadata";
    static final URI ACS = URI.create("https://portal.inspectorates.test/saml/acs");
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    static final TestKeys SP_KEYS = TestKeys.generate("portal.inspectorates.test");
    static final TestKeys ATTACKER_KEYS = TestKeys.generate("attacker.test");
    private static final Path DIRECTORY = directory();
    static final TestIdentityProvider OFSTED_IDP = idp("https://idp.ofsted.test/realms/ofsted");
    static final TestIdentityProvider CQC_IDP = idp("https://idp.cqc.test/realms/cqc");

    final MutableClock clock = new MutableClock(T0);
    final InMemorySamlStores stores = new InMemorySamlStores();
    final SamlSettings settings = new SamlSettings(SP_ENTITY_ID, ACS, SP_KEYS.keyPair().getPrivate(),
            SP_KEYS.certificate(), List.of(
                    new IdpSettings(Inspectorate.OFSTED, OFSTED_IDP.metadataFile().toString()),
                    new IdpSettings(Inspectorate.CQC, CQC_IDP.metadataFile().toString())));
    final OpenSamlServiceProvider serviceProvider = new OpenSamlServiceProvider(settings, stores, stores, clock);

    /** What the browser of the last sign-in started here keeps (its cookie); responses are posted with it. */
    String browser;

    /** Starts a sign-in with Ofsted's identity provider and returns a valid answer to it, to be changed by a test. */
    TestIdentityProvider.ResponseSpec validResponse() {
        return responseFrom(OFSTED_IDP, Inspectorate.OFSTED);
    }

    TestIdentityProvider.ResponseSpec responseFrom(TestIdentityProvider idp, Inspectorate inspectorate) {
        SignInRedirect started = serviceProvider.startSignIn(inspectorate, "/reports");
        browser = started.browserBinding();
        return idp.respond(started.requestId(), ACS.toString(), SP_ENTITY_ID, clock.instant());
    }

    /** Posted by the browser that started the last sign-in. */
    SsoIdentity accept(String samlResponse) {
        return acceptFrom(browser, samlResponse);
    }

    SsoIdentity acceptFrom(String browserBinding, String samlResponse) {
        return serviceProvider.completeSignIn(samlResponse, browserBinding);
    }

    /** Asserts the response, posted by the browser that started the last sign-in, is refused with that reason. */
    SsoRefused assertRefused(String reason, String samlResponse) {
        return assertRefusedFrom(browser, reason, samlResponse);
    }

    SsoRefused assertRefusedFrom(String browserBinding, String reason, String samlResponse) {
        SsoRefused refused = assertThrows(SsoRefused.class,
                () -> serviceProvider.completeSignIn(samlResponse, browserBinding));
        assertEquals(reason, refused.reason(), () -> "refused for another reason: " + refused.getMessage());
        return refused;
    }

    private static Path directory() {
        try {
            Path directory = Files.createTempDirectory("saml-test");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestIdentityProvider idp(String entityId) {
        try {
            TestIdentityProvider idp = new TestIdentityProvider(entityId, DIRECTORY);
            idp.metadataFile().toFile().deleteOnExit();
            return idp;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
