package uk.gov.inspectorates.portal.core.removal;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * A removal certificate as issued: the canonical bytes that were signed (UTF-8 JSON), the signature over exactly those
 * bytes, and the id of the signing key; with the inspection and its participants, whose SIROs may download it.
 */
public record SignedCertificate(String id, String removalId, String inspectionId, Inspectorate leadInspectorate,
                                Set<Inspectorate> participants, Instant issuedAt, byte[] canonical, byte[] signature,
                                String signingKeyId) {

    public SignedCertificate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(canonical, "canonical");
        Objects.requireNonNull(signature, "signature");
        participants = Set.copyOf(participants);
    }
}
