package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.inspectorates.portal.core.document.DestroyedScopeLedger;
import uk.gov.inspectorates.portal.storage.objectstore.MinioDestroyedScopeLedger;

/**
 * The ledger of destroyed key scopes (docs/adr/0046), in the audit bucket beside the checkpoints (the same settings:
 * {@code portal.audit.checkpoints.bucket}, default the document bucket's name + {@code -audit-checkpoints};
 * {@code portal.audit.checkpoints.retention-days}). {@code PortalWiring} wraps the key service with it, and
 * {@code PortalStartup} replays it before the portal serves.
 */
@ApplicationScoped
public class ShreddingLedgerWiring {

    @Inject
    PortalConfiguration configuration;

    @Inject
    @ConfigProperty(name = "portal.audit.checkpoints.bucket")
    Optional<String> bucket;

    @Inject
    @ConfigProperty(name = "portal.audit.checkpoints.retention-days", defaultValue = "3650")
    long retentionDays;

    @Produces
    @Singleton
    DestroyedScopeLedger destroyedScopeLedger(Clock clock) {
        String name = bucket.filter(b -> !b.isBlank()).orElse(configuration.s3Bucket() + "-audit-checkpoints");
        try {
            return new MinioDestroyedScopeLedger(configuration.s3Endpoint(), configuration.s3AccessKey(),
                    configuration.s3SecretKey(), name, configuration.s3Region(), Duration.ofDays(retentionDays), clock)
                    .prepare();
        } catch (IOException e) {
            throw new UncheckedIOException("the destroyed-scope ledger's bucket could not be checked or created", e);
        }
    }
}
