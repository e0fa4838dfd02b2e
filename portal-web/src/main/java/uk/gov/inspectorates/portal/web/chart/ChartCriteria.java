package uk.gov.inspectorates.portal.web.chart;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import uk.gov.inspectorates.portal.core.audit.AuditActivity;
import uk.gov.inspectorates.portal.core.audit.AuditActivity.About;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;

/**
 * The query parameters of the chart, read the same way by the API and the page: a report or an inspection id (checked
 * for shape only), {@code from}/{@code to} as an instant (2027-02-01T10:00:00Z) or a date (2027-02-01: from the start
 * of that UK day; {@code to} up to the end of that day), as the search's {@code core.audit.AuditCriteria} reads them.
 * Anything else is a 422 naming the field.
 */
public final class ChartCriteria {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._@:/-]{1,200}");

    private ChartCriteria() {
    }

    /** What to chart, and when. */
    public record Chart(About about, Instant from, Instant to) {
        /** The query string that asks for this chart again (for links). */
        public String queryString() {
            return (about.reportId() != null ? "report=" + about.reportId() : "inspection=" + about.inspectionId())
                    + (from == null ? "" : "&from=" + from) + (to == null ? "" : "&to=" + to);
        }
    }

    public static Chart chart(Function<String, String> parameters) {
        List<FieldError> errors = new ArrayList<>();
        String report = id(parameters, "report", errors);
        String inspection = id(parameters, "inspection", errors);
        if (report == null && inspection == null && errors.isEmpty()) {
            errors.add(new FieldError("report", "Enter a report id or an inspection id"));
        } else if (report != null && inspection != null) {
            errors.add(new FieldError("inspection", "Enter a report id or an inspection id, not both"));
        }
        Instant from = time(parameters, "from", false, errors);
        Instant to = time(parameters, "to", true, errors);
        order(from, to, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Chart(report != null ? About.report(report) : About.inspection(inspection), from, to);
    }

    private static String given(Function<String, String> parameters, String name) {
        String value = parameters.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String id(Function<String, String> parameters, String name, List<FieldError> errors) {
        String value = given(parameters, name);
        if (value != null && !ID.matcher(value).matches()) {
            errors.add(new FieldError(name, "Enter the " + name + " id as the portal shows it"));
            return null;
        }
        return value;
    }

    private static Instant time(Function<String, String> parameters, String name, boolean end,
                                List<FieldError> errors) {
        String value = given(parameters, name);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(AuditActivity.UK).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeException e) {
            errors.add(new FieldError(name, "Enter a date like 2027-02-01, or a time like 2027-02-01T10:00:00Z"));
            return null;
        }
    }

    private static void order(Instant from, Instant to, List<FieldError> errors) {
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("to", "The end must be after the start"));
        }
    }
}
