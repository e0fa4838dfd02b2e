package uk.gov.inspectorates.portal.core.removal;

import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** The issued removal certificates (a persistence port); they outlive the inspections they certify. */
@PersistencePort
public interface RemovalCertificates {

    /** Stores the certificate unless its removal has one already (then the first stays); returns the one stored. */
    SignedCertificate issue(SignedCertificate certificate);

    Optional<SignedCertificate> find(String id);

    Optional<SignedCertificate> ofRemoval(String removalId);

    Optional<SignedCertificate> ofInspection(String inspectionId);

    /** Newest first. */
    List<SignedCertificate> all();
}
