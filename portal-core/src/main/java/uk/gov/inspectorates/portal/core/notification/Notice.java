package uk.gov.inspectorates.portal.core.notification;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A notice to queue: what it is about, to whom, the title of the thing it is about and a link to it in the portal.
 * That is all an e-mail ever says: the body is the kind's fixed template, the title is cleaned of anything that
 * looks like an identifier ({@link NoticeTitle}), and the link is a path inside the portal (no query, no
 * fragment), to which the outbox puts the portal's configured public address in front.
 *
 * @param link a portal path such as {@code /inspections/abc/requests/def}
 */
public record Notice(NoticeKind kind, List<Recipients> recipients, String title, String link) {

    private static final Pattern PORTAL_PATH = Pattern.compile("/[A-Za-z0-9._~/-]*");

    public Notice {
        Objects.requireNonNull(kind, "kind");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a notice needs recipients");
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
        if (!PORTAL_PATH.matcher(link).matches() || link.contains("//") || link.contains("/../")) {
            throw new IllegalArgumentException("a notice links to a path inside the portal, without query or fragment");
        }
    }

    public static Notice of(NoticeKind kind, String title, String link, Recipients... recipients) {
        return new Notice(kind, List.of(recipients), title, link);
    }
}
