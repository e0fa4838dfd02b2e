package uk.gov.inspectorates.portal.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.OutboxMessages.Pending;
import uk.gov.inspectorates.portal.core.notification.OutgoingMessage;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/** V14 on real PostgreSQL: claims are leases no two callers share, and a once-key queues at most once. */
class JdbcNotificationOutboxTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private static DataSource dataSource;
    private static JdbcNotificationOutbox outbox;

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.migrated();
        outbox = new JdbcNotificationOutbox(dataSource);
    }

    @BeforeEach
    void empty() throws Exception {
        execute("delete from notification_outbox; delete from notice_once");
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static OutgoingMessage message(String recipient) {
        return new OutgoingMessage(NoticeKind.NEW_REQUEST, recipient, "New information request", "body",
                "https://portal.example/r");
    }

    private static List<String> recipients(List<Pending> claimed) {
        return claimed.stream().map(p -> p.message().recipient()).toList();
    }

    @Test
    void dueMessagesAreClaimedOldestFirstAndNotAgainWhileTheLeaseHolds() {
        outbox.add(List.of(message("a@x.example"), message("b@x.example"), message("c@x.example")), NOW);

        List<Pending> first = outbox.claimDue(NOW, NOW.plus(LEASE), 2);
        assertEquals(List.of("a@x.example", "b@x.example"), recipients(first));
        assertEquals(new OutgoingMessage(NoticeKind.NEW_REQUEST, "a@x.example", "New information request", "body",
                "https://portal.example/r"), first.get(0).message(), "read back whole");
        assertEquals(List.of("c@x.example"), recipients(outbox.claimDue(NOW, NOW.plus(LEASE), 10)));
        assertTrue(outbox.claimDue(NOW.plus(LEASE).minusSeconds(1), NOW.plus(LEASE.multipliedBy(2)), 10).isEmpty());

        assertEquals(3, outbox.claimDue(NOW.plus(LEASE), NOW.plus(LEASE.multipliedBy(2)), 10).size(),
                "a lost node's claims are taken again once its lease is over");
    }

    @Test
    void sentAndGivenUpMessagesAreNeverClaimedAgainAndARetryWaitsForItsTime() {
        outbox.add(List.of(message("sent@x.example"), message("gone@x.example"), message("later@x.example")), NOW);
        List<Pending> claimed = outbox.claimDue(NOW, NOW.plus(LEASE), 10);

        outbox.sent(claimed.get(0).seq(), 1, NOW);
        outbox.givenUp(claimed.get(1).seq(), 8, NOW, "550 no such user");
        outbox.retryLater(claimed.get(2).seq(), 3, NOW.plus(Duration.ofMinutes(4)), "connection refused");

        assertTrue(outbox.claimDue(NOW.plus(Duration.ofMinutes(3)), NOW.plus(LEASE), 10).isEmpty());
        List<Pending> retry = outbox.claimDue(NOW.plus(Duration.ofMinutes(4)), NOW.plus(LEASE), 10);
        assertEquals(List.of("later@x.example"), recipients(retry));
        assertEquals(3, retry.get(0).attempts());
        outbox.sent(retry.get(0).seq(), 4, NOW.plus(Duration.ofMinutes(4)));
        assertTrue(outbox.claimDue(NOW.plus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(31)), 10).isEmpty());
    }

    @Test
    void aForgottenLinkIsGoneFromTheRowAndTheRestKept() {
        outbox.add(List.of(new OutgoingMessage(NoticeKind.PASSWORD_RESET, "pat@x.example", "Reset", "body TOKEN",
                "https://portal.example/password-reset/TOKEN")), NOW);
        long seq = outbox.claimDue(NOW, NOW.plus(LEASE), 1).get(0).seq();

        outbox.sent(seq, 1, NOW);
        outbox.forgetLink(seq);

        assertEquals(1L, count("select count(*) from notification_outbox where seq = " + seq
                + " and link = '' and body = '' and subject = 'Reset' and recipient = 'pat@x.example'"));
    }

    private static long count(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             java.sql.ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMessageIsNeverBothSentAndGivenUp() {
        outbox.add(List.of(message("a@x.example")), NOW);
        long seq = outbox.claimDue(NOW, NOW.plus(LEASE), 1).get(0).seq();
        outbox.sent(seq, 1, NOW);

        assertThrows(DataAccessException.class, () -> outbox.givenUp(seq, 1, NOW, "late failure"));
    }

    @Test
    void twoNodesClaimingAtOnceNeverTakeTheSameMessage() throws Exception {
        for (int i = 0; i < 40; i++) {
            outbox.add(List.of(message("p" + i + "@x.example")), NOW);
        }
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<List<Pending>> claim = () -> outbox.claimDue(NOW, NOW.plus(LEASE), 25);
            Future<List<Pending>> one = nodes.submit(claim);
            Future<List<Pending>> two = nodes.submit(claim);
            Set<Long> seen = new HashSet<>();
            int total = 0;
            for (Future<List<Pending>> claimed : List.of(one, two)) {
                for (Pending pending : claimed.get()) {
                    assertTrue(seen.add(pending.seq()), "claimed twice: " + pending.seq());
                    total++;
                }
            }
            assertEquals(40, total);
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void aOnceKeyQueuesItsMessagesOnceEvenWhenTheyWereNobody() {
        assertTrue(outbox.addOnce("DUE_TOMORROW:r1", List.of(message("a@x.example")), NOW));
        assertFalse(outbox.addOnce("DUE_TOMORROW:r1", List.of(message("a@x.example")), NOW.plusSeconds(60)));
        assertTrue(outbox.addOnce("OVERDUE:r1", List.of(), NOW));
        assertFalse(outbox.addOnce("OVERDUE:r1", List.of(message("a@x.example")), NOW));

        assertEquals(1, outbox.claimDue(NOW.plusSeconds(60), NOW.plus(LEASE), 10).size());
    }

    @Test
    void anAddressIsTheCredentialsEmailElseAUsernameThatIsAnAddress() throws Exception {
        JdbcOrganisationDirectory directory = new JdbcOrganisationDirectory(dataSource);
        directory.saveOrganisation(Organisation.of(Inspectorate.OFSTED));
        UserAccount invited = new UserAccount("invited", "pat@northdale.gov.uk", "Pat",
                Inspectorate.OFSTED.organisationId(), Set.of(Role.INSPECTOR), Set.of(), null);
        UserAccount saml = new UserAccount("saml", "ofsted/jo.bloggs@ofsted.gov.uk", "Jo",
                Inspectorate.OFSTED.organisationId(), Set.of(Role.INSPECTOR), Set.of(), null);
        UserAccount plain = new UserAccount("plain", "ofsted.inspector", "Olivia",
                Inspectorate.OFSTED.organisationId(), Set.of(Role.INSPECTOR), Set.of(), null);
        for (UserAccount user : List.of(invited, saml, plain)) {
            directory.saveUser(user);
        }
        execute("insert into local_credential (user_id, email, password_hash) values"
                + " ('invited', 'Pat@Northdale.gov.uk', 'h'), ('plain', null, 'h')");
        JdbcMailAddresses addresses = new JdbcMailAddresses(dataSource);

        assertEquals(Optional.of("Pat@Northdale.gov.uk"), addresses.addressOf(invited));
        assertEquals(Optional.of("jo.bloggs@ofsted.gov.uk"), addresses.addressOf(saml));
        assertEquals(Optional.empty(), addresses.addressOf(plain));
    }
}
