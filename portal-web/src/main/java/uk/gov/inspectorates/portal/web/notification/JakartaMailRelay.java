package uk.gov.inspectorates.portal.web.notification;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import uk.gov.inspectorates.portal.core.notification.MailRelay;
import uk.gov.inspectorates.portal.core.notification.OutgoingMessage;

/**
 * Sends notices through an SMTP relay with Jakarta Mail (the Angus Mail implementation Payara Micro ships: the WAR
 * bundles none, docs/adr/0023). Plain-text messages only. With STARTTLS the relay must offer it (no fall-back to
 * plaintext) and its certificate must name it; implicit TLS connects over TLS from the start.
 */
public final class JakartaMailRelay implements MailRelay {

    public enum Tls { STARTTLS, IMPLICIT, NONE }

    /** {@code password} is used only with a username; it is never logged or audited. */
    public record Settings(String host, int port, String from, Tls tls, Optional<String> username, String password,
                           Duration timeout) {
        public Settings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(tls, "tls");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(timeout, "timeout");
        }

        @Override
        public String toString() {
            return "smtp " + host + ":" + port + " (" + tls.name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
    }

    private final Settings settings;
    private final Session session;
    private final InternetAddress from;
    private final String protocol;

    public JakartaMailRelay(Settings settings) {
        this.settings = settings;
        this.protocol = settings.tls() == Tls.IMPLICIT ? "smtps" : "smtp";
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("PORTAL_SMTP_FROM is not an address: " + e.getMessage(), e);
        }
        this.session = Session.getInstance(properties(settings, protocol));
    }

    private static Properties properties(Settings settings, String protocol) {
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.put("mail.transport.protocol", protocol);
        properties.put(prefix + "host", settings.host());
        properties.put(prefix + "port", Integer.toString(settings.port()));
        String millis = Long.toString(settings.timeout().toMillis());
        properties.put(prefix + "connectiontimeout", millis);
        properties.put(prefix + "timeout", millis);
        properties.put(prefix + "writetimeout", millis);
        properties.put(prefix + "auth", Boolean.toString(settings.username().isPresent()));
        if (settings.tls() == Tls.STARTTLS) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        if (settings.tls() != Tls.NONE) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }

    @Override
    public void send(OutgoingMessage message) throws DeliveryFailed {
        MimeMessage mime;
        try {
            mime = new MimeMessage(session);
            mime.setFrom(from);
            mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipient(), true));
            mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            mime.setText(message.body(), StandardCharsets.UTF_8.name());
            mime.setSentDate(new Date());
            mime.setHeader("Auto-Submitted", "auto-generated");
        } catch (AddressException e) {
            throw new DeliveryFailed("not an address: " + e.getMessage(), true, e);
        } catch (MessagingException e) {
            throw new DeliveryFailed("message not built: " + e.getMessage(), true, e);
        }
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect(settings.host(), settings.port(), settings.username().orElse(null),
                    settings.username().isPresent() ? settings.password() : null);
            transport.sendMessage(mime, mime.getAllRecipients());
        } catch (SendFailedException e) {
            boolean refusedAddress = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            throw new DeliveryFailed((refusedAddress ? "address refused: " : "not sent: ") + e.getMessage(),
                    refusedAddress, e);
        } catch (MessagingException e) {
            throw new DeliveryFailed("relay unavailable: " + e.getMessage(), false, e);
        }
    }

    @Override
    public String description() {
        return settings.toString();
    }
}
