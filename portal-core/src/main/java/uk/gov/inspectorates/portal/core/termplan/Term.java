package uk.gov.inspectorates.portal.core.termplan;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;

/**
 * A school term: an academic year (September to August, written {@code 2026-27}) and one of its three terms. Written
 * {@code "2026-27 SPRING"} in the API, the audit trail and the database.
 */
public record Term(int startYear, Season season) implements Comparable<Term> {

    public enum Season { AUTUMN, SPRING, SUMMER }

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2098;
    private static final Pattern CODE = Pattern.compile("(\\d{4})-(\\d{2}) ([A-Za-z]+)");
    private static final Comparator<Term> ORDER = Comparator.comparingInt(Term::startYear)
            .thenComparing(Term::season);

    public Term {
        if (season == null) {
            throw new IllegalArgumentException("a term needs its season");
        }
        if (startYear < FIRST_YEAR || startYear > LAST_YEAR) {
            throw new IllegalArgumentException("academic year out of range: " + startYear);
        }
    }

    /** Parses {@code "2026-27 SPRING"} (the term's name in any case); else a 422 on the field {@code term}. */
    public static Term parse(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.of("term", "Choose the term, for example 2026-27 SPRING");
        }
        Matcher matcher = CODE.matcher(text.strip().replaceAll("\\s+", " "));
        if (!matcher.matches()) {
            throw InvalidInput.of("term", "Enter the term as the academic year and the term, for example 2026-27 SPRING");
        }
        int start = Integer.parseInt(matcher.group(1));
        int end = Integer.parseInt(matcher.group(2));
        if (end != (start + 1) % 100) {
            throw InvalidInput.of("term", "An academic year runs over two years in a row, for example 2026-27");
        }
        if (start < FIRST_YEAR || start > LAST_YEAR) {
            throw InvalidInput.of("term", "Enter an academic year from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        Season season;
        try {
            season = Season.valueOf(matcher.group(3).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("term", "The term is AUTUMN, SPRING or SUMMER");
        }
        return new Term(start, season);
    }

    /**
     * The term a date falls in: autumn September to December, spring January to March, summer April to August
     * (holidays count with the term before them).
     */
    public static Term containing(LocalDate date) {
        int month = date.getMonthValue();
        if (month >= 9) {
            return new Term(date.getYear(), Season.AUTUMN);
        }
        return new Term(date.getYear() - 1, month <= 3 ? Season.SPRING : Season.SUMMER);
    }

    public Term next() {
        return switch (season) {
            case AUTUMN -> new Term(startYear, Season.SPRING);
            case SPRING -> new Term(startYear, Season.SUMMER);
            case SUMMER -> new Term(startYear + 1, Season.AUTUMN);
        };
    }

    public Term previous() {
        return switch (season) {
            case AUTUMN -> new Term(startYear - 1, Season.SUMMER);
            case SPRING -> new Term(startYear, Season.AUTUMN);
            case SUMMER -> new Term(startYear, Season.SPRING);
        };
    }

    /** The term's first day (autumn 1 September, spring 1 January, summer 1 April): the day the term before ends. */
    public LocalDate firstDay() {
        return switch (season) {
            case AUTUMN -> LocalDate.of(startYear, 9, 1);
            case SPRING -> LocalDate.of(startYear + 1, 1, 1);
            case SUMMER -> LocalDate.of(startYear + 1, 4, 1);
        };
    }

    /** {@code 2026-27}. */
    public String academicYear() {
        return String.format(Locale.ROOT, "%d-%02d", startYear, (startYear + 1) % 100);
    }

    /** {@code 2026-27 SPRING}: what {@link #parse} reads. */
    public String code() {
        return academicYear() + " " + season.name();
    }

    /** {@code Spring term 2026-27}, for pages. */
    public String title() {
        String name = season.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + " term " + academicYear();
    }

    @Override
    public int compareTo(Term other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return code();
    }
}
