package uk.gov.inspectorates.portal.core.audit;

import java.util.Optional;
import java.util.SortedSet;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * The second, write-once copy of every signed checkpoint, outside the database (the object store, with object lock
 * where it supports it): a checkpoint deleted or changed in the database shows against it (a persistence port).
 */
@PersistencePort
public interface CheckpointArchive {

    /** Keeps the checkpoint; never replaces one already kept for its seq (that throws). */
    void keep(AuditCheckpoint checkpoint);

    Optional<AuditCheckpoint> find(long seq);

    /** The seqs of every checkpoint kept. */
    SortedSet<Long> seqs();

    /** How the copies are protected, in words (e.g. object lock in compliance mode, or plain objects). */
    String protection();
}
