package uk.gov.inspectorates.portal.core.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** Invitations to agency accounts. */
@PersistencePort
public interface Invitations {

    void save(Invitation invitation);

    Optional<Invitation> findByTokenHash(String tokenHash);

    /** Not accepted and not expired, newest first; all organisations when {@code organisationId} is null. */
    List<Invitation> pending(String organisationId, Instant now);

    /** Marks it accepted if it still was open; false if another request accepted it first (single use). */
    boolean accept(String id, Instant at);
}
