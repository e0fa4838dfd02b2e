package uk.gov.inspectorates.portal.core.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.DurationUnit;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.EndAction;

class RetentionScheduleTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");

    private static RetentionSweep sweep(RetentionCategory category, RemovalCandidate... candidates) {
        return new RetentionSweep() {
            @Override
            public RetentionCategory category() {
                return category;
            }

            @Override
            public List<RemovalCandidate> candidates(RetentionPolicy policy, Instant now) {
                return List.of(candidates);
            }

            @Override
            public void remove(RemovalCandidate candidate, Remover remover) {
                throw new AssertionError("the schedule never removes");
            }
        };
    }

    private static RemovalCandidate candidate(RetentionCategory category, String id, Instant due, HoldTarget hold) {
        return new RemovalCandidate(category, "THING", id, "thing " + id, due, hold);
    }

    private final RemovalCandidate dueInspection = candidate(RetentionCategory.JTAI_AFTER_CLOSURE, "i-1",
            NOW.minusSeconds(60), HoldTarget.inspection("i-1"));
    private final RemovalCandidate heldInspection = candidate(RetentionCategory.JTAI_AFTER_CLOSURE, "i-2",
            NOW.minusSeconds(120), HoldTarget.inspection("i-2"));
    private final RemovalCandidate laterDraft = candidate(RetentionCategory.SHARE_DRAFTS, "d-1",
            NOW.plusSeconds(3600), null);
    private final RemovalCandidate dueAudit = candidate(RetentionCategory.AUDIT_EVENTS, "before-2023",
            NOW.minusSeconds(10), null);

    private final RetentionPolicies policies = category -> category == RetentionCategory.AUDIT_EVENTS
            ? new RetentionPolicy(category, 2557, DurationUnit.CALENDAR_DAYS, EndAction.REVIEW, "SIRO")
            : new RetentionPolicy(category, 0, DurationUnit.CALENDAR_DAYS, EndAction.REMOVE, "admin");
    private final LegalHolds holds = target -> Set.of(HoldTarget.inspection("i-2")).contains(target);

    private final RetentionSchedule schedule = new RetentionSchedule(List.of(
            sweep(RetentionCategory.SHARE_DRAFTS, laterDraft),
            sweep(RetentionCategory.JTAI_AFTER_CLOSURE, dueInspection, heldInspection),
            sweep(RetentionCategory.AUDIT_EVENTS, dueAudit)), policies, holds);

    @Test
    void theDryRunListsEveryCandidateSoonestFirstWithItsHoldAndAction() {
        List<RetentionSchedule.Entry> entries = schedule.entries(NOW);

        assertEquals(List.of("i-2", "i-1", "before-2023", "d-1"),
                entries.stream().map(e -> e.candidate().id()).toList());
        assertTrue(entries.get(0).held());
        assertFalse(entries.get(1).held());
        assertEquals(EndAction.REVIEW, entries.get(2).action());
        assertFalse(entries.get(3).dueBy(NOW));
    }

    @Test
    void aHeldCandidateIsNeverDue() {
        assertEquals(List.of("i-1"), schedule.due(NOW).stream().map(e -> e.candidate().id()).toList());
    }

    @Test
    void aReviewPolicyPutsItsCandidatesUpForReviewNotRemoval() {
        assertEquals(List.of("before-2023"),
                schedule.dueForReview(NOW).stream().map(e -> e.candidate().id()).toList());
    }

    @Test
    void whatIsNotYetDueIsListedButNotRemoved() {
        assertTrue(schedule.due(NOW.minusSeconds(3600 * 24)).isEmpty());
        assertTrue(schedule.due(NOW).stream().noneMatch(e -> e.candidate().id().equals("d-1")));
        assertTrue(schedule.due(NOW.plusSeconds(7200)).stream().anyMatch(e -> e.candidate().id().equals("d-1")));
    }

    @Test
    void oneCategoryIsAskedOnItsOwn() {
        assertEquals(List.of("i-1"), schedule.due(RetentionCategory.JTAI_AFTER_CLOSURE, NOW).stream()
                .map(e -> e.candidate().id()).toList());
        assertEquals(2, schedule.entries(RetentionCategory.JTAI_AFTER_CLOSURE, NOW).size());
        assertTrue(schedule.due(RetentionCategory.SHARE_DRAFTS, NOW).isEmpty());
    }

    @Test
    void theSweepOfACategoryIsFound() {
        assertEquals(RetentionCategory.AUDIT_EVENTS, schedule.sweepFor(RetentionCategory.AUDIT_EVENTS).category());
    }
}
