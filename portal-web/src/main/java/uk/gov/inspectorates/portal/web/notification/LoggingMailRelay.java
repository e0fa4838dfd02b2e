package uk.gov.inspectorates.portal.web.notification;

import java.util.logging.Logger;
import uk.gov.inspectorates.portal.core.notification.MailRelay;
import uk.gov.inspectorates.portal.core.notification.OutgoingMessage;

/**
 * Where notices go when no SMTP relay is configured (the local run, tests; production refuses to start so): a line
 * in the log with the kind and the recipient, never the title. In demo mode the link is logged too, so that an
 * invitation or a password reset can be followed without a mail server.
 */
public final class LoggingMailRelay implements MailRelay {

    private static final Logger LOG = Logger.getLogger(LoggingMailRelay.class.getName());

    private final boolean demoMode;

    public LoggingMailRelay(boolean demoMode) {
        this.demoMode = demoMode;
    }

    @Override
    public void send(OutgoingMessage message) {
        LOG.info(() -> (demoMode ? "DEMO MODE: " : "") + "notice " + message.kind() + " not e-mailed (no SMTP relay configured)" + (demoMode ? ": " + message.link() : ""));
    }

    @Override
    public String description() {
        return "the log (no SMTP relay configured)";
    }
}
