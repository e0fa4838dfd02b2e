package uk.gov.inspectorates.portal.core.inspection;

import java.time.Instant;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * A document an agency uploaded against an information request: its classification (OFFICIAL or OFFICIAL-SENSITIVE),
 * who uploaded it and when, and its content (name, type, size, SHA-256), stored encrypted under the inspection's key
 * scope. Served as the original bytes, never stamped.
 */
public record EvidenceDocument(String id, String inspectionId, String requestId, String agencyId,
                               Inspectorate requestedBy, Classification classification, String uploadedBy,
                               Instant uploadedAt, AcceptedDocument document) {

    public EvidenceDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(inspectionId, "inspectionId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(uploadedBy, "uploadedBy");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
        Objects.requireNonNull(document, "document");
        if (!classification.tier().permittedInPortal()) {
            throw new IllegalArgumentException(classification.marking() + " is never held in the portal");
        }
        if (!document.content().scope().equals(KeyScope.inspection(inspectionId))) {
            throw new IllegalArgumentException("an evidence document lives in its inspection's key scope");
        }
    }

    public long size() {
        return document.content().plaintextBytes();
    }

    public String sha256() {
        return document.content().plaintextSha256();
    }

    public Resource asResourceOf(Inspection inspection) {
        if (!inspection.id().equals(inspectionId)) {
            throw new IllegalArgumentException("document " + id + " is not of inspection " + inspection.id());
        }
        return Resource.evidenceDocument(id, requestedBy, inspection.participants(), agencyId);
    }
}
