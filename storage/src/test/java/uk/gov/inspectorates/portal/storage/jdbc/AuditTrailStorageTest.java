package uk.gov.inspectorates.portal.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.auditverifier.AuditChain;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditEventFields;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;
import uk.gov.inspectorates.portal.storage.keys.MigrationScripts;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/**
 * The audit trail on real PostgreSQL, written through the application's own role as the portal writes it
 * (docs/adr/0032): an event is committed with the action it records or not at all, a refusal stays recorded whatever
 * the unit of work does, concurrent writers leave one unbroken chain (version 2), the application's role cannot
 * change or remove an event, and V24 re-chains events written before version 2.
 */
class AuditTrailStorageTest {

    private static final String APPLICATION = "portal_app";
    private static final Instant AT = Instant.parse("2027-01-11T09:30:00.123456789Z");

    private static String database;
    /** The owner (here the superuser): runs the migrations and the test's own inspection of the rows. */
    private static DataSource owner;
    /** The portal's role: DML on everything but the append-only tables. */
    private static DataSource application;
    private static JdbcAuditTrail trail;
    private static JdbcUnitOfWork unitOfWork;
    private static JdbcOrganisationDirectory directory;
    private static final AtomicInteger NAMES = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabases.createMigrated();
        owner = TestDatabases.dataSource(database);
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create role " + APPLICATION + " login password 'application-test'");
            ApplicationRole.grant(connection, APPLICATION);
            // one action whose event cannot be written: a stand-in for a full disk or a broken constraint
            statement.execute("create function refuse_test_event() returns trigger language plpgsql as $$ begin "
                    + "raise exception 'this event cannot be written'; end $$");
            statement.execute("create trigger refuse_test_event before insert on audit_event for each row "
                    + "when (new.action = 'UNWRITABLE') execute function refuse_test_event()");
        }
        application = TestDatabases.server().getDatabase(APPLICATION, database);
        trail = new JdbcAuditTrail(application);
        unitOfWork = new JdbcUnitOfWork(application);
        directory = new JdbcOrganisationDirectory(application);
    }

    private static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    private static AuditEvent event(String action, Outcome outcome, String detail) {
        return new AuditEvent(AT, "u-1", "ofsted", "INSPECTOR", action, "report", "r-1", "r-1", null,
                Set.of("ofsted", "cqc"), outcome, detail, null, "192.0.2.10", "test agent");
    }

    private static long events(String detail) throws SQLException {
        return count("select count(*) from audit_event where detail = ?", detail);
    }

    private static long areas(String id) throws SQLException {
        return count("select count(*) from local_authority_area where id = ?", id);
    }

    private static long count(String sql, String parameter) throws SQLException {
        try (Connection connection = owner.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void anEventRecordedInAUnitIsCommittedWithTheAction() throws Exception {
        String detail = unique("committed");
        String area = unique("area");
        unitOfWork.run(() -> {
            directory.saveLocalAuthorityArea(new LocalAuthorityArea(area, "Committed"));
            trail.record(event("AREA_CHANGE", Outcome.SUCCEEDED, detail));
        });
        assertEquals(1, events(detail));
        assertEquals(1, areas(area));
    }

    @Test
    void anActionRolledBackLeavesNoEvent() throws Exception {
        String detail = unique("rolled-back");
        String area = unique("area");
        assertThrows(IllegalStateException.class, () -> unitOfWork.run(() -> {
            directory.saveLocalAuthorityArea(new LocalAuthorityArea(area, "Rolled back"));
            trail.record(event("AREA_CHANGE", Outcome.SUCCEEDED, detail));
            throw new IllegalStateException("the action fails after recording its event");
        }));
        assertEquals(0, events(detail), "no event for an action that did not happen");
        assertEquals(0, areas(area));
    }

    @Test
    void anEventThatCannotBeWrittenRollsTheActionBack() throws Exception {
        String detail = unique("unwritable");
        String area = unique("area");
        assertThrows(DataAccessException.class, () -> unitOfWork.run(() -> {
            directory.saveLocalAuthorityArea(new LocalAuthorityArea(area, "Unrecorded"));
            trail.record(event("UNWRITABLE", Outcome.SUCCEEDED, detail));
        }));
        assertEquals(0, areas(area), "an action whose event cannot be written does not happen");
        assertEquals(0, events(detail));
    }

    @Test
    void aRefusalInsideAFailingUnitIsStillRecorded() throws Exception {
        String refusal = unique("refused");
        String success = unique("succeeded-then-failed");
        assertThrows(IllegalStateException.class, () -> unitOfWork.run(() -> {
            trail.record(event("REPORT_VIEW", Outcome.SUCCEEDED, success));
            trail.record(event("REPORT_VIEW", Outcome.DENIED, refusal));
            trail.record(event("REPORT_VIEW", Outcome.REFUSED, refusal));
            throw new IllegalStateException("the gate throws right after recording the refusal");
        }));
        assertEquals(2, events(refusal), "a refusal happened even though the unit failed");
        assertEquals(0, events(success));
    }

    @Test
    void theChainsLockIsNotHeldWhileAUnitsWorkRuns() throws Exception {
        String detail = unique("meanwhile");
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> slowUnit = pool.submit(() -> unitOfWork.run(() -> {
                trail.record(event("REPORT_VIEW", Outcome.SUCCEEDED, detail + "/slow"));
                recorded.countDown();
                await(finish);
            }));
            assertTrue(recorded.await(30, TimeUnit.SECONDS));
            // another writer appends while the first unit is still at work: nothing waits for its commit
            pool.submit(() -> trail.record(event("SIGN_IN", Outcome.SUCCEEDED, detail + "/other")))
                    .get(30, TimeUnit.SECONDS);
            assertEquals(1, events(detail + "/other"));
            assertEquals(0, events(detail + "/slow"), "not written before its unit ends");
            finish.countDown();
            slowUnit.get(30, TimeUnit.SECONDS);
            assertEquals(1, events(detail + "/slow"));
        } finally {
            finish.countDown();
            pool.shutdownNow();
        }
        assertWholeChainIntact();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(60, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void outsideAUnitAnEventIsWrittenAtOnce() throws Exception {
        String detail = unique("alone");
        trail.record(event("SIGN_IN", Outcome.SUCCEEDED, detail));
        assertEquals(1, events(detail));
    }

    @Test
    void concurrentWritersLeaveOneUnbrokenChain() throws Exception {
        String marker = unique("concurrent");
        int threads = 4;
        int unitsEach = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int u = 0; u < unitsEach; u++) {
                    int unit = u;
                    try {
                        unitOfWork.run(() -> {
                            trail.record(event("REPORT_VIEW", Outcome.SUCCEEDED, marker + "/" + thread + "/" + unit));
                            trail.record(event("REPORT_VIEW", Outcome.DENIED, marker + "/" + thread + "/" + unit));
                            trail.record(event("REPORT_DOWNLOAD", Outcome.SUCCEEDED,
                                    marker + "/" + thread + "/" + unit));
                            if (unit % 5 == 4) {
                                throw new IllegalStateException("every fifth unit fails");
                            }
                        });
                    } catch (IllegalStateException expected) {
                        // its successes are gone, its refusal stays
                    }
                    trail.record(event("SIGN_IN", Outcome.SUCCEEDED, marker + "/" + thread + "/" + unit));
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        int failedUnits = threads * (unitsEach / 5);
        long expected = (long) threads * unitsEach * 4 - failedUnits * 2L;
        assertEquals(expected, count("select count(*) from audit_event where detail like ?", marker + "/%"));
        assertWholeChainIntact();
    }

    /** Recomputes every link of the whole trail with audit-verifier's AuditChain, as a verifier would. */
    private static void assertWholeChainIntact() throws SQLException {
        byte[] previous = null;
        long lastSeq = 0;
        int checked = 0;
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select * from audit_event order by seq")) {
            while (rows.next()) {
                long seq = rows.getLong("seq");
                assertTrue(seq > lastSeq);
                assertEquals(2, rows.getInt("chain_version"), "seq " + seq);
                assertArrayEquals(previous, rows.getBytes("previous_hash"), "seq " + seq + " links its predecessor");
                byte[] digest = AuditEventFields.contentDigest(seq, JdbcAuditTrail.event(rows));
                assertArrayEquals(digest, rows.getBytes("content_digest"), "seq " + seq);
                assertArrayEquals(AuditChain.link(previous, digest), rows.getBytes("hash"), "seq " + seq);
                previous = rows.getBytes("hash");
                lastSeq = seq;
                checked++;
            }
        }
        assertTrue(checked > 0);
    }

    @Test
    void theStoredEventReadsBackAsRecordedToTheMicrosecond() throws Exception {
        String detail = unique("read-back");
        trail.record(event("REPORT_VIEW", Outcome.SUCCEEDED, detail));
        AuditEvent stored = trail.recent(50).stream().filter(e -> detail.equals(e.detail())).findFirst()
                .orElseThrow();
        assertEquals(event("REPORT_VIEW", Outcome.SUCCEEDED, detail).withAt(Instant.parse(
                "2027-01-11T09:30:00.123456Z")), stored);
        assertWholeChainIntact();
    }

    @Test
    void theApplicationsRoleCannotUpdateDeleteOrTruncateEvents() throws Exception {
        trail.record(event("REPORT_VIEW", Outcome.SUCCEEDED, unique("to-tamper-with")));
        for (String change : List.of("update audit_event set detail = 'rewritten'",
                "delete from audit_event", "truncate audit_event")) {
            try (Connection connection = application.getConnection();
                 Statement statement = connection.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(change), change);
                assertEquals("42501", refused.getSQLState(), change);
                assertTrue(refused.getMessage().contains("permission denied for table audit_event"),
                        change + ": refused by the role's privileges, " + refused.getMessage());
            }
        }
        try (Connection connection = application.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("update local_authority_area set name = name where id = 'none'");
        }
        assertWholeChainIntact();
    }

    @Test
    void evenTheOwnerIsRefusedByTheAppendOnlyTriggers() throws Exception {
        trail.record(event("REPORT_VIEW", Outcome.SUCCEEDED, unique("owner-tampering")));
        for (String change : List.of("update audit_event set detail = 'rewritten'",
                "delete from audit_event", "truncate audit_event")) {
            try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(change), change);
                assertTrue(refused.getMessage().contains("the table audit_event is append-only"),
                        change + ": " + refused.getMessage());
            }
        }
        assertWholeChainIntact();
    }

    @Test
    void v24RechainsEventsWrittenBeforeVersion2() throws Exception {
        DataSource before = TestDatabases.dataSource(TestDatabases.createEmpty());
        MigrationScripts.applyUpTo(before, 23);
        try (Connection connection = before.getConnection()) {
            for (int i = 0; i < 3; i++) {
                try (PreparedStatement insert = connection.prepareStatement("insert into audit_event (at, actor_id, "
                        + "action, outcome, detail, previous_hash, hash) values (?, 'u-1', 'SIGN_IN', 'SUCCEEDED', ?, "
                        + "?, ?)")) {
                    insert.setTimestamp(1, java.sql.Timestamp.from(AT.plusSeconds(i)));
                    insert.setString(2, "v1 event " + i);
                    insert.setBytes(3, i == 0 ? null : new byte[] {(byte) i});
                    insert.setBytes(4, new byte[] {(byte) (i + 1)});
                    insert.executeUpdate();
                }
            }
            new db.migration.V24__audit_chain_v2().migrate(MigrationScripts.contextOf(connection));
            byte[] previous = null;
            int checked = 0;
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select * from audit_event order by seq")) {
                while (rows.next()) {
                    long seq = rows.getLong("seq");
                    assertEquals(2, rows.getInt("chain_version"));
                    if (previous == null) {
                        assertNull(rows.getBytes("previous_hash"));
                    }
                    assertArrayEquals(previous, rows.getBytes("previous_hash"));
                    byte[] digest = AuditEventFields.contentDigest(seq, JdbcAuditTrail.event(rows));
                    assertArrayEquals(digest, rows.getBytes("content_digest"));
                    assertArrayEquals(AuditChain.link(previous, digest), rows.getBytes("hash"));
                    previous = rows.getBytes("hash");
                    checked++;
                }
            }
            assertEquals(3, checked);
            assertFalse(previous.length == 1, "the v1 placeholder hashes are gone");
        }
    }
}
