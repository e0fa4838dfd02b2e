package uk.gov.inspectorates.portal.core.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.EndAction;

/**
 * What the retention policies will remove (or put up for review) next, and what a legal hold stops: the dry run the
 * administrators' page shows, and the list the retention runner works through ({@link #due}). Pure: it asks every
 * {@link RetentionSweep} for its candidates under its category's current policy, and the {@link LegalHolds} about
 * each candidate's hold target. Nothing is removed here.
 */
public final class RetentionSchedule {

    /** One candidate with the policy that decides it and whether a legal hold stops it. */
    public record Entry(RemovalCandidate candidate, RetentionPolicy policy, boolean held) {

        public Entry {
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(policy, "policy");
        }

        public RetentionCategory category() {
            return candidate.category();
        }

        public Instant dueAt() {
            return candidate.dueAt();
        }

        public EndAction action() {
            return policy.action();
        }

        public boolean dueBy(Instant now) {
            return candidate.dueBy(now);
        }

        /** Due, not held, and the policy says remove: the runner removes it now. */
        public boolean removableAt(Instant now) {
            return dueBy(now) && !held && policy.action() == EndAction.REMOVE;
        }

        /** Due, not held, and the policy says review: listed for its owner, never removed automatically. */
        public boolean reviewableAt(Instant now) {
            return dueBy(now) && !held && policy.action() == EndAction.REVIEW;
        }
    }

    private final Iterable<? extends RetentionSweep> sweeps;
    private final RetentionPolicies policies;
    private final LegalHolds holds;

    public RetentionSchedule(Iterable<? extends RetentionSweep> sweeps, RetentionPolicies policies, LegalHolds holds) {
        this.sweeps = Objects.requireNonNull(sweeps, "sweeps");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.holds = Objects.requireNonNull(holds, "holds");
    }

    /** Every candidate of every category, due or not, held or not, soonest first. */
    public List<Entry> entries(Instant now) {
        List<Entry> entries = new ArrayList<>();
        for (RetentionSweep sweep : sweeps) {
            RetentionPolicy policy = policies.current(sweep.category());
            for (RemovalCandidate candidate : sweep.candidates(policy, now)) {
                boolean held = candidate.holdTarget() != null && holds.isHeld(candidate.holdTarget());
                entries.add(new Entry(candidate, policy, held));
            }
        }
        entries.sort(Comparator.comparing(Entry::dueAt).thenComparing(e -> e.category().name())
                .thenComparing(e -> e.candidate().id()));
        return List.copyOf(entries);
    }

    /** The entries of one category only (its sweep alone is asked), soonest first. */
    public List<Entry> entries(RetentionCategory category, Instant now) {
        RetentionSweep sweep = sweepFor(category);
        RetentionPolicy policy = policies.current(category);
        return sweep.candidates(policy, now).stream()
                .map(candidate -> new Entry(candidate, policy,
                        candidate.holdTarget() != null && holds.isHeld(candidate.holdTarget())))
                .sorted(Comparator.comparing(Entry::dueAt).thenComparing(e -> e.candidate().id()))
                .toList();
    }

    /** What the runner removes now of one category: due, not held, under a REMOVE policy. */
    public List<Entry> due(RetentionCategory category, Instant now) {
        return entries(category, now).stream().filter(e -> e.removableAt(now)).toList();
    }

    /** At most {@code limit} entries still to come or due (the page's "what will be removed next"). */
    public List<Entry> next(Instant now, int limit) {
        return entries(now).stream().limit(limit).toList();
    }

    /** What the runner removes now: due, not held, under a REMOVE policy. */
    public List<Entry> due(Instant now) {
        return entries(now).stream().filter(e -> e.removableAt(now)).toList();
    }

    /** What is due for its owner's review (REVIEW policies), not held. */
    public List<Entry> dueForReview(Instant now) {
        return entries(now).stream().filter(e -> e.reviewableAt(now)).toList();
    }

    /** The sweep that removes {@code candidate}'s category (the runner calls its {@code remove}). */
    public RetentionSweep sweepFor(RetentionCategory category) {
        for (RetentionSweep sweep : sweeps) {
            if (sweep.category() == category) {
                return sweep;
            }
        }
        throw new IllegalArgumentException("no sweep for " + category);
    }
}
