package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.inspectorates.portal.core.notification.NoticeDelivery;
import uk.gov.inspectorates.portal.web.notification.JakartaMailRelay;

/**
 * The settings of e-mail notices (docs/adr/0023): the SMTP relay, the delivery worker's pace and retries. Without an
 * SMTP host, notices are written to the log instead of sent, which production refuses at start-up.
 */
@ApplicationScoped
public class NotificationSettings {

    @Inject
    PortalConfiguration portal;

    @Inject
    @ConfigProperty(name = "portal.smtp.host")
    Optional<String> smtpHost;

    @Inject
    @ConfigProperty(name = "portal.smtp.port", defaultValue = "587")
    int smtpPort;

    @Inject
    @ConfigProperty(name = "portal.smtp.from")
    Optional<String> smtpFrom;

    @Inject
    @ConfigProperty(name = "portal.smtp.tls", defaultValue = "starttls")
    String smtpTls;

    @Inject
    @ConfigProperty(name = "portal.smtp.username")
    Optional<String> smtpUsername;

    @Inject
    @ConfigProperty(name = "portal.smtp.password")
    Optional<String> smtpPassword;

    @Inject
    @ConfigProperty(name = "portal.smtp.timeout-seconds", defaultValue = "30")
    int smtpTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "portal.notices.interval-seconds", defaultValue = "30")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "portal.notices.max-attempts", defaultValue = "8")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "portal.notices.first-retry-seconds", defaultValue = "60")
    long firstRetrySeconds;

    @Inject
    @ConfigProperty(name = "portal.notices.longest-wait-seconds", defaultValue = "3600")
    long longestWaitSeconds;

    @Inject
    @ConfigProperty(name = "portal.reminders.interval-seconds", defaultValue = "600")
    long remindersIntervalSeconds;

    /** The relay's settings, when an SMTP host is configured. */
    public Optional<JakartaMailRelay.Settings> smtp() {
        return smtpHost.map(String::strip).filter(host -> !host.isEmpty()).map(host -> new JakartaMailRelay.Settings(
                host, smtpPort, smtpFrom.map(String::strip).filter(from -> !from.isEmpty()).orElseThrow(
                        () -> new IllegalStateException("PORTAL_SMTP_FROM must be set with PORTAL_SMTP_HOST")),
                JakartaMailRelay.Tls.valueOf(smtpTls.strip().toUpperCase(Locale.ROOT)),
                smtpUsername.map(String::strip).filter(user -> !user.isEmpty()),
                smtpPassword.orElse(""), Duration.ofSeconds(smtpTimeoutSeconds)));
    }

    /** The address put in front of every link in a notice. */
    public String portalAddress() {
        return portal.publicUrl().orElseGet(() -> {
            if (portal.production()) {
                throw new IllegalStateException("PORTAL_PUBLIC_URL must be set in production: e-mailed links use it");
            }
            return "http://localhost:8080";
        });
    }

    /**
     * Production sends real e-mail over TLS to links at the configured public address, or does not start: a portal
     * that silently logged its notices would leave agencies unaware of requests.
     */
    public void checkForProduction() {
        if (!portal.production()) {
            return;
        }
        portalAddress();
        JakartaMailRelay.Settings relay = smtp().orElseThrow(() -> new IllegalStateException(
                "PORTAL_SMTP_HOST and PORTAL_SMTP_FROM must be set in production"));
        if (relay.tls() == JakartaMailRelay.Tls.NONE) {
            throw new IllegalStateException("PORTAL_SMTP_TLS=none is refused in production: use starttls or implicit");
        }
    }

    public NoticeDelivery.Settings delivery() {
        return new NoticeDelivery.Settings(maxAttempts, Duration.ofSeconds(firstRetrySeconds),
                Duration.ofSeconds(longestWaitSeconds), 20, Duration.ofMinutes(5));
    }

    public long intervalSeconds() {
        return Math.max(1, intervalSeconds);
    }

    public long remindersIntervalSeconds() {
        return Math.max(1, remindersIntervalSeconds);
    }
}
