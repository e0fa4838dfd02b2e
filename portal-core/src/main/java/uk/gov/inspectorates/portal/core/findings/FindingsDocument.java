package uk.gov.inspectorates.portal.core.findings;

import java.time.Instant;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;

/**
 * A document of a findings letter before issue, kept encrypted under its inspection's key scope: a version of the
 * letter (the draft, then each revision; numbered from 1) uploaded by the lead inspector, or the partnership's factual
 * accuracy comments uploaded by the DCS (version 0).
 */
public record FindingsDocument(String id, String inspectionId, Kind kind, int version, Classification classification,
                               String uploadedBy, String uploadedByName, Instant uploadedAt,
                               AcceptedDocument document) {

    public enum Kind { LETTER, COMMENTS }

    public FindingsDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(inspectionId, "inspectionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(uploadedBy, "uploadedBy");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
        Objects.requireNonNull(document, "document");
        if ((kind == Kind.LETTER) != (version > 0)) {
            throw new IllegalArgumentException("letter versions count from 1; comments have none");
        }
        if (!document.content().scope().equals(uk.gov.inspectorates.portal.core.document.KeyScope.inspection(
                inspectionId))) {
            throw new IllegalArgumentException("a findings letter's documents are kept under its inspection's key");
        }
    }

    public long size() {
        return document.content().plaintextBytes();
    }
}
