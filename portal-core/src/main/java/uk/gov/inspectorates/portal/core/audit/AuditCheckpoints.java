package uk.gov.inspectorates.portal.core.audit;

import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** The signed checkpoints in the database: append-only, like the events (a persistence port). */
@PersistencePort
public interface AuditCheckpoints {

    /**
     * Holds the checkpoint writers' lock until the current unit of work ends, so that checkpoints are taken one at a
     * time on every node. Only inside a unit of work.
     */
    void lockForWriting();

    void add(AuditCheckpoint checkpoint);

    /** The checkpoint with the highest seq, if any. */
    Optional<AuditCheckpoint> latest();

    /** At most {@code limit} checkpoints with seq above {@code afterSeq}, in seq order (for paging through them). */
    List<AuditCheckpoint> after(long afterSeq, int limit);
}
