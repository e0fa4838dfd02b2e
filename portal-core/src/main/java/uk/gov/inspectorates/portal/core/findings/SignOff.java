package uk.gov.inspectorates.portal.core.findings;

import java.time.Instant;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/** One participating inspectorate's sign-off of one version of the findings letter: who, by name then, and when. */
public record SignOff(String inspectionId, int version, Inspectorate inspectorate, String signedBy,
                      String signedByName, Instant signedAt) {

    public SignOff {
        Objects.requireNonNull(inspectionId, "inspectionId");
        Objects.requireNonNull(inspectorate, "inspectorate");
        Objects.requireNonNull(signedBy, "signedBy");
        Objects.requireNonNull(signedByName, "signedByName");
        Objects.requireNonNull(signedAt, "signedAt");
        if (version < 1) {
            throw new IllegalArgumentException("a sign-off is of a version of the letter");
        }
    }
}
