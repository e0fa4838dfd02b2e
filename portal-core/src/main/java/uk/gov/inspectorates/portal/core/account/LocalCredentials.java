package uk.gov.inspectorates.portal.core.account;

import java.time.Instant;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * Where local credentials are kept. The operations that guard against replay and guessing are single atomic steps
 * of the store, so that they hold when several portal nodes serve the same account at once.
 */
@PersistencePort
public interface LocalCredentials {

    Optional<LocalCredential> find(String userId);

    /** Adds or replaces every field, the failure count and the last used step included. */
    void save(LocalCredential credential);

    /** Replaces the password hash only (a reset), clearing the failure count. */
    void changePassword(String userId, String passwordHash);

    /** Records {@code step} as used if it is later than the last used one; false if it was not (a replay). */
    boolean useTotpStep(String userId, long step);

    /** Removes the recovery code's hash if it is still there; false if another sign-in used it first. */
    boolean useRecoveryCode(String userId, String hash);

    /** One more failed attempt, counted in the store (not read, incremented, written back). */
    void recordFailure(String userId, Instant at);

    void clearFailures(String userId);
}
