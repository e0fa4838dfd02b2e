package uk.gov.inspectorates.portal.core.notification;

import java.util.Objects;

/** One e-mail as it waits in the outbox: rendered from a notice's kind template, to one address. */
public record OutgoingMessage(NoticeKind kind, String recipient, String subject, String body, String link) {
    public OutgoingMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(link, "link");
    }
}
