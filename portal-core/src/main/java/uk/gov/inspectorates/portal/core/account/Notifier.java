package uk.gov.inspectorates.portal.core.account;

import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** Sends a person a message with a link (an invitation, a password reset). */
@PersistencePort
public interface Notifier {

    record Notification(String recipient, String subject, String body, String link) {
    }

    void send(Notification notification);
}
