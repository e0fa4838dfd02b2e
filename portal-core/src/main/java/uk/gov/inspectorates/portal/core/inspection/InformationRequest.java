package uk.gov.inspectorates.portal.core.inspection;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * An inspectorate's request to one agency it inspects, within an inspection: a title, what is wanted (the Annex A
 * items ticked, and anything beyond Annex A with the justification JTAI §17 demands), and when it is due.
 */
public record InformationRequest(String id, String inspectionId, Inspectorate requestedBy, String agencyId,
                                 String title, String description, Set<AnnexAItem> items, String beyondAnnexA,
                                 String justification, Instant dueAt, String requestedByUserId,
                                 Instant requestedAt) {

    public InformationRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(inspectionId, "inspectionId");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(requestedByUserId, "requestedByUserId");
        Objects.requireNonNull(requestedAt, "requestedAt");
        items = items.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(items));
        description = description == null ? "" : description;
        beyondAnnexA = beyondAnnexA == null || beyondAnnexA.isBlank() ? null : beyondAnnexA;
        justification = justification == null || justification.isBlank() ? null : justification;
        if (beyondAnnexA != null && justification == null) {
            throw new IllegalArgumentException("information beyond Annex A needs a recorded justification (JTAI §17)");
        }
    }

    /** The request for the list of children in the deep-dive theme (asked for on its own: it is checked as a list). */
    public boolean asksForTheListOfChildren() {
        return items.contains(AnnexAItem.LIST_OF_CHILDREN);
    }

    public boolean overdueAt(Instant now) {
        return dueAt.isBefore(now);
    }

    /** What the policy decides on: the requesting inspectorate, the inspection's participants, the agency. */
    public Resource asResourceOf(Inspection inspection) {
        if (!inspection.id().equals(inspectionId)) {
            throw new IllegalArgumentException("request " + id + " is not of inspection " + inspection.id());
        }
        return Resource.informationRequest(id, requestedBy, inspection.participants(), agencyId);
    }

    /** A request about to be made, by the inspectorate that inspects the agency. */
    public static Resource newRequest(Inspection inspection, Inspectorate requestedBy, String agencyId) {
        return Resource.informationRequest(null, requestedBy, inspection.participants(), agencyId);
    }

    /** A document about to be uploaded against this request by its agency. */
    public Resource newDocumentOf(Inspection inspection) {
        return Resource.evidenceDocument(null, requestedBy, inspection.participants(), agencyId);
    }
}
