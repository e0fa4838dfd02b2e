package uk.gov.inspectorates.portal.web.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.notification.MailRelay;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.NoticeTemplates;
import uk.gov.inspectorates.portal.core.notification.OutgoingMessage;

/** The SMTP adapter against a real SMTP server (GreenMail, on a free port of the loopback interface). */
class JakartaMailRelayTest {

    private static final String FROM = "no-reply@portal.example.gov.uk";

    private GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private JakartaMailRelay relay(int port, JakartaMailRelay.Tls tls) {
        return new JakartaMailRelay(new JakartaMailRelay.Settings("127.0.0.1", port, FROM, tls, Optional.empty(), "",
                Duration.ofSeconds(5)));
    }

    private static OutgoingMessage message() {
        return NoticeTemplates.render(NoticeKind.NEW_REQUEST, "uploader@northdale.gov.uk",
                "Case files for child 7654321", "https://portal.example.gov.uk/inspections/i/requests/r");
    }

    @Test
    void aNoticeArrivesAsPlainTextWithItsFixedSubjectAndBodyAndNothingElse() throws Exception {
        OutgoingMessage message = message();

        relay(smtp.getSmtp().getPort(), JakartaMailRelay.Tls.NONE).send(message);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage mail = received[0];
        assertEquals(new InternetAddress(FROM), mail.getFrom()[0]);
        assertEquals(new InternetAddress("uploader@northdale.gov.uk"), mail.getAllRecipients()[0]);
        assertEquals(1, mail.getAllRecipients().length);
        assertEquals("New information request", mail.getSubject());
        assertTrue(mail.isMimeType("text/plain"), mail.getContentType());
        assertEquals(message.body().replace("\n", "\r\n").strip(), ((String) mail.getContent()).strip());
        assertFalse(((String) mail.getContent()).contains("7654321"));
        assertEquals("auto-generated", mail.getHeader("Auto-Submitted")[0]);
    }

    @Test
    void withStartTlsRequiredARelayThatOffersNoTlsGetsNothing() {
        MailRelay.DeliveryFailed failed = assertThrows(MailRelay.DeliveryFailed.class,
                () -> relay(smtp.getSmtp().getPort(), JakartaMailRelay.Tls.STARTTLS).send(message()));

        assertFalse(failed.permanent(), "the relay may be fixed: tried again later");
        assertEquals(0, smtp.getReceivedMessages().length, "no fall-back to plaintext");
    }

    @Test
    void anUnreachableRelayIsAFailureWorthRetrying() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        MailRelay.DeliveryFailed failed = assertThrows(MailRelay.DeliveryFailed.class,
                () -> relay(closed, JakartaMailRelay.Tls.NONE).send(message()));

        assertFalse(failed.permanent());
        assertTrue(failed.getMessage().startsWith("relay unavailable"), failed.getMessage());
    }

    @Test
    void anAddressTheMailSystemCannotTakeIsGivenUpAtOnce() {
        OutgoingMessage bad = new OutgoingMessage(NoticeKind.NEW_REQUEST, "not an address", "s", "b", "l");

        assertTrue(assertThrows(MailRelay.DeliveryFailed.class,
                () -> relay(smtp.getSmtp().getPort(), JakartaMailRelay.Tls.NONE).send(bad)).permanent());
    }

    @Test
    void theDescriptionNamesTheRelayAndNoSecret() {
        JakartaMailRelay relay = new JakartaMailRelay(new JakartaMailRelay.Settings("mail.example", 587, FROM,
                JakartaMailRelay.Tls.STARTTLS, Optional.of("portal"), "s3cret-Passw0rd", Duration.ofSeconds(5)));

        assertEquals("smtp mail.example:587 (starttls)", relay.description());
        assertFalse(relay.description().contains("s3cret"));
    }
}
