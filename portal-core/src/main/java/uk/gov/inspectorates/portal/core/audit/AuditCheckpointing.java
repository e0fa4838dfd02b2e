package uk.gov.inspectorates.portal.core.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import uk.gov.inspectorates.portal.auditverifier.AuditChain;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Takes signed checkpoints of the chain's head (docs/adr/0031): on a schedule, when the head has moved and either the
 * interval has passed since the last checkpoint or enough events have been appended; and on demand before an export,
 * so that an export always ends at a checkpoint. One at a time across every node (the checkpoint writers' lock); each
 * written to the database and to the write-once archive in the same unit of work (a failed archive write leaves no
 * database row). Taking a checkpoint records no audit event: that would move the head it signs.
 */
public final class AuditCheckpointing {

    /** When a scheduled checkpoint is due: the interval since the last one, or a number of seqs appended (0: off). */
    public record Cadence(Duration interval, long everyEvents) {
        public Cadence {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || everyEvents < 0) {
                throw new IllegalArgumentException("the cadence cannot be negative");
            }
        }
    }

    private final AuditChainReader chain;
    private final AuditCheckpoints checkpoints;
    private final CheckpointArchive archive;
    private final CheckpointSigner signer;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Cadence cadence;

    public AuditCheckpointing(AuditChainReader chain, AuditCheckpoints checkpoints, CheckpointArchive archive,
                              CheckpointSigner signer, UnitOfWork unitOfWork, Clock clock, Cadence cadence) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cadence = Objects.requireNonNull(cadence, "cadence");
    }

    /** The scheduled run: a new checkpoint when the head has moved and one is due; empty otherwise. */
    public Optional<AuditCheckpoint> takeIfDue() {
        return underLock((head, latest) -> {
            if (latest.isPresent() && latest.get().seq() >= head.seq()) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            boolean due = latest.isEmpty()
                    || !latest.get().at().plus(cadence.interval()).isAfter(now)
                    || (cadence.everyEvents() > 0 && head.seq() - latest.get().seq() >= cadence.everyEvents());
            return due ? Optional.of(take(head, now)) : Optional.empty();
        });
    }

    /** A checkpoint at the current head (the latest one if it is there already); empty while the trail is empty. */
    public Optional<AuditCheckpoint> atHead() {
        return underLock((head, latest) -> latest.isPresent() && latest.get().seq() == head.seq() ? latest
                : Optional.of(take(head, clock.instant())));
    }

    /**
     * Decides on the head and the latest checkpoint under the checkpoint writers' lock, in one unit of work; empty
     * while the trail is empty.
     */
    private Optional<AuditCheckpoint> underLock(
            BiFunction<StoredAuditEvent, Optional<AuditCheckpoint>, Optional<AuditCheckpoint>> decide) {
        return unitOfWork.inOne(() -> {
            checkpoints.lockForWriting();
            Optional<StoredAuditEvent> head = chain.head();
            return head.isEmpty() ? Optional.<AuditCheckpoint>empty() : decide.apply(head.get(), checkpoints.latest());
        });
    }

    private AuditCheckpoint take(StoredAuditEvent head, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        String payload = AuditChain.checkpointPayload(head.seq(), head.hash(), at, signer.keyId());
        AuditCheckpoint checkpoint = new AuditCheckpoint(head.seq(), head.hash(), at, signer.keyId(),
                signer.sign(payload.getBytes(StandardCharsets.UTF_8)));
        checkpoints.add(checkpoint);
        archive.keep(checkpoint);
        return checkpoint;
    }
}
