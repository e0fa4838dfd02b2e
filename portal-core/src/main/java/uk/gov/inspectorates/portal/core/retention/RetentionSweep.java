package uk.gov.inspectorates.portal.core.retention;

import java.time.Instant;
import java.util.List;

/**
 * The removal of one retention category's data. The retention run asks every sweep for its candidates (those due
 * already and those coming, for the administrators' dry run), skips the held ones, and removes the due ones when the
 * category's policy says REMOVE. {@link #remove} is idempotent: run again after a failure (or a kill -9) part-way, it
 * completes the removal and never reports success it did not achieve.
 */
public interface RetentionSweep {

    RetentionCategory category();

    /** Everything of the category with the end of its period under {@code policy}, due or not, soonest first. */
    List<RemovalCandidate> candidates(RetentionPolicy policy, Instant now);

    void remove(RemovalCandidate candidate, Remover remover);
}
