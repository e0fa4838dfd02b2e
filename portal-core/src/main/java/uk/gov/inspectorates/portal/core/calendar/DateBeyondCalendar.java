package uk.gov.inspectorates.portal.core.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;

/**
 * A working-day question about a date the bank holiday list does not cover. Shown to a caller as invalid input
 * (422) naming the date, because the answer would otherwise be a guess.
 */
public final class DateBeyondCalendar extends InvalidInput {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final LocalDate date;

    public DateBeyondCalendar(LocalDate date, LocalDate firstCovered, LocalDate lastCovered) {
        super(List.of(new FieldError("date", "The working-day calendar covers " + DAY.format(firstCovered)
                + " to " + DAY.format(lastCovered) + " and cannot say whether " + DAY.format(date) + " ("
                + date + ") is a working day: the bank holiday list needs updating")));
        this.date = date;
    }

    public LocalDate date() {
        return date;
    }
}
