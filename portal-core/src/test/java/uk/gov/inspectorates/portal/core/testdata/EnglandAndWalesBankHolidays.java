package uk.gov.inspectorates.portal.core.testdata;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.gov.inspectorates.portal.core.calendar.BankHolidays;
import uk.gov.inspectorates.portal.core.calendar.DateBeyondCalendar;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;

/**
 * The England and Wales bank holidays of 2019 to 2028 for unit tests of the core (the portal reads its list
 * through the storage adapter; that list is checked against an independent source there).
 */
public final class EnglandAndWalesBankHolidays implements BankHolidays {

    private static final LocalDate FIRST = LocalDate.of(2019, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2028, 12, 31);

    private static final Set<LocalDate> DATES = Stream.of(
            "2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25",
            "2019-12-26",
            "2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25",
            "2020-12-28",
            "2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27",
            "2021-12-28",
            "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29",
            "2022-09-19", "2022-12-26", "2022-12-27",
            "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28",
            "2023-12-25", "2023-12-26",
            "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25",
            "2024-12-26",
            "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25",
            "2025-12-26",
            "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25",
            "2026-12-28",
            "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27",
            "2027-12-28",
            "2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25",
            "2028-12-26")
            .map(LocalDate::parse).collect(Collectors.toUnmodifiableSet());

    public static WorkingDayCalendar calendar() {
        return new WorkingDayCalendar(new EnglandAndWalesBankHolidays());
    }

    @Override
    public boolean covers(LocalDate date) {
        return !date.isBefore(FIRST) && !date.isAfter(LAST);
    }

    @Override
    public LocalDate firstCovered() {
        return FIRST;
    }

    @Override
    public LocalDate lastCovered() {
        return LAST;
    }

    @Override
    public boolean isBankHoliday(LocalDate date) {
        if (!covers(date)) {
            throw new DateBeyondCalendar(date, FIRST, LAST);
        }
        return DATES.contains(date);
    }
}
