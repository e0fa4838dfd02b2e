package uk.gov.inspectorates.portal.core.notification;

/** Hands a message to the mail system (an SMTP relay; in demo mode without one, the log). */
public interface MailRelay {

    /** @throws DeliveryFailed when the relay did not take the message */
    void send(OutgoingMessage message) throws DeliveryFailed;

    /** Where messages go, for the audit trail (e.g. {@code smtp mail.example:587}); no secret in it. */
    String description();

    /** The relay did not take a message; permanent when trying again cannot help (e.g. the address was refused). */
    final class DeliveryFailed extends Exception {
        private final boolean permanent;

        public DeliveryFailed(String reason, boolean permanent, Throwable cause) {
            super(reason, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
