package uk.gov.inspectorates.portal.core.letter;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.report.ReportAttachments;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** The letters of reports. As {@link ReportAttachments} it hands their contents to the report's removal. */
@PersistencePort
public interface LetterRepository extends ReportAttachments {

    void add(Letter letter);

    /** The letter, only if it is one of that report's. */
    Optional<Letter> find(String reportId, String letterId);

    /** Oldest first. */
    List<Letter> ofReport(String reportId);

    /** The letters of all those reports, in no particular order. */
    List<Letter> ofReports(Collection<String> reportIds);

    /** An advance letter sent ahead of its report, not linked yet. */
    Optional<Letter> findStandalone(String letterId);

    /** Every advance letter sent ahead of its report and not linked yet, oldest first. */
    List<Letter> standalone();

    /**
     * Links a standalone letter to its report with its content moved into the report's key scope; false (and
     * nothing changed) if it is not standalone any more.
     */
    boolean link(String letterId, String reportId, StoredContent movedContent);

    /** Deletes a standalone letter's row (its content must be gone already); false if there was none. */
    boolean deleteStandalone(String letterId);
}
