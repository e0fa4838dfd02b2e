package uk.gov.inspectorates.portal.core.account;

import java.time.Instant;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** The signed-in sessions, shared by every portal node; sessions are known only by a hash of their id. */
@PersistencePort
public interface SessionRegistry {

    record Entry(String idHash, String userId, Instant createdAt, Instant lastSeenAt) {
    }

    void open(Entry entry);

    Optional<Entry> find(String idHash);

    void touch(String idHash, Instant at);

    void close(String idHash);

    /** Ends every session of the person; returns how many there were. */
    int closeAll(String userId);
}
