package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.accountability.AuditCsvExport;
import uk.gov.inspectorates.portal.core.accountability.TrailVerification;
import uk.gov.inspectorates.portal.core.audit.AuditChainReader;
import uk.gov.inspectorates.portal.core.audit.AuditCheckpointing;
import uk.gov.inspectorates.portal.core.audit.AuditCheckpoints;
import uk.gov.inspectorates.portal.core.audit.ChainVerification;
import uk.gov.inspectorates.portal.core.audit.CheckpointArchive;
import uk.gov.inspectorates.portal.core.audit.CheckpointSigner;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;
import uk.gov.inspectorates.portal.security.signing.Ed25519CheckpointSigner;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditChainReader;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditCheckpoints;
import uk.gov.inspectorates.portal.storage.objectstore.AuditBucket;
import uk.gov.inspectorates.portal.storage.objectstore.MinioCheckpointArchive;

/**
 * Tamper evidence for the audit trail (issue 18, docs/adr/0031): the chain reader, the signed checkpoints (database and
 * write-once archive), the audit signing key, the verifier and the SIRO's CSV export.
 *
 * <p>Settings: {@code portal.audit.signing.keystore-path} (default {@code audit-signing.bcfks} beside the master
 * keystore, same password; created on first start outside production, required in production),
 * {@code portal.audit.checkpoints.bucket} (default the document bucket's name + {@code -audit-checkpoints}),
 * {@code portal.audit.checkpoints.retention-days} (object-lock retention, default 3650),
 * {@code portal.audit.checkpoint.interval-seconds} (default 60) and {@code portal.audit.checkpoint.every-events}
 * (default 0: off).
 */
@ApplicationScoped
public class AuditCheckpointWiring {

    @Inject
    PortalConfiguration configuration;

    @Inject
    @ConfigProperty(name = SigningKeystore.Settings.AUDIT)
    Optional<String> keystorePath;

    @Inject
    @ConfigProperty(name = "portal.audit.checkpoints.bucket")
    Optional<String> bucket;

    @Inject
    @ConfigProperty(name = "portal.audit.checkpoints.retention-days", defaultValue = AuditBucket.DEFAULT_RETENTION_DAYS)
    long retentionDays;

    @Inject
    @ConfigProperty(name = "portal.audit.checkpoint.interval-seconds", defaultValue = "60")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "portal.audit.checkpoint.every-events", defaultValue = "0")
    long everyEvents;

    @Produces
    @Singleton
    AuditChainReader auditChainReader(DataSource dataSource) {
        return new JdbcAuditChainReader(dataSource);
    }

    @Produces
    @Singleton
    AuditCheckpoints auditCheckpoints(DataSource dataSource) {
        return new JdbcAuditCheckpoints(dataSource);
    }

    @Produces
    @Singleton
    CheckpointArchive checkpointArchive() {
        try {
            return new MinioCheckpointArchive(configuration.s3Endpoint(), configuration.s3AccessKey(),
                    configuration.s3SecretKey(), auditBucket(), configuration.s3Region(), auditRetention())
                    .prepare();
        } catch (IOException e) {
            throw new UncheckedIOException("the audit checkpoints' bucket could not be checked or created", e);
        }
    }

    /**
     * The write-once audit bucket: the checkpoints' archive and the destroyed-scope ledger
     * ({@link ShreddingLedgerWiring}) both live there.
     */
    public String auditBucket() {
        return AuditBucket.name(bucket, configuration.s3Bucket());
    }

    /** How long the audit bucket's objects are locked, where the store can lock them. */
    public Duration auditRetention() {
        return Duration.ofDays(retentionDays);
    }

    @Produces
    @Singleton
    CheckpointSigner checkpointSigner() {
        Path keystore = SigningKeystore.AUDIT.path(keystorePath, configuration.keystorePath());
        try {
            return Ed25519CheckpointSigner.openOrCreate(keystore, configuration.keystorePassword(),
                    !configuration.production());
        } catch (IOException e) {
            throw new UncheckedIOException("the audit signing keystore could not be opened", e);
        }
    }

    /** How often the scheduled checkpoint runs look at the head. */
    public Duration checkInterval() {
        long interval = Math.max(1, intervalSeconds);
        return Duration.ofSeconds(everyEvents > 0 ? Math.min(interval, 5) : interval);
    }

    @Produces
    @Singleton
    AuditCheckpointing auditCheckpointing(AuditChainReader chain, AuditCheckpoints checkpoints,
                                          CheckpointArchive archive, CheckpointSigner signer, UnitOfWork unitOfWork,
                                          Clock clock) {
        return new AuditCheckpointing(chain, checkpoints, archive, signer, unitOfWork, clock,
                new AuditCheckpointing.Cadence(Duration.ofSeconds(Math.max(1, intervalSeconds)),
                        Math.max(0, everyEvents)));
    }

    @Produces
    @Singleton
    ChainVerification chainVerification(AuditChainReader chain, AuditCheckpoints checkpoints,
                                        CheckpointArchive archive, CheckpointSigner signer, UnitOfWork unitOfWork) {
        return new ChainVerification(chain, checkpoints, archive, signer, unitOfWork);
    }

    @Produces
    @Singleton
    TrailVerification trailVerification(PolicyGate gate, ChainVerification verifier, CheckpointSigner signer) {
        return new TrailVerification(gate, verifier, signer);
    }

    @Produces
    @Singleton
    AuditCsvExport auditCsvExport(PolicyGate gate, AuditChainReader chain, AuditCheckpoints checkpoints,
                                  AuditCheckpointing checkpointing) {
        return new AuditCsvExport(gate, chain, checkpoints, checkpointing);
    }
}
