package uk.gov.inspectorates.portal.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.testdata.EnglandAndWalesBankHolidays;

class WorkingDayCalendarTest {

    private final BankHolidays holidays = new EnglandAndWalesBankHolidays();
    private final WorkingDayCalendar calendar = new WorkingDayCalendar(holidays);

    @Test
    void weekdaysAreWorkingDaysAndWeekendsAreNot() {
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 12, 4)));   // Friday
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 12, 5)));  // Saturday
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 12, 6)));  // Sunday
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 12, 7)));   // Monday
    }

    @ParameterizedTest(name = "{0} ({1}) is not a working day")
    @CsvSource({
        "2020-05-08, VE Day 75th anniversary (moved from 4 May)",
        "2022-06-02, spring bank holiday moved for the Platinum Jubilee",
        "2022-06-03, Platinum Jubilee",
        "2022-09-19, State Funeral of Queen Elizabeth II",
        "2023-05-08, Coronation of King Charles III",
        "2026-12-28, Boxing Day substitute (26 December 2026 is a Saturday)",
        "2027-12-27, Christmas Day substitute (25 December 2027 is a Saturday)",
        "2027-12-28, Boxing Day substitute (26 December 2027 is a Sunday)",
        "2028-01-03, New Year's Day substitute (1 January 2028 is a Saturday)",
        "2027-03-26, Good Friday",
        "2027-03-29, Easter Monday",
        "2027-05-31, spring bank holiday",
    })
    void bankHolidaysIncludingSubstituteAndOneOffDaysAreNotWorkingDays(LocalDate date, String why) {
        assertFalse(calendar.isWorkingDay(date), why);
    }

    @Test
    void theOrdinaryMondayAfterAOneOffIsAWorkingDayAgain() {
        assertTrue(calendar.isWorkingDay(LocalDate.of(2020, 5, 4)), "the early May bank holiday moved to 8 May 2020");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2022, 5, 30)), "the spring bank holiday moved to 2 June 2022");
    }

    @ParameterizedTest(name = "the working day after {0} is {1}")
    @CsvSource({
        "2026-12-24, 2026-12-29, Christmas on a Friday, Boxing Day substitute on Monday",
        "2027-12-24, 2027-12-29, Christmas and Boxing Day both at the weekend: two substitute days",
        "2022-12-23, 2022-12-28, Christmas on a Sunday: Boxing Day Monday, Christmas substitute Tuesday",
        "2026-12-31, 2027-01-04, New Year's Day on a Friday",
        "2027-12-31, 2028-01-04, New Year's Day on a Saturday: substitute Monday",
        "2027-03-25, 2027-03-30, Good Friday and Easter Monday",
        "2027-05-28, 2027-06-01, spring bank holiday",
        "2026-12-04, 2026-12-07, an ordinary weekend",
    })
    void theNextWorkingDaySkipsWeekendsAndBankHolidays(LocalDate from, LocalDate expected, String why) {
        assertEquals(expected, calendar.plusWorkingDays(from, 1), why);
    }

    @Test
    void dayZeroIsTheStartingDateWhateverItIs() {
        LocalDate saturday = LocalDate.of(2026, 12, 5);

        assertEquals(saturday, calendar.plusWorkingDays(saturday, 0));
        assertEquals(LocalDate.of(2026, 12, 7), calendar.plusWorkingDays(saturday, 1));
    }

    @Test
    void countsBackwardsToo() {
        assertEquals(LocalDate.of(2026, 12, 24), calendar.plusWorkingDays(LocalDate.of(2026, 12, 29), -1));
    }

    @Test
    void countsTheWorkingDaysBetweenTwoDatesAcrossChristmasAndNewYear() {
        LocalDate christmasEve = LocalDate.of(2026, 12, 24);
        LocalDate firstMondayOfJanuary = LocalDate.of(2027, 1, 4);

        // 29, 30, 31 December and 4 January
        assertEquals(4, calendar.workingDaysBetween(christmasEve, firstMondayOfJanuary));
        assertEquals(-4, calendar.workingDaysBetween(firstMondayOfJanuary, christmasEve));
        assertEquals(0, calendar.workingDaysBetween(christmasEve, christmasEve));
    }

    @Test
    void aDatePastTheEndOfTheListIsAnErrorNamingTheDateNeverAGuess() {
        LocalDate beyond = LocalDate.of(2029, 1, 2);

        DateBeyondCalendar refused = assertThrows(DateBeyondCalendar.class, () -> calendar.isWorkingDay(beyond));

        assertEquals(beyond, refused.date());
        assertTrue(refused.getMessage().contains("2029-01-02"), refused.getMessage());
        assertTrue(refused.getMessage().contains("31 December 2028"), refused.getMessage());
        assertTrue(refused instanceof InvalidInput, "shown to an API caller as 422");
    }

    @Test
    void countingThatRunsPastTheEndOfTheListFailsWithTheFirstUnknownDate() {
        LocalDate lastFriday = LocalDate.of(2028, 12, 29);

        DateBeyondCalendar refused = assertThrows(DateBeyondCalendar.class,
                () -> calendar.plusWorkingDays(lastFriday, 2));

        assertEquals(LocalDate.of(2029, 1, 1), refused.date());
        assertThrows(DateBeyondCalendar.class,
                () -> calendar.workingDaysBetween(lastFriday, LocalDate.of(2029, 1, 5)));
    }

    @Test
    void aDateBeforeTheStartOfTheListIsAnErrorToo() {
        assertThrows(DateBeyondCalendar.class, () -> calendar.isWorkingDay(LocalDate.of(2018, 12, 31)));
    }

    @Test
    void everyWorkingDayIsAWeekdayThatIsNotABankHoliday() {
        int workingDays = 0;
        for (LocalDate date = holidays.firstCovered(); !date.isAfter(holidays.lastCovered());
                date = date.plusDays(1)) {
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            assertEquals(!weekend && !holidays.isBankHoliday(date), calendar.isWorkingDay(date), date.toString());
            workingDays += calendar.isWorkingDay(date) ? 1 : 0;
        }
        assertTrue(workingDays > 2_400 && workingDays < 2_560, "about 252 working days a year: " + workingDays);
    }

    @Test
    void addingWorkingDaysIsStrictlyMonotonicLandsOnWorkingDaysAndInvertsCounting() {
        Random random = new Random(16);
        for (int i = 0; i < 200; i++) {
            LocalDate from = holidays.firstCovered().plusDays(random.nextInt(3_000));
            LocalDate previous = from;
            for (int n = 1; n <= 120; n++) {
                LocalDate date = calendar.plusWorkingDays(from, n);
                assertTrue(date.isAfter(previous), from + " + " + n);
                assertTrue(calendar.isWorkingDay(date), from + " + " + n + " = " + date);
                assertEquals(n, calendar.workingDaysBetween(from, date), from + " + " + n);
                previous = date;
            }
        }
    }
}
