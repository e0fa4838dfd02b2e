package uk.gov.inspectorates.portal.web.chart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import uk.gov.inspectorates.portal.core.audit.AuditActivity.About;
import uk.gov.inspectorates.portal.core.audit.AuditCriteria;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;

/**
 * The query parameters of the chart, read the same way by the API and the page: a report or an inspection id (checked
 * for shape only), {@code from}/{@code to} as an instant (2027-02-01T10:00:00Z) or a date (2027-02-01: from the start
 * of that UK day; {@code to} up to the end of that day), as the search's {@code core.audit.AuditCriteria} reads them.
 * Anything else is a 422 naming the field.
 */
public final class ChartCriteria {

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
        String report = AuditCriteria.id(parameters, "report", errors);
        String inspection = AuditCriteria.id(parameters, "inspection", errors);
        if (report == null && inspection == null && errors.isEmpty()) {
            errors.add(new FieldError("report", "Enter a report id or an inspection id"));
        } else if (report != null && inspection != null) {
            errors.add(new FieldError("inspection", "Enter a report id or an inspection id, not both"));
        }
        Instant from = AuditCriteria.time(parameters, "from", false, errors);
        Instant to = AuditCriteria.time(parameters, "to", true, errors);
        AuditCriteria.checkPeriod(from, to, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Chart(report != null ? About.report(report) : About.inspection(inspection), from, to);
    }
}
