package uk.gov.inspectorates.portal.core.removal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import uk.gov.inspectorates.portal.core.retention.LegalHolds;
import uk.gov.inspectorates.portal.core.retention.RemovalCandidate;
import uk.gov.inspectorates.portal.core.retention.Remover;
import uk.gov.inspectorates.portal.core.retention.RetentionCategory;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicies;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy;
import uk.gov.inspectorates.portal.core.retention.RetentionSchedule;
import uk.gov.inspectorates.portal.core.retention.RetentionSweep;

/**
 * One run of retention: first every removal left unfinished after its key was destroyed (failed, or interrupted by a
 * crash) is carried on, then
 * what the {@link RetentionSchedule} lists as due, not held and under a REMOVE policy is removed. One
 * failure does not stop the others; it is recorded on its removal and retried on the next run.
 */
public final class RetentionRun {

    private static final Logger LOG = Logger.getLogger(RetentionRun.class.getName());

    /** What a run did: removals completed, skipped (held, or another runner at it), and failed. */
    public record Result(int removed, int held, int busy, int failed) {
        public boolean removedAnything() {
            return removed > 0;
        }
    }

    private final List<RetentionSweep> sweeps;
    private final RetentionSchedule schedule;
    private final LegalHolds holds;
    private final Removals removals;
    private final Clock clock;

    public RetentionRun(List<RetentionSweep> sweeps, RetentionPolicies policies, LegalHolds holds, Removals removals,
                        Clock clock) {
        this.sweeps = List.copyOf(sweeps);
        this.schedule = new RetentionSchedule(this.sweeps, policies, holds);
        this.holds = Objects.requireNonNull(holds, "holds");
        this.removals = Objects.requireNonNull(removals, "removals");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Result run() {
        int[] counts = new int[4];
        Set<String> attempted = new HashSet<>();
        for (RemovalRecord unfinished : removals.unfinished()) {
            // once the key is gone the removal is always completed; before, it waits to be due again under the
            // policy then in force (an administrator may have lengthened it, or set a hold)
            if (unfinished.step().reached(RemovalStep.KEK_DESTROYED)) {
                sweeps.stream().filter(sweep -> sweep.category() == unfinished.candidate().category()).findFirst()
                        .ifPresent(sweep -> attempt(sweep, unfinished.candidate(), counts, attempted));
            }
        }
        Instant now = clock.instant();
        for (RetentionSchedule.Entry entry : schedule.entries(now)) {
            if (!entry.dueBy(now) || entry.action() != RetentionPolicy.EndAction.REMOVE) {
                continue;
            }
            if (entry.held()) {
                counts[1]++;
                continue;
            }
            sweeps.stream().filter(sweep -> sweep.category() == entry.category()).findFirst()
                    .ifPresent(sweep -> attempt(sweep, entry.candidate(), counts, attempted));
        }
        return new Result(counts[0], counts[1], counts[2], counts[3]);
    }

    /**
     * Between runs, what is due of one category only (the orphan sweep removes unfinished uploads so: their encrypted
     * parts are not to wait for the next run), removed as the run removes it. Returns how many were removed; a
     * failure is logged and retried the next time.
     */
    public int removeDue(RetentionCategory category) {
        int removed = 0;
        for (RetentionSchedule.Entry entry : schedule.due(category, clock.instant())) {
            try {
                schedule.sweepFor(category).remove(entry.candidate(), remover(category));
                removed++;
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "Removal of " + entry.candidate().kind() + " " + entry.candidate().id()
                        + " failed (" + failure.getClass().getSimpleName() + "); retried the next time", failure);
            }
        }
        return removed;
    }

    /** The policy that removes, as the removal's events and certificates name it. */
    private static Remover remover(RetentionCategory category) {
        return Remover.policy("retention:" + category);
    }

    private void attempt(RetentionSweep sweep, RemovalCandidate candidate, int[] counts, Set<String> attempted) {
        if (!attempted.add(candidate.category() + ":" + candidate.kind() + ":" + candidate.id())) {
            return;
        }
        boolean before = removals.find(candidate.category(), candidate.kind(), candidate.id())
                .map(RemovalRecord::completed).orElse(false);
        if (before) {
            return;
        }
        try {
            sweep.remove(candidate, remover(candidate.category()));
        } catch (RuntimeException failure) {
            counts[3]++;
            LOG.log(Level.WARNING, "Removal of " + candidate.kind() + " " + candidate.id() + " failed ("
                    + failure.getClass().getSimpleName() + "); retried on the next run", failure);
            return;
        }
        var after = removals.find(candidate.category(), candidate.kind(), candidate.id());
        if (after.isPresent() && after.get().completed()) {
            counts[0]++;
        } else if (candidate.holdTarget() != null && holds.isHeld(candidate.holdTarget())) {
            counts[1]++;
        } else {
            counts[2]++;
        }
    }
}
