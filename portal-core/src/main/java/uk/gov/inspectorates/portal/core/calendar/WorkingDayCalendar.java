package uk.gov.inspectorates.portal.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Working days in England and Wales: Monday to Friday, bank holidays excluded. Every question about a date the
 * bank holiday list does not cover fails with {@link DateBeyondCalendar}.
 */
public final class WorkingDayCalendar {

    /** The zone every JTAI deadline is stated in: UK local time, GMT in winter and BST in summer. */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    private final BankHolidays bankHolidays;

    public WorkingDayCalendar(BankHolidays bankHolidays) {
        this.bankHolidays = Objects.requireNonNull(bankHolidays);
    }

    public boolean isWorkingDay(LocalDate date) {
        if (!bankHolidays.covers(date)) {
            throw new DateBeyondCalendar(date, bankHolidays.firstCovered(), bankHolidays.lastCovered());
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !bankHolidays.isBankHoliday(date);
    }

    /**
     * The date of working day {@code n} counted from {@code from}, which is day 0 whatever it is: for n &gt; 0 the
     * n-th working day after it, for n &lt; 0 the n-th working day before it.
     */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        int step = n >= 0 ? 1 : -1;
        LocalDate date = from;
        for (int remaining = Math.abs(n); remaining > 0; ) {
            date = date.plusDays(step);
            if (isWorkingDay(date)) {
                remaining--;
            }
        }
        return date;
    }

    /**
     * The number of working days after {@code a} up to and including {@code b} (negative when b is before a), so
     * that {@code workingDaysBetween(a, plusWorkingDays(a, n)) == n} for every n &gt;= 0.
     */
    public int workingDaysBetween(LocalDate a, LocalDate b) {
        if (b.isBefore(a)) {
            return -workingDaysBetween(b, a);
        }
        int count = 0;
        for (LocalDate date = a.plusDays(1); !date.isAfter(b); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    public LocalDate firstCovered() {
        return bankHolidays.firstCovered();
    }

    public LocalDate lastCovered() {
        return bankHolidays.lastCovered();
    }
}
