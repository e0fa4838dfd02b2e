package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import uk.gov.inspectorates.portal.core.document.DestroyedScopeLedger;
import uk.gov.inspectorates.portal.storage.objectstore.MinioDestroyedScopeLedger;

/**
 * The ledger of destroyed key scopes (docs/adr/0046), in the audit bucket beside the checkpoints (the same bucket
 * and retention: {@link AuditCheckpointWiring#auditBucket()}). {@code PortalWiring} wraps the key service with it, and
 * {@code PortalStartup} replays it before the portal serves.
 */
@ApplicationScoped
public class ShreddingLedgerWiring {

    @Inject
    PortalConfiguration configuration;

    @Inject
    AuditCheckpointWiring audit;

    @Produces
    @Singleton
    DestroyedScopeLedger destroyedScopeLedger(Clock clock) {
        try {
            return new MinioDestroyedScopeLedger(configuration.s3Endpoint(), configuration.s3AccessKey(),
                    configuration.s3SecretKey(), audit.auditBucket(), configuration.s3Region(),
                    audit.auditRetention(), clock)
                    .prepare();
        } catch (IOException e) {
            throw new UncheckedIOException("the destroyed-scope ledger's bucket could not be checked or created", e);
        }
    }
}
