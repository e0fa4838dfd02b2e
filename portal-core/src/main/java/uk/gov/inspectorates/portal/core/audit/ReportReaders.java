package uk.gov.inspectorates.portal.core.audit;

import java.util.List;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * Who has seen a report: the stamped copies served of it and of its letters (the successful {@code REPORT_DOWNLOAD}
 * and {@code LETTER_DOWNLOAD} events), newest first, each with its reader, time and download id (a persistence port).
 */
@PersistencePort
public interface ReportReaders {

    List<StoredAuditEvent> downloadsOf(String reportId, int limit);
}
