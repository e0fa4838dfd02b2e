package uk.gov.inspectorates.portal.core.account;

import java.time.Instant;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * Invitations being accepted: between choosing a password and confirming the authenticator, what one browser has
 * done so far, readable by every portal instance. Known only by hashes of the browser's key and the invitation's
 * token; the adapter keeps the TOTP secret encrypted.
 */
@PersistencePort
public interface EnrolmentsInProgress {

    record Entry(String browserKeyHash, String invitationTokenHash, String passwordHash, byte[] secret,
                 Instant startedAt) {
    }

    void keep(Entry entry);

    Optional<Entry> find(String browserKeyHash);

    void forget(String browserKeyHash);

    /** Forgets every entry started before {@code before}; returns how many. */
    int forgetStartedBefore(Instant before);
}
