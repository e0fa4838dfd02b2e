package uk.gov.inspectorates.portal.core.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * An inspection report shared by its originating inspectorate with the other parties before publication. Its status
 * depends on the time: a scheduled publication ends the embargo at its moment, without anything having to run.
 */
public record Report(String id, String title, ReportType type, String subject, Classification classification,
                     String handlingInstructions, Attestations attestations, Inspectorate originator,
                     Set<Inspectorate> addressees, OffsetDateTime expectedPublication, String sharedBy,
                     Instant sharedAt, AcceptedDocument document, Publication publication, Withdrawal withdrawal,
                     Set<String> agencyRecipients) {

    public Report {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(document, "document");
        addressees = Set.copyOf(addressees);
        agencyRecipients = agencyRecipients == null ? Set.of() : Set.copyOf(agencyRecipients);
        if (addressees.isEmpty() || addressees.contains(originator)) {
            throw new IllegalArgumentException("a report is addressed to at least one party other than its originator");
        }
    }

    /** A report read by inspectorate staff only (every report but a JTAI findings letter). */
    public Report(String id, String title, ReportType type, String subject, Classification classification,
                  String handlingInstructions, Attestations attestations, Inspectorate originator,
                  Set<Inspectorate> addressees, OffsetDateTime expectedPublication, String sharedBy,
                  Instant sharedAt, AcceptedDocument document, Publication publication, Withdrawal withdrawal) {
        this(id, title, type, subject, classification, handlingInstructions, attestations, originator, addressees,
                expectedPublication, sharedBy, sharedAt, document, publication, withdrawal, Set.of());
    }

    /** A JTAI findings letter issued under embargo (docs/adr/0025). */
    public boolean isFindingsLetter() {
        return ReportType.JTAI_FINDINGS_LETTER.equals(type);
    }

    public ReportStatus statusAt(Instant now) {
        if (withdrawal != null) {
            return ReportStatus.WITHDRAWN;
        }
        return publication != null && publication.reachedAt(now) ? ReportStatus.PUBLISHED : ReportStatus.UNDER_EMBARGO;
    }

    public boolean underEmbargoAt(Instant now) {
        return statusAt(now) == ReportStatus.UNDER_EMBARGO;
    }

    /** A publication recorded for a later time: the embargo ends then. */
    public Optional<Instant> embargoEndsAt(Instant now) {
        return Optional.ofNullable(publication).filter(p -> !p.reachedAt(now) && withdrawal == null)
                .map(Publication::publishedAt);
    }

    public Resource asResourceAt(Instant now) {
        Resource.Lifecycle lifecycle = switch (statusAt(now)) {
            case UNDER_EMBARGO -> Resource.Lifecycle.UNDER_EMBARGO;
            case PUBLISHED -> Resource.Lifecycle.PUBLISHED;
            case WITHDRAWN -> Resource.Lifecycle.WITHDRAWN;
        };
        return new Resource(Resource.Kind.REPORT, id, originator, addressees, lifecycle, null, null, agencyRecipients);
    }

    public Report published(Publication publication) {
        return new Report(id, title, type, subject, classification, handlingInstructions, attestations, originator,
                addressees, expectedPublication, sharedBy, sharedAt, document, publication, withdrawal,
                agencyRecipients);
    }

    public Report withdrawn(Withdrawal withdrawal) {
        return new Report(id, title, type, subject, classification, handlingInstructions, attestations, originator,
                addressees, expectedPublication, sharedBy, sharedAt, document, publication, withdrawal,
                agencyRecipients);
    }
}
