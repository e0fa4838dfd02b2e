package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.account.sso.StaffSignIn;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.security.keystore.SigningKeyFiles;
import uk.gov.inspectorates.portal.security.saml.IdpSettings;
import uk.gov.inspectorates.portal.security.saml.OpenSamlServiceProvider;
import uk.gov.inspectorates.portal.security.saml.SamlSettings;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAssertionReplayCache;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcSamlRequestLog;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * SAML sign-in for inspectorate staff: built only when at least one inspectorate's identity provider is configured
 * ({@code portal.saml.idp.<inspectorate>.metadata}); otherwise the SAML routes say it is not set up. Built at
 * deployment, so a wrong setting stops the portal from starting rather than failing at someone's sign-in.
 */
@ApplicationScoped
public class SsoWiring {

    private static final Logger LOG = Logger.getLogger(SsoWiring.class.getName());
    static final String LOCAL_KEY_FOLDER = "saml";

    @Inject
    PortalConfiguration configuration;

    @Produces
    @Singleton
    SingleSignOn singleSignOn(DataSource dataSource, OrganisationDirectory directory, AuditTrail audit,
                              Clock clock, UnitOfWork unitOfWork) {
        List<IdpSettings> identityProviders = new ArrayList<>();
        Duration refresh = Duration.ofSeconds(configuration.samlMetadataRefreshSeconds());
        for (Inspectorate inspectorate : Inspectorate.values()) {
            configuration.samlIdpMetadata(inspectorate)
                    .ifPresent(location -> identityProviders.add(new IdpSettings(inspectorate, location, refresh)));
        }
        if (identityProviders.isEmpty()) {
            LOG.info("SAML sign-in is not configured (no portal.saml.idp.<inspectorate>.metadata)");
            return SingleSignOn.notConfigured();
        }
        String baseUrl = configuration.samlBaseUrl().orElseThrow(() -> new IllegalStateException(
                "SAML sign-in needs the portal's public address: set PORTAL_SAML_SP_BASE_URL"));
        SigningKeyFiles key = signingKey();
        SamlSettings settings = new SamlSettings(configuration.samlEntityId().orElse(baseUrl + "/saml/metadata"),
                URI.create(baseUrl + "/saml/acs"), key.privateKey(), key.certificate(),
                Duration.ofSeconds(configuration.samlClockSkewSeconds()), null, null, identityProviders);
        OpenSamlServiceProvider serviceProvider = new OpenSamlServiceProvider(settings,
                new JdbcSamlRequestLog(dataSource), new JdbcAssertionReplayCache(dataSource), clock);
        LOG.info(() -> "SAML sign-in for " + identityProviders.stream().map(idp -> idp.inspectorate().name())
                .toList() + " as " + settings.serviceProviderEntityId());
        return new SingleSignOn(serviceProvider, new StaffSignIn(serviceProvider, directory,
                configuration.samlAttributeMapping(), audit, clock, unitOfWork));
    }

    void atDeployment(@Observes @Initialized(ApplicationScoped.class) Object started, SingleSignOn singleSignOn) {
        singleSignOn.configured();
    }

    /** The configured key; outside production, when none is set, one made once in the data directory. */
    private SigningKeyFiles signingKey() {
        try {
            if (configuration.samlKey().isPresent()) {
                return SigningKeyFiles.read(Path.of(configuration.samlKey().get()),
                        configuration.samlCertificate().map(Path::of).orElse(null), configuration.samlKeyPassword());
            }
            if (configuration.production() || configuration.dataDir().isEmpty()) {
                throw new IllegalStateException("SAML sign-in needs the service provider's signing key: set "
                        + "PORTAL_SAML_SP_KEY (and PORTAL_SAML_SP_CERTIFICATE for a PEM key)");
            }
            Path folder = Path.of(configuration.dataDir().get()).resolve(LOCAL_KEY_FOLDER);
            LOG.info(() -> "SAML signing key of this local run: " + folder);
            return SigningKeyFiles.generateIfMissing(folder, "Inspectorates portal SAML signing (local)");
        } catch (IOException e) {
            throw new UncheckedIOException("the SAML signing key could not be read", e);
        }
    }
}
