package uk.gov.inspectorates.portal.core.inspection;

import java.time.Instant;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * One participating inspectorate's export of what it requested from a closed inspection: who took it, when, how many
 * documents and bytes, and the SHA-256 of the ZIP served (the same bytes however often it is downloaded).
 */
public record ExportRecord(String id, String inspectionId, Inspectorate inspectorate, String exportedBy,
                           Instant exportedAt, int documents, long bytes, String sha256) {

    public ExportRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(inspectionId, "inspectionId");
        Objects.requireNonNull(inspectorate, "inspectorate");
        Objects.requireNonNull(exportedBy, "exportedBy");
        Objects.requireNonNull(exportedAt, "exportedAt");
    }
}
