package uk.gov.inspectorates.portal.deploy.it;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The e-mail the deployed portal sent to the tests' SMTP server (GreenMail, see PortalTestEnvironmentListener). */
final class Mailbox {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    private Mailbox() {
    }

    /** Waits (on the SMTP server, without sleeping) for the latest message that matches. */
    static MimeMessage await(String what, Predicate<MimeMessage> matching) throws Exception {
        GreenMail mail = TestEnvironment.mail();
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        while (true) {
            MimeMessage[] received = mail.getReceivedMessages();
            for (int i = received.length - 1; i >= 0; i--) {
                if (matching.test(received[i])) {
                    return received[i];
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no e-mail " + what + " within " + DELIVERY);
            }
            mail.waitForIncomingEmail(Math.max(1, left / 1_000_000), received.length + 1);
        }
    }

    static Predicate<MimeMessage> to(String recipient, String bodyPart) {
        return message -> {
            try {
                return message.getAllRecipients()[0].toString().equalsIgnoreCase(recipient)
                        && body(message).contains(bodyPart);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static String body(MimeMessage message) throws Exception {
        return (String) message.getContent();
    }

    /** The link (as e-mailed: at the configured public address) of the latest message to the recipient with it. */
    static String linkSentTo(String recipient, String pathPrefix) throws Exception {
        String body = body(await("to " + recipient + " with a " + pathPrefix + " link", to(recipient, pathPrefix)));
        Matcher link = Pattern.compile("https?://\\S+" + Pattern.quote(pathPrefix) + "[A-Za-z0-9_-]+").matcher(body);
        if (!link.find()) {
            throw new AssertionError("no " + pathPrefix + " link in: " + body);
        }
        return link.group();
    }
}
