package uk.gov.inspectorates.portal.core.notification;

import java.time.Instant;
import java.util.List;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * The outbox's storage: messages wait here until the delivery worker has sent them or given up on them. Claims are
 * leases, so that several portal nodes never send the same message at once and a node that dies mid-send leaves
 * its claims to be taken again when the lease runs out.
 */
@PersistencePort
public interface OutboxMessages {

    /** A message to send now, with the number of attempts already made. */
    record Pending(long seq, OutgoingMessage message, int attempts) {
    }

    /** Queues the messages, all or none. */
    void add(List<OutgoingMessage> messages, Instant at);

    /**
     * Queues the messages, all or none, unless messages were already queued under the key (then queues nothing).
     *
     * @return whether they were queued now
     */
    boolean addOnce(String onceKey, List<OutgoingMessage> messages, Instant at);

    /**
     * Takes up to {@code limit} messages due at {@code now} (not sent, not given up, next attempt not in the future,
     * not claimed by a live lease), oldest first, and leases them until {@code leaseUntil}.
     */
    List<Pending> claimDue(Instant now, Instant leaseUntil, int limit);

    void sent(long seq, int attempts, Instant at);

    void retryLater(long seq, int attempts, Instant nextAttemptAt, String failure);

    void givenUp(long seq, int attempts, Instant at, String failure);

    /** Erases the message's link and body (a one-time token must not outlive its delivery in the database). */
    void forgetLink(long seq);
}
