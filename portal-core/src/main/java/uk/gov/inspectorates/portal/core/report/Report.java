package uk.gov.inspectorates.portal.core.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;
import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/** An inspection report shared by its originating inspectorate with the other parties before publication. */
public record Report(String id, String title, ReportType type, String subject, Classification classification,
                     String handlingInstructions, Attestations attestations, Inspectorate originator,
                     Set<Inspectorate> addressees, ReportStatus status, OffsetDateTime expectedPublication,
                     String sharedBy, Instant sharedAt, AcceptedDocument document) {

    public Report {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(document, "document");
        addressees = Set.copyOf(addressees);
    }

    public boolean underEmbargo() {
        return status == ReportStatus.UNDER_EMBARGO;
    }

    public Resource asResource() {
        return new Resource(Resource.Kind.REPORT, id, originator, addressees, underEmbargo());
    }
}
