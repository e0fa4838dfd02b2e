package uk.gov.inspectorates.portal.core.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;

/**
 * One step of a JTAI timeline: what is due, on which working day (day 0 = notification) and date, and, where the
 * framework gives a time of day, the instant it is due (UK local time converted to an instant); {@code dueAt} is
 * null where the framework names only the day.
 */
public record Milestone(String key, String title, int workingDay, LocalDate date, Instant dueAt) {

    /** The last second of a UK day: "by the end of the day" is taken as 23:59:59 local time. */
    public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    public Milestone {
        Objects.requireNonNull(key);
        Objects.requireNonNull(title);
        Objects.requireNonNull(date);
    }

    /** When the milestone has passed: its due instant, or the end of its day where it has no time of day. */
    public Instant deadline() {
        return dueAt != null ? dueAt : endOfDay(date);
    }

    public boolean hasPassed(Instant now) {
        return now.isAfter(deadline());
    }

    static Instant endOfDay(LocalDate date) {
        return date.atTime(END_OF_DAY).atZone(WorkingDayCalendar.UK).toInstant();
    }
}
