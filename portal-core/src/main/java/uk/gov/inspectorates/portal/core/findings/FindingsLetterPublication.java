package uk.gov.inspectorates.portal.core.findings;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.inspection.FindingsPublication;
import uk.gov.inspectorates.portal.core.report.Publication;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportRepository;

/**
 * When an inspection's findings letter is published: the publication recorded on the report it was issued as
 * (published now or scheduled); nothing while it is unissued, unpublished or withdrawn.
 */
public final class FindingsLetterPublication implements FindingsPublication {

    private final FindingsLetters letters;
    private final ReportRepository reports;

    public FindingsLetterPublication(FindingsLetters letters, ReportRepository reports) {
        this.letters = Objects.requireNonNull(letters, "letters");
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    @Override
    public Optional<Instant> findingsLetterPublishedAt(String inspectionId) {
        return letters.issueOf(inspectionId)
                .flatMap(issue -> reports.find(issue.reportId()))
                .filter(report -> report.withdrawal() == null)
                .map(Report::publication)
                .map(Publication::publishedAt);
    }

    @Override
    public Optional<Instant> findingsLetterSentAt(String inspectionId) {
        return letters.issueOf(inspectionId).map(FindingsLetterIssue::issuedAt);
    }
}
