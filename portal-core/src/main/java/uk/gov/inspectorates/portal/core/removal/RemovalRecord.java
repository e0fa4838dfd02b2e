package uk.gov.inspectorates.portal.core.removal;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.retention.RemovalCandidate;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.DurationUnit;

/**
 * One removal as recorded: what it removes, the last step it completed, whether its last attempt failed (at which
 * step, with which error class: never a message, which could carry content), how often it was attempted, and, once
 * taken, the counts and the moment the key was destroyed. Outlives what it removed.
 */
public record RemovalRecord(String id, RemovalCandidate candidate, RemovalStep step, boolean failed,
                            RemovalStep failedStep, String failureClass, int attempts, String removedBy,
                            Instant startedAt, Instant updatedAt, Instant completedAt, Instant kekDestroyedAt,
                            Integer objects, Long plaintextBytes, Long storedBytes, int policyAmount,
                            DurationUnit policyUnit, Instant closedAt, Inspectorate leadInspectorate,
                            Set<Inspectorate> participants) {

    public RemovalRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(step, "step");
        participants = participants == null ? Set.of() : Set.copyOf(participants);
    }

    public boolean completed() {
        return completedAt != null;
    }

    /** COMPLETED, FAILED (at a step) or RUNNING (started and not finished: a runner is at it, or was killed). */
    public String status() {
        return completed() ? "COMPLETED" : failed ? "FAILED" : "RUNNING";
    }

    public boolean tallied() {
        return objects != null;
    }
}
