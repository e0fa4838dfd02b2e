package uk.gov.inspectorates.portal.web.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.NoticeTemplates;
import uk.gov.inspectorates.portal.core.notification.OutgoingMessage;

/** Without an SMTP relay a notice is a log line: its kind, never its recipient or title; the link in demo mode. */
class LoggingMailRelayTest {

    private final Logger logger = Logger.getLogger(LoggingMailRelay.class.getName());
    private final List<String> lines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(capture);
    }

    private static OutgoingMessage message() {
        return NoticeTemplates.render(NoticeKind.REPORT_SHARED, "reader@cqc.org.uk", "Findings for Northdale",
                "https://portal.example/reports/r1");
    }

    @Test
    void aNoticeIsLoggedByKindWithoutItsRecipientTitleOrLink() {
        new LoggingMailRelay(false).send(message());

        assertEquals(1, lines.size());
        String line = lines.get(0);
        assertTrue(line.contains("REPORT_SHARED"), line);
        assertFalse(line.contains("reader@cqc.org.uk"), "no e-mail address in the log: " + line);
        assertFalse(line.contains("Northdale") || line.contains("/reports/r1"), line);
    }

    @Test
    void inDemoModeTheLinkIsLoggedTooSoThatInvitationsCanBeFollowedButNeverTheTitle() {
        new LoggingMailRelay(true).send(message());

        String line = lines.get(0);
        assertTrue(line.startsWith("DEMO MODE") && line.endsWith("https://portal.example/reports/r1"), line);
        assertFalse(line.contains("Northdale") || line.contains("reader@cqc.org.uk"), line);
    }
}
