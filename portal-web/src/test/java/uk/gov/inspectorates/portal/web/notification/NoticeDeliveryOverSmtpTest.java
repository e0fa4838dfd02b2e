package uk.gov.inspectorates.portal.web.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.notification.NoticeDelivery;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.Notices;
import uk.gov.inspectorates.portal.core.notification.Recipients;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditTrail;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcMailAddresses;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcNotificationOutbox;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcOrganisationDirectory;
import uk.gov.inspectorates.portal.storage.jdbc.SchemaMigration;

/**
 * The outbox end to end below the container: notices queued on PostgreSQL (the portal's migrations), delivered by
 * the worker's core through the SMTP adapter to a real SMTP server (GreenMail), retried with back-off while the
 * relay is down, given up after the last attempt, every send and give-up in the audit trail.
 */
class NoticeDeliveryOverSmtpTest {

    private static final String AGENCY = "northdale-childrens-services";

    /** A clock the test moves on. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private final TestClock clock = new TestClock();
    private GreenMail smtp;
    private int port;
    private Notices notices;

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("unix_socket_directories", "").start();
        dataSource = postgres.getPostgresDatabase();
        SchemaMigration.migrate(dataSource);
        JdbcOrganisationDirectory directory = new JdbcOrganisationDirectory(dataSource);
        directory.saveLocalAuthorityArea(new LocalAuthorityArea("northdale", "Northdale"));
        directory.saveOrganisation(Organisation.agency(AGENCY, "Northdale Council Children's Services",
                AgencyType.LOCAL_AUTHORITY_CHILDRENS_SERVICES, "northdale"));
        directory.saveUser(new UserAccount("uploader", "uploader@northdale.gov.uk", "Una Uploader", AGENCY,
                Set.of(Role.AGENCY_UPLOADER), Set.of(), null));
        directory.saveUser(new UserAccount("chief", "dcs@northdale.gov.uk", "Dee Chief", AGENCY,
                Set.of(Role.AGENCY_CHIEF_OFFICER), Set.of(), null));
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void smtpServer() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // audit_event is append-only even for its owner (docs/adr/0032): the test's superuser sets its triggers aside
            statement.execute("set session_replication_role = replica; delete from notification_outbox; "
                    + "delete from audit_event; reset session_replication_role");
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        notices = new Notices(new JdbcOrganisationDirectory(dataSource), new JdbcMailAddresses(dataSource),
                new JdbcNotificationOutbox(dataSource), clock, "https://portal.example.gov.uk");
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private NoticeDelivery delivery(int maxAttempts) {
        JakartaMailRelay relay = new JakartaMailRelay(new JakartaMailRelay.Settings("127.0.0.1", port,
                "no-reply@portal.example.gov.uk", JakartaMailRelay.Tls.NONE, Optional.empty(), "",
                Duration.ofSeconds(5)));
        return new NoticeDelivery(new JdbcNotificationOutbox(dataSource), relay, new JdbcAuditTrail(dataSource),
                clock, new NoticeDelivery.Settings(maxAttempts, Duration.ofMinutes(1), Duration.ofMinutes(10), 20,
                        Duration.ofMinutes(5)));
    }

    private void queueNewRequest() {
        notices.enqueue(Notice.of(NoticeKind.NEW_REQUEST, "Case files for child 7654321 (Elm Street school)",
                "/inspections/i1/requests/r1", Recipients.withRoles(AGENCY, Role.AGENCY_UPLOADER,
                        Role.AGENCY_CHIEF_OFFICER)));
    }

    private record Row(int attempts, Instant nextAttemptAt, Instant sentAt, Instant givenUpAt, String lastFailure) {
    }

    private static List<Row> rows() throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select attempts, next_attempt_at, sent_at,"
                     + " given_up_at, last_failure from notification_outbox order by seq");
             ResultSet row = query.executeQuery()) {
            List<Row> rows = new java.util.ArrayList<>();
            while (row.next()) {
                rows.add(new Row(row.getInt(1), instant(row, 2), instant(row, 3), instant(row, 4), row.getString(5)));
            }
            return rows;
        }
    }

    private static Instant instant(ResultSet row, int column) throws Exception {
        java.sql.Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static List<AuditEvent> sendEvents() {
        return new JdbcAuditTrail(dataSource).recent(100).stream()
                .filter(event -> event.action().equals(AuditActions.NOTIFICATION_SEND)).toList();
    }

    @Test
    void aQueuedNoticeReachesEachRecipientWithTheLinkAndTheCleanedTitleOnlyAndEachSendIsAudited() throws Exception {
        smtp.start();
        queueNewRequest();

        assertEquals(new NoticeDelivery.Result(2, 0, 0), delivery(3).deliverDue());

        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(Set.of("uploader@northdale.gov.uk", "dcs@northdale.gov.uk"), Set.of(
                received[0].getAllRecipients()[0].toString(), received[1].getAllRecipients()[0].toString()));
        for (MimeMessage mail : received) {
            String body = (String) mail.getContent();
            assertTrue(body.contains("https://portal.example.gov.uk/inspections/i1/requests/r1"), body);
            assertFalse(body.contains("7654321"), body);
            assertTrue(body.contains("Case files for child [removed] (Elm Street school)"), body);
        }
        assertTrue(rows().stream().allMatch(row -> row.sentAt() != null && row.attempts() == 1));
        List<AuditEvent> sends = sendEvents();
        assertEquals(2, sends.size());
        assertTrue(sends.stream().allMatch(event -> event.outcome() == AuditEvent.Outcome.SUCCEEDED
                && event.detail().contains("handed to smtp 127.0.0.1:" + port)), sends.toString());
        assertEquals(new NoticeDelivery.Result(0, 0, 0), delivery(3).deliverDue(), "sent once");
    }

    @Test
    void whileTheRelayIsDownANoticeWaitsWithADoublingBackOffAndIsSentWhenItIsBack() throws Exception {
        queueNewRequest();
        NoticeDelivery delivery = delivery(5);

        assertEquals(new NoticeDelivery.Result(0, 2, 0), delivery.deliverDue());
        Row first = rows().get(0);
        assertEquals(1, first.attempts());
        assertEquals(clock.instant().plus(Duration.ofMinutes(1)), first.nextAttemptAt());
        assertTrue(first.lastFailure().startsWith("relay unavailable"), first.lastFailure());

        clock.advance(Duration.ofSeconds(59));
        assertEquals(new NoticeDelivery.Result(0, 0, 0), delivery.deliverDue(), "not before its time");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(new NoticeDelivery.Result(0, 2, 0), delivery.deliverDue());
        assertEquals(clock.instant().plus(Duration.ofMinutes(2)), rows().get(0).nextAttemptAt());

        smtp.start();
        clock.advance(Duration.ofMinutes(2));
        assertEquals(new NoticeDelivery.Result(2, 0, 0), delivery.deliverDue());
        assertEquals(2, smtp.getReceivedMessages().length);
        assertTrue(rows().stream().allMatch(row -> row.attempts() == 3 && row.sentAt() != null
                && row.lastFailure() == null));
        assertEquals(2, sendEvents().size(), "the send is audited, not each retry");
    }

    @Test
    void afterTheLastAttemptANoticeIsGivenUpWithItsFailureKeptAndTheGivingUpAudited() throws Exception {
        queueNewRequest();
        NoticeDelivery delivery = delivery(2);

        delivery.deliverDue();
        clock.advance(Duration.ofMinutes(1));
        assertEquals(new NoticeDelivery.Result(0, 0, 2), delivery.deliverDue());

        for (Row row : rows()) {
            assertNotNull(row.givenUpAt());
            assertNull(row.sentAt());
            assertEquals(2, row.attempts());
            assertTrue(row.lastFailure().startsWith("relay unavailable"), row.lastFailure());
        }
        List<AuditEvent> sends = sendEvents();
        assertEquals(2, sends.size());
        assertTrue(sends.stream().allMatch(event -> event.outcome() == AuditEvent.Outcome.REFUSED
                && event.detail().contains("given up after 2 attempts")), sends.toString());
        smtp.start();
        clock.advance(Duration.ofDays(1));
        assertEquals(new NoticeDelivery.Result(0, 0, 0), delivery.deliverDue(), "never tried again");
        assertEquals(0, smtp.getReceivedMessages().length);
    }
}
