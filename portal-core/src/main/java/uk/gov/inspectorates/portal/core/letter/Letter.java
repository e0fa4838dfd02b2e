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
 * crypto-shreds its letters with it. An advance letter may also be sent ahead of its report ({@code reportId} null,
 * "standalone"): it then has a key scope of its own until it is linked to the report, which moves it into the
 * report's scope.
 */
public record Letter(String id, String reportId, Inspectorate originator, LetterKind kind, Set<Inspectorate> addressedTo,
                     Classification classification, String handlingInstructions,
                     boolean serviceProviderNotifiedFirst, String riskSummary, String addedBy, Instant addedAt,
                     AcceptedDocument document) {

    public Letter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(document, "document");
        addressedTo = Set.copyOf(addressedTo);
        if (addressedTo.isEmpty()) {
            throw new IllegalArgumentException("a letter is addressed to at least one party");
        }
        if (reportId == null && kind != LetterKind.ADVANCE_RISK_OF_HARM) {
            throw new IllegalArgumentException("only an advance letter is sent ahead of its report");
        }
        if (reportId != null && !document.content().scope().equals(KeyScope.report(reportId))) {
            throw new IllegalArgumentException("a letter's content lives in its report's key scope");
        }
        if (document.content().scope().kind() != KeyScope.Kind.REPORT) {
            throw new IllegalArgumentException("a letter's content lives in a report's key scope");
        }
    }

    /** Sent ahead of its report and not linked to it yet. */
    public boolean standalone() {
        return reportId == null;
    }

    /** What the policy decides on for a letter sent ahead of its report: its sender and addressees, no stage. */
    public Resource asStandaloneResource() {
        if (!standalone()) {
            throw new IllegalStateException("letter " + id + " is linked to report " + reportId);
        }
        return Resource.letter(id, originator, addressedTo, Resource.Lifecycle.NONE);
    }

    /** An advance letter about to be sent ahead of its report by the sender's inspectorate. */
    public static Resource newStandaloneLetter(Inspectorate sender, Set<Inspectorate> addressedTo) {
        return Resource.letter(null, sender, addressedTo, Resource.Lifecycle.NONE);
    }

    /** The same letter, linked to its report, with its content moved into the report's key scope. */
    public Letter linkedTo(String linkedReportId, AcceptedDocument moved) {
        return new Letter(id, linkedReportId, originator, kind, addressedTo, classification, handlingInstructions,
                serviceProviderNotifiedFirst, riskSummary, addedBy, addedAt, moved);
    }

    public boolean advance() {
        return kind == LetterKind.ADVANCE_RISK_OF_HARM;
    }

    /** What the policy decides on: the report's originator and stage, the letter's own addressees. */
    public Resource asResourceOf(Report report, Instant now) {
        if (!report.id().equals(reportId) || report.originator() != originator) {
            throw new IllegalArgumentException("letter " + id + " is not of report " + report.id());
        }
        return Resource.letter(id, report.originator(), addressedTo, report.asResourceAt(now).lifecycle());
    }

    /** A letter about to be added to the report: only the originator's staff, only while under embargo. */
    public static Resource newLetterOf(Report report, Instant now) {
        return Resource.letter(null, report.originator(), report.addressees(), report.asResourceAt(now).lifecycle());
    }
}
