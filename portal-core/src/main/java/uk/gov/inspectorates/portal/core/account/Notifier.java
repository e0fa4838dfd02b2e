package uk.gov.inspectorates.portal.core.account;

/** Sends a person a message with a link (an invitation, a password reset). */
public interface Notifier {

    record Notification(String recipient, String subject, String body, String link) {
    }

    void send(Notification notification);
}
