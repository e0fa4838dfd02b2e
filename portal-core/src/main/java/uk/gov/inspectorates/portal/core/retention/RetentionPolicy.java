package uk.gov.inspectorates.portal.core.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;

/**
 * How long one category of data is kept (an amount of working or calendar days), what happens at the end (removal, or
 * a review by its owner first), and who owns the policy (a role or team named in words, e.g. "Ofsted SIRO").
 */
public record RetentionPolicy(RetentionCategory category, int amount, DurationUnit unit, EndAction action,
                              String owner) {

    public enum DurationUnit { WORKING_DAYS, CALENDAR_DAYS }

    public enum EndAction {
        /** Removed automatically when the period has run. */
        REMOVE,
        /** Listed for its owner's review when the period has run; nothing is removed automatically. */
        REVIEW
    }

    public RetentionPolicy {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(owner, "owner");
        if (amount < 0) {
            throw new IllegalArgumentException("a retention period is not negative");
        }
    }

    /**
     * When the period that started at {@code start} ends: calendar days later at the same UK local time; or, in
     * working days, at the end (UK midnight) of the {@code amount}-th working day after the start's UK date (the
     * start's own day when the amount is 0).
     */
    public Instant endsAfter(Instant start, WorkingDayCalendar calendar) {
        ZonedDateTime local = start.atZone(WorkingDayCalendar.UK);
        if (unit == DurationUnit.CALENDAR_DAYS) {
            return local.plusDays(amount).toInstant();
        }
        LocalDate last = amount == 0 ? local.toLocalDate() : calendar.plusWorkingDays(local.toLocalDate(), amount);
        return last.plusDays(1).atStartOfDay(WorkingDayCalendar.UK).toInstant();
    }
}
