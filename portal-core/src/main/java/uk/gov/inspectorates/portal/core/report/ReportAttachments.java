package uk.gov.inspectorates.portal.core.report;

import java.util.List;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * What else is stored under a report's key scope (its covering and advance letters): removing the report removes
 * them with it, so they are listed for the scope's removal and their records deleted with the report's.
 */
@PersistencePort
public interface ReportAttachments {

    /** Every stored object attached to the report (not its own document). */
    List<StoredContent> contentsOf(String reportId);

    /** Deletes the attachments' records; their objects must be gone already. */
    void deleteOf(String reportId);
}
