package uk.gov.inspectorates.portal.core.removal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.retention.RemovalCandidate;
import uk.gov.inspectorates.portal.core.retention.Remover;
import uk.gov.inspectorates.portal.core.retention.RetentionCategory;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy;
import uk.gov.inspectorates.portal.core.retention.RetentionSweep;

/** One category's due removals between runs: what the run would remove of it, named as the run names it. */
class RetentionRunTest {

    private static final Instant NOW = Instant.parse("2030-05-01T12:00:00Z");

    /** A sweep that records what it is asked to remove and fails for the ids it is told to. */
    private static final class Sweep implements RetentionSweep {
        private final RetentionCategory category;
        private final List<RemovalCandidate> candidates;
        private final Set<String> failing;
        private final List<String> removed = new ArrayList<>();

        Sweep(RetentionCategory category, Set<String> failing, RemovalCandidate... candidates) {
            this.category = category;
            this.candidates = List.of(candidates);
            this.failing = failing;
        }

        @Override
        public RetentionCategory category() {
            return category;
        }

        @Override
        public List<RemovalCandidate> candidates(RetentionPolicy policy, Instant now) {
            return candidates;
        }

        @Override
        public void remove(RemovalCandidate candidate, Remover remover) {
            if (failing.contains(candidate.id())) {
                throw new IllegalStateException("store down");
            }
            removed.add(candidate.id() + " by " + remover.policy());
        }
    }

    private static RemovalCandidate candidate(RetentionCategory category, String id, Instant dueAt) {
        return new RemovalCandidate(category, "UPLOAD", id, "an unfinished upload", dueAt, null);
    }

    /** Removal records are the run's business for scopes; one category's aged records never reach them. */
    private static final Removals NO_REMOVAL_RECORDS = (Removals) Proxy.newProxyInstance(
            Removals.class.getClassLoader(), new Class<?>[] {Removals.class}, (proxy, method, args) -> {
                throw new AssertionError("removal records asked: " + method.getName());
            });

    @Test
    void oneCategorysDueCandidatesAreRemovedByItsPolicyAndAFailureDoesNotStopTheOthers() {
        RetentionCategory uploads = RetentionCategory.RESUMABLE_UPLOADS;
        Sweep uploadSweep = new Sweep(uploads, Set.of("u-broken"),
                candidate(uploads, "u-old", NOW.minusSeconds(3600)),
                candidate(uploads, "u-broken", NOW.minusSeconds(60)),
                candidate(uploads, "u-due-now", NOW),
                candidate(uploads, "u-tomorrow", NOW.plusSeconds(86_400)));
        Sweep drafts = new Sweep(RetentionCategory.SHARE_DRAFTS, Set.of(),
                candidate(RetentionCategory.SHARE_DRAFTS, "d-old", NOW.minusSeconds(3600)));
        RetentionRun run = new RetentionRun(List.of(uploadSweep, drafts),
                category -> new RetentionPolicy(category, 1, RetentionPolicy.DurationUnit.CALENDAR_DAYS,
                        RetentionPolicy.EndAction.REMOVE, "operators"),
                target -> false, NO_REMOVAL_RECORDS, Clock.fixed(NOW, ZoneOffset.UTC));

        assertEquals(2, run.removeDue(uploads));

        assertEquals(List.of("u-old by retention:RESUMABLE_UPLOADS", "u-due-now by retention:RESUMABLE_UPLOADS"),
                uploadSweep.removed);
        assertEquals(List.of(), drafts.removed, "only the category asked for");
    }

    @Test
    void nothingIsRemovedUnderAReviewPolicy() {
        RetentionCategory uploads = RetentionCategory.RESUMABLE_UPLOADS;
        Sweep uploadSweep = new Sweep(uploads, Set.of(), candidate(uploads, "u-old", NOW.minusSeconds(3600)));
        RetentionRun run = new RetentionRun(List.of(uploadSweep),
                category -> new RetentionPolicy(category, 1, RetentionPolicy.DurationUnit.CALENDAR_DAYS,
                        RetentionPolicy.EndAction.REVIEW, "operators"),
                target -> false, NO_REMOVAL_RECORDS, Clock.fixed(NOW, ZoneOffset.UTC));

        assertEquals(0, run.removeDue(uploads));
        assertEquals(List.of(), uploadSweep.removed);
    }
}
