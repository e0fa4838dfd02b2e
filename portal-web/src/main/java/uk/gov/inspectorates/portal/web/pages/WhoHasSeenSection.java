package uk.gov.inspectorates.portal.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.gov.inspectorates.portal.core.accountability.AuditTrailReading;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.report.Report;

/**
 * "Who has seen this report?" (issue 18, docs/adr/0033): the readers, times and download ids of a report's stamped
 * copies and of its letters', for its originator's SIRO; on the report page (templates/who-has-seen.mustache) and on
 * a page of its own, {@code /audit/reports/{id}}, for a SIRO who cannot open the report itself.
 */
@ApplicationScoped
public class WhoHasSeenSection {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.UK);

    @Inject
    AuditTrailReading reading;

    /** The section for the report page, or null for anyone but the report's originator's SIRO. */
    Map<String, Object> of(Subject subject, Report report, Instant now) {
        return reading.whoHasSeen(subject, report, now).map(readings -> section(report.id(), readings)).orElse(null);
    }

    static Map<String, Object> section(String reportId, List<AuditTrailReading.Reading> readings) {
        Map<String, Object> section = new HashMap<>();
        section.put("reportId", reportId);
        section.put("readings", readings.stream().map(WhoHasSeenSection::row).toList());
        section.put("hasReadings", !readings.isEmpty());
        section.put("shown", readings.size());
        section.put("limited", readings.size() >= AuditTrailReading.READERS_SHOWN);
        return section;
    }

    private static Map<String, Object> row(AuditTrailReading.Reading reading) {
        Map<String, Object> row = new HashMap<>();
        row.put("seq", reading.seq());
        row.put("reader", reading.readerId() == null ? "" : reading.readerId());
        row.put("organisation", reading.organisationId() == null ? "" : reading.organisationId());
        row.put("at", WHEN.format(reading.at().atZone(ReportPages.UK)));
        row.put("what", AuditActions.LETTER_DOWNLOAD.equals(reading.action()) ? "letter " + reading.resourceId()
                : "report");
        row.put("downloadId", reading.downloadId() == null ? "" : reading.downloadId());
        return row;
    }
}
