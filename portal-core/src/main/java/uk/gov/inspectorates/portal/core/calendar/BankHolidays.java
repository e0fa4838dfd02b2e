package uk.gov.inspectorates.portal.core.calendar;

import java.time.LocalDate;

/**
 * The England and Wales bank holidays (Christmas, Boxing Day and their substitute days, and one-off holidays
 * included) over the span of dates the source knows. Asking about a date outside that span is an error
 * ({@link DateBeyondCalendar}), never a guess: a one-off holiday proclaimed later would silently be missed.
 */
public interface BankHolidays {

    /** Whether the source knows the bank holidays of this date's year, i.e. the date lies in the covered span. */
    boolean covers(LocalDate date);

    /** The first date the source covers. */
    LocalDate firstCovered();

    /** The last date the source covers. */
    LocalDate lastCovered();

    /**
     * Whether the date is a bank holiday in England and Wales.
     *
     * @throws DateBeyondCalendar when the date lies outside the covered span
     */
    boolean isBankHoliday(LocalDate date);
}
