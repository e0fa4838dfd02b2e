package uk.gov.inspectorates.portal.core.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.DurationUnit;
import uk.gov.inspectorates.portal.core.shared.ConflictUnderRule;

/**
 * Audit events are put up for review, never removed (docs/adr/0029): pruning the hash-chained trail waits for the
 * signed checkpoints of issue 18, which keep what remains verifiable. The sweep lists one aggregated candidate: the
 * events whose period has run (or, when none has, the oldest one's due date), and refuses every removal.
 */
public final class AuditEventSweep implements RetentionSweep {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private final AuditEventAges ages;
    private final WorkingDayCalendar calendar;

    public AuditEventSweep(AuditEventAges ages, WorkingDayCalendar calendar) {
        this.ages = Objects.requireNonNull(ages, "ages");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    @Override
    public RetentionCategory category() {
        return RetentionCategory.AUDIT_EVENTS;
    }

    @Override
    public List<RemovalCandidate> candidates(RetentionPolicy policy, Instant now) {
        Optional<Instant> oldest = ages.oldest();
        if (oldest.isEmpty()) {
            return List.of();
        }
        Instant firstDue = policy.endsAfter(oldest.get(), calendar);
        if (firstDue.isAfter(now)) {
            return List.of(new RemovalCandidate(category(), "AUDIT_EVENTS", "from-" + day(oldest.get()),
                    "audit events from " + day(oldest.get()) + " on: the oldest is due for review on "
                            + day(firstDue), firstDue, null));
        }
        Instant cutoff = recordedBeforeIsDue(policy, now, calendar);
        long due = ages.countBefore(cutoff);
        return List.of(new RemovalCandidate(category(), "AUDIT_EVENTS", "before-" + cutoff,
                due + " audit events recorded before " + day(cutoff) + ", due for review", firstDue, null));
    }

    @Override
    public void remove(RemovalCandidate candidate, Remover remover) {
        throw new ConflictUnderRule(RetentionMinimums.AUDIT_REVIEW_ONLY, "Audit events are reviewed, never removed "
                + "automatically, until signed checkpoints keep a pruned trail verifiable");
    }

    /** The moment before which every event's period has run by {@code now}. */
    static Instant recordedBeforeIsDue(RetentionPolicy policy, Instant now, WorkingDayCalendar calendar) {
        ZoneId uk = WorkingDayCalendar.UK;
        if (policy.unit() == DurationUnit.CALENDAR_DAYS) {
            // one microsecond on: the database keeps microseconds, and an event recorded at the very instant is due
            return now.atZone(uk).minusDays(policy.amount()).toInstant().plusNanos(1000);
        }
        // a working-day period ends with the day its start falls on: find the last start day already over
        LocalDate today = now.atZone(uk).toLocalDate();
        LocalDate low = today.minusDays(2L * policy.amount() + 30);
        if (low.isBefore(calendar.firstCovered())) {
            low = calendar.firstCovered();
        }
        LocalDate high = today;
        if (endsBy(policy, low, now, calendar)) {
            while (low.isBefore(high)) {
                LocalDate middle = low.plusDays((high.toEpochDay() - low.toEpochDay() + 1) / 2);
                if (endsBy(policy, middle, now, calendar)) {
                    low = middle;
                } else {
                    high = middle.minusDays(1);
                }
            }
            return low.plusDays(1).atStartOfDay(uk).toInstant();
        }
        return low.atStartOfDay(uk).toInstant();
    }

    private static boolean endsBy(RetentionPolicy policy, LocalDate start, Instant now,
                                  WorkingDayCalendar calendar) {
        return !policy.endsAfter(start.atStartOfDay(WorkingDayCalendar.UK).toInstant(), calendar).isAfter(now);
    }

    private static String day(Instant instant) {
        return DAY.format(instant.atZone(WorkingDayCalendar.UK).toLocalDate());
    }
}
