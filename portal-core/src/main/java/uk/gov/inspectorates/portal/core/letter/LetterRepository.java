package uk.gov.inspectorates.portal.core.letter;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.report.ReportAttachments;

/** The letters of reports. As {@link ReportAttachments} it hands their contents to the report's removal. */
public interface LetterRepository extends ReportAttachments {

    void add(Letter letter);

    /** The letter, only if it is one of that report's. */
    Optional<Letter> find(String reportId, String letterId);

    /** Oldest first. */
    List<Letter> ofReport(String reportId);

    /** The letters of all those reports, in no particular order. */
    List<Letter> ofReports(Collection<String> reportIds);
}
