package uk.gov.inspectorates.portal.core.inspection;

import java.time.Instant;
import java.util.Objects;

/** When an inspection was closed, and by whom (a user id): from then on its export window runs. */
public record InspectionClosure(String inspectionId, String closedBy, Instant closedAt) {

    public InspectionClosure {
        Objects.requireNonNull(inspectionId, "inspectionId");
        Objects.requireNonNull(closedBy, "closedBy");
        Objects.requireNonNull(closedAt, "closedAt");
    }
}
