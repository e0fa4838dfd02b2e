package uk.gov.inspectorates.portal.core.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Sends what waits in the outbox through the mail relay. A failed send is tried again after a back-off that
 * doubles each time (up to a ceiling); after the last allowed attempt, or at once when the relay says trying again
 * cannot help, the message is given up with its failure kept. Every send and every giving-up is audited
 * ({@code NOTIFICATION_SEND}); a retry is not (the message's row keeps its attempts and last failure). A link that
 * works as a key (invitations, password resets) is erased from the outbox once its message is sent or given up.
 */
public final class NoticeDelivery {

    /**
     * @param maxAttempts attempts before giving up
     * @param firstRetry the wait after the first failure; each further failure doubles it
     * @param longestWait the ceiling of the wait between attempts
     * @param batchSize messages claimed at once
     * @param lease how long a claim holds before another node may take the message again
     */
    public record Settings(int maxAttempts, Duration firstRetry, Duration longestWait, int batchSize, Duration lease) {
        public Settings {
            if (maxAttempts < 1 || batchSize < 1) {
                throw new IllegalArgumentException("at least one attempt and a batch of one");
            }
            Objects.requireNonNull(firstRetry, "firstRetry");
            Objects.requireNonNull(longestWait, "longestWait");
            Objects.requireNonNull(lease, "lease");
        }

        public static Settings defaults() {
            return new Settings(8, Duration.ofMinutes(1), Duration.ofHours(1), 20, Duration.ofMinutes(5));
        }
    }

    /** What one run did. */
    public record Result(int sent, int retried, int givenUp) {
        public int handled() {
            return sent + retried + givenUp;
        }
    }

    static final int FAILURE_LENGTH = 500;

    private final OutboxMessages outbox;
    private final MailRelay relay;
    private final AuditTrail audit;
    private final Clock clock;
    private final Settings settings;
    private final UnitOfWork unitOfWork;

    public NoticeDelivery(OutboxMessages outbox, MailRelay relay, AuditTrail audit, Clock clock, Settings settings) {
        this(outbox, relay, audit, clock, settings, UnitOfWork.NONE);
    }

    public NoticeDelivery(OutboxMessages outbox, MailRelay relay, AuditTrail audit, Clock clock, Settings settings,
                          UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.outbox = outbox;
        this.relay = relay;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Sends one batch of due messages (the worker calls it again while batches come back full). Delivery is at least
     * once: a node that dies between handing a message over and recording it leaves it to be sent again.
     */
    public Result deliverDue() {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(settings.lease());
        List<OutboxMessages.Pending> due = outbox.claimDue(now, leaseUntil, settings.batchSize());
        int sent = 0;
        int retried = 0;
        int givenUp = 0;
        for (OutboxMessages.Pending pending : due) {
            if (!clock.instant().isBefore(leaseUntil)) {
                break; // a slow relay used up the lease: the rest may be claimed by another node by now
            }
            int attempt = pending.attempts() + 1;
            try {
                relay.send(pending.message());
                Instant at = clock.instant();
                // handed over (outside any transaction); marked sent with its event together, or sent again later
                unitOfWork.run(() -> {
                    outbox.sent(pending.seq(), attempt, at);
                    forgetSecretLink(pending);
                    record(at, pending, Outcome.SUCCEEDED, "handed to " + relay.description() + " on attempt "
                            + attempt);
                });
                sent++;
            } catch (MailRelay.DeliveryFailed failed) {
                Instant at = clock.instant();
                String failure = describe(failed);
                if (failed.permanent() || attempt >= settings.maxAttempts()) {
                    unitOfWork.run(() -> {
                        outbox.givenUp(pending.seq(), attempt, at, failure);
                        forgetSecretLink(pending);
                        record(at, pending, Outcome.REFUSED, "given up after " + attempt + " attempts: " + failure);
                    });
                    givenUp++;
                } else {
                    outbox.retryLater(pending.seq(), attempt, at.plus(waitAfter(attempt)), failure);
                    retried++;
                }
            }
        }
        return new Result(sent, retried, givenUp);
    }

    /** The wait after the n-th failed attempt: firstRetry × 2^(n-1), at most longestWait. */
    public Duration waitAfter(int failedAttempts) {
        Duration wait = settings.firstRetry();
        for (int i = 1; i < failedAttempts && wait.compareTo(settings.longestWait()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.longestWait()) > 0 ? settings.longestWait() : wait;
    }

    public Settings settings() {
        return settings;
    }

    private void forgetSecretLink(OutboxMessages.Pending pending) {
        if (pending.message().kind().linkIsSecret()) {
            outbox.forgetLink(pending.seq());
        }
    }

    private void record(Instant at, OutboxMessages.Pending pending, Outcome outcome, String detail) {
        OutgoingMessage message = pending.message();
        audit.record(new AuditEvent(at, null, null, AuditActions.NOTIFICATION_SEND, "NOTIFICATION",
                Long.toString(pending.seq()), outcome, message.kind() + " to " + message.recipient() + "; " + detail));
    }

    private static String describe(MailRelay.DeliveryFailed failed) {
        String reason = failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
        String oneLine = reason.replaceAll("\\p{Cntrl}+", " ").strip();
        return oneLine.length() > FAILURE_LENGTH ? oneLine.substring(0, FAILURE_LENGTH) : oneLine;
    }
}
