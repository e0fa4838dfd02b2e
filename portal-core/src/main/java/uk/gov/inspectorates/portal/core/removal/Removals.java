package uk.gov.inspectorates.portal.core.removal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.inspection.ExportRecord;
import uk.gov.inspectorates.portal.core.retention.RemovalCandidate;
import uk.gov.inspectorates.portal.core.retention.RetentionCategory;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * The removals and the step each reached (a persistence port), and the lock that lets one runner at a time, across a
 * cluster, work on one target.
 */
@PersistencePort
public interface Removals {

    /**
     * Runs {@code work} holding the cluster-wide lock of this target (released when the work ends, or when the
     * runner's process dies); returns false, running nothing, when another runner holds it.
     */
    boolean exclusively(RetentionCategory category, String targetKind, String targetId, Runnable work);

    Optional<RemovalRecord> find(RetentionCategory category, String targetKind, String targetId);

    /**
     * Records the removal as STARTED, or, when it is recorded already, counts another attempt and clears its failure
     * mark; returns it as it now stands.
     */
    RemovalRecord begin(RemovalCandidate candidate, RetentionPolicy policy, String removedBy, Instant now);

    void kekDestroyed(String id, Instant destroyedAt, Instant now);

    /** Records the counts (and, for an inspection, its tally) once: a second call leaves the first counts. */
    void tallied(String id, int objects, long plaintextBytes, long storedBytes, InspectionTally tally, Instant now);

    /** Records a completed step; the last step of the removal (ROWS_DELETED, or CERTIFIED) completes it. */
    void reached(String id, RemovalStep step, boolean last, Instant now);

    void failed(String id, RemovalStep atStep, String failureClass, Instant now);

    /** Removals started and not completed (failed or interrupted), oldest first. */
    List<RemovalRecord> unfinished();

    /** Every removal, newest first. */
    List<RemovalRecord> all();

    List<RequestTally> requests(String removalId);

    List<ExportRecord> exports(String removalId);
}
