package uk.gov.inspectorates.portal.core.account;

import java.time.Instant;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** Password-reset links, known only by the hash of their token. */
@PersistencePort
public interface PasswordResets {

    record Reset(String tokenHash, String userId, Instant createdAt, Instant expiresAt, Instant usedAt) {
    }

    void save(Reset reset);

    Optional<Reset> findByTokenHash(String tokenHash);

    /** Marks it used if it was unused and not expired; false otherwise (single use). */
    boolean use(String tokenHash, Instant at);
}
