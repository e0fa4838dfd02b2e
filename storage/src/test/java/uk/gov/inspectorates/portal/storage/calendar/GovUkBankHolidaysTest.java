package uk.gov.inspectorates.portal.storage.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.calendar.DateBeyondCalendar;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;

/**
 * The shipped list: every covered year agrees date for date with an independent source (jollyday's England
 * calendar), the one-off and substitute days are there, and a list that does not hold together is refused.
 */
class GovUkBankHolidaysTest {

    private static final GovUkBankHolidays SHIPPED = GovUkBankHolidays.shipped();

    @Test
    void coversWholeYearsUpToAConfiguredLastDate() {
        assertEquals(LocalDate.of(2019, 1, 1), SHIPPED.firstCovered());
        assertEquals(LocalDate.of(2028, 12, 31), SHIPPED.lastCovered());
        assertEquals("https://www.gov.uk/bank-holidays.json", SHIPPED.source());
    }

    @Test
    void everyCoveredYearAgreesWithJollydaysEnglandCalendar() {
        HolidayManager jollyday = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
        List<String> differences = new ArrayList<>();
        for (int year = SHIPPED.firstCovered().getYear(); year <= SHIPPED.lastCovered().getYear(); year++) {
            Set<LocalDate> theirs = jollyday.getHolidays(Year.of(year), "eng").stream()
                    .map(holiday -> holiday.getObservedDate().orElse(holiday.getActualDate()))
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<LocalDate> ours = new TreeSet<>(SHIPPED.holidays().subMap(LocalDate.of(year, 1, 1), true,
                    LocalDate.of(year, 12, 31), true).keySet());
            if (!ours.equals(theirs)) {
                differences.add(year + ": list " + ours + ", jollyday " + theirs);
            }
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void holdsTheOneOffAndSubstituteDays() {
        for (String date : List.of("2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08",
                "2026-12-28", "2027-12-27", "2027-12-28", "2028-01-03")) {
            assertTrue(SHIPPED.isBankHoliday(LocalDate.parse(date)), date);
        }
        assertFalse(SHIPPED.isBankHoliday(LocalDate.of(2020, 5, 4)), "moved to VE day, 8 May 2020");
        assertFalse(SHIPPED.isBankHoliday(LocalDate.of(2022, 5, 30)), "moved to 2 June 2022");
    }

    @Test
    void aDateOutsideTheListIsRefusedNamingIt() {
        DateBeyondCalendar refused = assertThrows(DateBeyondCalendar.class,
                () -> SHIPPED.isBankHoliday(LocalDate.of(2029, 1, 1)));
        assertEquals(LocalDate.of(2029, 1, 1), refused.date());
        assertThrows(DateBeyondCalendar.class, () -> SHIPPED.isBankHoliday(LocalDate.of(2018, 12, 31)));
    }

    @Test
    void drivesTheWorkingDayCalendar() {
        WorkingDayCalendar calendar = new WorkingDayCalendar(SHIPPED);

        assertEquals(LocalDate.of(2027, 12, 29), calendar.plusWorkingDays(LocalDate.of(2027, 12, 24), 1));
    }

    @Test
    void refusesAListWhoseLastDateWasRaisedWithoutTheDatesOfTheYearItAdds() {
        List<String> lines = new ArrayList<>(shippedLines());
        lines.replaceAll(line -> line.equals("# covered-until: 2028-12-31") ? "# covered-until: 2029-12-31" : line);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> GovUkBankHolidays.parse(lines));
        assertTrue(refused.getMessage().contains("2029 is covered but lists 0"), refused.getMessage());
    }

    @Test
    void refusesAListWithoutItsCoveredSpanOrWithDatesThatCannotBeBankHolidays() {
        List<String> noSpan = shippedLines().stream().filter(line -> !line.startsWith("# covered-until")).toList();
        assertThrows(IllegalStateException.class, () -> GovUkBankHolidays.parse(noSpan));

        List<String> weekend = new ArrayList<>(shippedLines());
        weekend.add("2027-12-25\tChristmas Day");
        assertTrue(assertThrows(IllegalStateException.class, () -> GovUkBankHolidays.parse(weekend)).getMessage()
                .contains("falls at a weekend"));

        List<String> outside = new ArrayList<>(shippedLines());
        outside.add("2029-01-01\tNew Year’s Day");
        assertTrue(assertThrows(IllegalStateException.class, () -> GovUkBankHolidays.parse(outside)).getMessage()
                .contains("outside the covered span"));

        List<String> garbled = new ArrayList<>(shippedLines());
        garbled.add("2027-13-01\tNo such day");
        assertTrue(assertThrows(IllegalStateException.class, () -> GovUkBankHolidays.parse(garbled)).getMessage()
                .contains("is not a date"));
    }

    @Test
    void refusesAListMissingAYearInTheMiddle() {
        List<String> lines = shippedLines().stream().filter(line -> !line.startsWith("2024-")).toList();

        assertTrue(assertThrows(IllegalStateException.class, () -> GovUkBankHolidays.parse(lines)).getMessage()
                .contains("2024 is covered but lists 0"));
    }

    private static List<String> shippedLines() {
        try (var in = GovUkBankHolidays.class.getResourceAsStream(GovUkBankHolidays.RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
