package uk.gov.inspectorates.portal.core.letter;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.report.Report;

/**
 * A covering or advance letter of a report, with its own classification and handling instructions, addressed to
 * some of the report's parties. Its content is stored under the report's key scope, so removing the report
 * crypto-shreds its letters with it.
 */
public record Letter(String id, String reportId, LetterKind kind, Set<Inspectorate> addressedTo,
                     Classification classification, String handlingInstructions,
                     boolean serviceProviderNotifiedFirst, String riskSummary, String addedBy, Instant addedAt,
                     AcceptedDocument document) {

    public Letter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(document, "document");
        addressedTo = Set.copyOf(addressedTo);
        if (addressedTo.isEmpty()) {
            throw new IllegalArgumentException("a letter is addressed to at least one party");
        }
        if (!document.content().scope().equals(KeyScope.report(reportId))) {
            throw new IllegalArgumentException("a letter's content lives in its report's key scope");
        }
    }

    public boolean advance() {
        return kind == LetterKind.ADVANCE_RISK_OF_HARM;
    }

    /** What the policy decides on: the report's originator and stage, the letter's own addressees. */
    public Resource asResourceOf(Report report, Instant now) {
        if (!report.id().equals(reportId)) {
            throw new IllegalArgumentException("letter " + id + " is not of report " + report.id());
        }
        return Resource.letter(id, report.originator(), addressedTo, report.asResourceAt(now).lifecycle());
    }

    /** A letter about to be added to the report: only the originator's staff, only while under embargo. */
    public static Resource newLetterOf(Report report, Instant now) {
        return Resource.letter(null, report.originator(), report.addressees(), report.asResourceAt(now).lifecycle());
    }
}
