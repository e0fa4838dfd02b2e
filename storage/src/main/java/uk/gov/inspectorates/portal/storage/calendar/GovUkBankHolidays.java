package uk.gov.inspectorates.portal.storage.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import uk.gov.inspectorates.portal.core.calendar.BankHolidays;
import uk.gov.inspectorates.portal.core.calendar.DateBeyondCalendar;

/**
 * England and Wales bank holidays from GOV.UK's list, shipped with the portal as a text file (one
 * {@code date<TAB>title} a line, {@code # key: value} headers) and refreshed by {@code scripts/update-bank-holidays}.
 * The file's {@code covered-from} and {@code covered-until} headers bound what it may be asked; a file that does not
 * hold together (a covered year without its bank holidays, a date outside the span or at a weekend) is refused at
 * start-up rather than giving wrong working days later.
 */
public final class GovUkBankHolidays implements BankHolidays {

    /** The list the portal ships. */
    public static final String RESOURCE = "/uk/gov/inspectorates/portal/storage/calendar/england-and-wales-bank-holidays.txt";

    /** Fewer than the eight yearly bank holidays of England and Wales means a year is missing from the file. */
    private static final int BANK_HOLIDAYS_A_YEAR = 8;

    private final LocalDate firstCovered;
    private final LocalDate lastCovered;
    private final String source;
    private final NavigableMap<LocalDate, String> holidays;

    private GovUkBankHolidays(LocalDate firstCovered, LocalDate lastCovered, String source,
                              NavigableMap<LocalDate, String> holidays) {
        this.firstCovered = firstCovered;
        this.lastCovered = lastCovered;
        this.source = source;
        this.holidays = Collections.unmodifiableNavigableMap(holidays);
    }

    /** The list shipped with the portal. */
    public static GovUkBankHolidays shipped() {
        try (InputStream in = GovUkBankHolidays.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bank holiday list " + RESOURCE + " is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bank holiday list " + RESOURCE, e);
        }
    }

    /**
     * Reads a list in the shipped format.
     *
     * @throws IllegalStateException naming the problem when the list does not hold together
     */
    public static GovUkBankHolidays parse(List<String> lines) {
        LocalDate from = null;
        LocalDate until = null;
        String source = null;
        NavigableMap<LocalDate, String> holidays = new TreeMap<>();
        int number = 0;
        for (String line : lines) {
            number++;
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("#")) {
                String header = text.substring(1).strip();
                if (header.startsWith("covered-from:")) {
                    from = date(header.substring("covered-from:".length()).strip(), number);
                } else if (header.startsWith("covered-until:")) {
                    until = date(header.substring("covered-until:".length()).strip(), number);
                } else if (header.startsWith("source:")) {
                    source = header.substring("source:".length()).strip();
                }
                continue;
            }
            String[] fields = text.split("\t", 2);
            LocalDate date = date(fields[0].strip(), number);
            String title = fields.length > 1 ? fields[1].strip() : "";
            if (title.isEmpty()) {
                throw invalid("line " + number + ": " + date + " has no title");
            }
            if (holidays.put(date, title) != null) {
                throw invalid("line " + number + ": " + date + " is listed twice");
            }
        }
        if (from == null || until == null) {
            throw invalid("the covered-from and covered-until headers are required");
        }
        check(from, until, holidays);
        return new GovUkBankHolidays(from, until, source == null ? "unknown" : source, holidays);
    }

    private static void check(LocalDate from, LocalDate until, NavigableMap<LocalDate, String> holidays) {
        if (from.getDayOfYear() != 1 || until.getMonth() != Month.DECEMBER || until.getDayOfMonth() != 31
                || until.isBefore(from)) {
            throw invalid("the list must cover whole years (1 January to 31 December): " + from + " to " + until);
        }
        for (Map.Entry<LocalDate, String> holiday : holidays.entrySet()) {
            LocalDate date = holiday.getKey();
            if (date.isBefore(from) || date.isAfter(until)) {
                throw invalid(date + " lies outside the covered span " + from + " to " + until);
            }
            if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                throw invalid(date + " (" + holiday.getValue() + ") falls at a weekend: bank holidays are weekdays");
            }
        }
        for (int year = from.getYear(); year <= until.getYear(); year++) {
            int listed = holidays.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true).size();
            if (listed < BANK_HOLIDAYS_A_YEAR) {
                throw invalid(year + " is covered but lists " + listed + " bank holidays (England and Wales has at"
                        + " least " + BANK_HOLIDAYS_A_YEAR + "): was covered-until raised without the dates?");
            }
        }
    }

    private static LocalDate date(String text, int line) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid("line " + line + ": '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static IllegalStateException invalid(String problem) {
        return new IllegalStateException("The bank holiday list " + RESOURCE + " is not usable: " + problem);
    }

    @Override
    public boolean covers(LocalDate date) {
        return !date.isBefore(firstCovered) && !date.isAfter(lastCovered);
    }

    @Override
    public LocalDate firstCovered() {
        return firstCovered;
    }

    @Override
    public LocalDate lastCovered() {
        return lastCovered;
    }

    @Override
    public boolean isBankHoliday(LocalDate date) {
        if (!covers(date)) {
            throw new DateBeyondCalendar(date, firstCovered, lastCovered);
        }
        return holidays.containsKey(date);
    }

    /** Every listed bank holiday with its title, in date order. */
    public NavigableMap<LocalDate, String> holidays() {
        return holidays;
    }

    /** Where the list came from (its {@code source} header). */
    public String source() {
        return source;
    }
}
