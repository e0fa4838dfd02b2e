package uk.gov.inspectorates.portal.core.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.DurationUnit;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.EndAction;
import uk.gov.inspectorates.portal.core.shared.ConflictUnderRule;
import uk.gov.inspectorates.portal.core.testdata.EnglandAndWalesBankHolidays;

class AuditEventSweepTest {

    private static final WorkingDayCalendar CALENDAR = EnglandAndWalesBankHolidays.calendar();
    private final List<Instant> recorded = new ArrayList<>();
    private final AuditEventAges ages = new AuditEventAges() {
        @Override
        public Optional<Instant> oldest() {
            return recorded.stream().min(Instant::compareTo);
        }

        @Override
        public long countBefore(Instant before) {
            return recorded.stream().filter(at -> at.isBefore(before)).count();
        }
    };
    private final AuditEventSweep sweep = new AuditEventSweep(ages, CALENDAR);

    private static RetentionPolicy workingDays(int amount) {
        return new RetentionPolicy(RetentionCategory.AUDIT_EVENTS, amount, DurationUnit.WORKING_DAYS,
                EndAction.REVIEW, "SIRO");
    }

    @Test
    void inWorkingDaysTheEventsOfEveryDayWhosePeriodHasRunAreCounted() {
        RetentionPolicy policy = workingDays(5);
        for (LocalDate day = LocalDate.of(2027, 1, 7); day.isBefore(LocalDate.of(2027, 1, 21)); day = day.plusDays(1)) {
            recorded.add(day.atTime(12, 0).atZone(WorkingDayCalendar.UK).toInstant());
        }
        for (int i = 0; i < 14; i++) {
            LocalDate start = LocalDate.of(2027, 1, 7).plusDays(i);
            Instant end = policy.endsAfter(start.atTime(12, 0).atZone(WorkingDayCalendar.UK).toInstant(), CALENDAR);
            long expected = recorded.stream().filter(at -> !policy.endsAfter(at, CALENDAR).isAfter(end)).count();
            List<RemovalCandidate> candidates = sweep.candidates(policy, end);
            assertEquals(1, candidates.size());
            assertTrue(candidates.get(0).description().startsWith(expected + " audit events"),
                    start + ": " + candidates.get(0).description());
        }
    }

    @Test
    void beforeAnyIsDueTheOldestsDueDateIsListed() {
        recorded.add(Instant.parse("2027-01-07T12:00:00Z"));
        List<RemovalCandidate> candidates = sweep.candidates(workingDays(5), Instant.parse("2027-01-08T12:00:00Z"));
        assertEquals(1, candidates.size());
        assertTrue(candidates.get(0).id().startsWith("from-"));
        assertTrue(sweep.candidates(workingDays(5), Instant.parse("2027-01-08T12:00:00Z")).get(0).dueAt()
                .isAfter(Instant.parse("2027-01-08T12:00:00Z")));
    }

    @Test
    void nothingIsEverRemoved() {
        ConflictUnderRule refused = assertThrows(ConflictUnderRule.class, () -> sweep.remove(new RemovalCandidate(
                RetentionCategory.AUDIT_EVENTS, "AUDIT_EVENTS", "x", "x", Instant.EPOCH, null),
                Remover.policy("AUDIT_EVENTS")));
        assertEquals(RetentionMinimums.AUDIT_REVIEW_ONLY, refused.rule());
        assertTrue(sweep.candidates(workingDays(5), Instant.now()).isEmpty(), "an empty trail has no candidate");
    }
}
