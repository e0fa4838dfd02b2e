package uk.gov.inspectorates.portal.web.accounts;

import java.util.logging.Logger;
import uk.gov.inspectorates.portal.core.account.Notifier;

/** Demo mode only: also writes each link to the portal log, so the journeys can be tried without a mail relay. */
public final class LoggingNotifier implements Notifier {

    private static final Logger LOG = Logger.getLogger(LoggingNotifier.class.getName());

    private final Notifier next;

    public LoggingNotifier(Notifier next) {
        this.next = next;
    }

    @Override
    public void send(Notification notification) {
        next.send(notification);
        LOG.warning(() -> "DEMO MODE: message to " + notification.recipient() + " (" + notification.subject()
                + "): " + notification.link());
    }
}
