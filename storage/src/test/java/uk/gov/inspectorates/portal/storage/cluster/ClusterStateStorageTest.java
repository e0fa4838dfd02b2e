package uk.gov.inspectorates.portal.storage.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.inspectorates.portal.core.account.EnrolmentProgress;
import uk.gov.inspectorates.portal.security.keystore.BcfksMasterKeyRing;
import uk.gov.inspectorates.portal.storage.TestDatabases;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcEnrolmentsInProgress;
import uk.gov.inspectorates.portal.storage.jdbc.PostgresJobLeases;

/**
 * V27 on real PostgreSQL, as two portal instances sharing one database use it: a scheduled job raced by two
 * runners (each with its own connections, as two instances have) does its work once, and an invitation's set-up
 * progress started through one instance is read through another, with its TOTP secret never stored in plaintext.
 */
class ClusterStateStorageTest {

    private static final Instant NOW = Instant.parse("2030-03-02T09:00:00Z");

    private static final String ADVISORY_LOCKS = "select count(*) from pg_locks where locktype = 'advisory' "
            + "and database = (select oid from pg_database where datname = current_database())";

    @TempDir
    static Path temp;

    private static DataSource dataSource;
    private static BcfksMasterKeyRing ring;

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.migrated();
        ring = BcfksMasterKeyRing.openOrCreate(temp.resolve("keys/master.bcfks"), "test keystore".toCharArray(), true);
    }

    @Test
    void twoInstancesRacingForAJobDoItsWorkOnce() throws Exception {
        PostgresJobLeases first = new PostgresJobLeases(dataSource, Clock.fixed(NOW, ZoneOffset.UTC), "instance-1");
        PostgresJobLeases second = new PostgresJobLeases(dataSource, Clock.fixed(NOW, ZoneOffset.UTC), "instance-2");
        AtomicInteger done = new AtomicInteger();
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch bothTried = new CountDownLatch(1);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<Boolean> race1 = () -> {
                start.await();
                return first.runIfDue("race", Duration.ofMinutes(1), () -> {
                    done.incrementAndGet();
                    working.countDown();
                    assertTrue(bothTried.await(10, TimeUnit.SECONDS));
                });
            };
            Callable<Boolean> race2 = () -> {
                start.await();
                return second.runIfDue("race", Duration.ofMinutes(1), () -> {
                    done.incrementAndGet();
                    working.countDown();
                    assertTrue(bothTried.await(10, TimeUnit.SECONDS));
                });
            };
            ExecutorCompletionService<Boolean> racing = new ExecutorCompletionService<>(threads);
            racing.submit(race1);
            racing.submit(race2);
            // the winner is inside its work and stays there until the other has had its go
            assertTrue(working.await(10, TimeUnit.SECONDS));
            Future<Boolean> loser = racing.poll(10, TimeUnit.SECONDS);
            assertFalse(loser.get(), "the other instance is refused while the job runs");
            bothTried.countDown();
            assertTrue(racing.poll(10, TimeUnit.SECONDS).get(), "the winner ran it");
            assertEquals(1, done.get(), "the work was done once");
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, count("select count(*) from scheduled_job_run where job = 'race'"));
        assertEquals(0, count(ADVISORY_LOCKS), "the lock was let go");
    }

    @Test
    void anInstanceWhoseTimerFiresJustAfterAnotherRanSkipsItsTurnUntilTheGapHasPassed() throws Exception {
        AtomicInteger done = new AtomicInteger();
        Duration gap = Duration.ofSeconds(54);
        assertTrue(new PostgresJobLeases(dataSource, Clock.fixed(NOW, ZoneOffset.UTC), "instance-1")
                .runIfDue("sweep", gap, done::incrementAndGet));
        assertFalse(new PostgresJobLeases(dataSource, Clock.fixed(NOW.plusSeconds(5), ZoneOffset.UTC), "instance-2")
                .runIfDue("sweep", gap, done::incrementAndGet), "another instance ran it 5 s ago");
        assertTrue(new PostgresJobLeases(dataSource, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC), "instance-2")
                .runIfDue("sweep", gap, done::incrementAndGet), "the next interval is this instance's turn");
        assertEquals(2, done.get());
        assertEquals(1, count("select count(*) from scheduled_job_run where job = 'sweep' "
                + "and last_instance = 'instance-2'"));
    }

    @Test
    void aFailedRunLetsGoOfTheLockAndItsFailureIsThrown() {
        PostgresJobLeases leases = new PostgresJobLeases(dataSource, Clock.fixed(NOW, ZoneOffset.UTC), "instance-1");
        IllegalStateException failure = new IllegalStateException("store down");
        IllegalStateException thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> leases.runIfDue("failing", Duration.ZERO, () -> {
                    throw failure;
                }));
        assertEquals(failure, thrown);
        assertEquals(0, count(ADVISORY_LOCKS));
    }

    @Test
    void setUpProgressStartedOnOneInstanceIsReadOnAnotherAndItsSecretIsNotStoredInPlaintext() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        EnrolmentProgress onFirst = new EnrolmentProgress(new JdbcEnrolmentsInProgress(dataSource, ring), clock);
        EnrolmentProgress onSecond = new EnrolmentProgress(new JdbcEnrolmentsInProgress(dataSource, ring), clock);
        byte[] secret = "twenty-byte-secret!!".getBytes(StandardCharsets.US_ASCII);

        String browserKey = onFirst.begin("invitation-token", "$argon2id$hash", secret.clone());

        EnrolmentProgress.Progress read = onSecond.of(browserKey, "invitation-token").orElseThrow();
        assertArrayEquals(secret, read.secret());
        assertEquals("$argon2id$hash", read.passwordHash());
        assertTrue(onSecond.of(browserKey, "another-invitation").isEmpty(), "bound to its invitation");
        assertTrue(onSecond.of("another-browser-key-of-the-same-length-000", "invitation-token").isEmpty());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select * from enrolment_in_progress")) {
            assertTrue(rows.next());
            byte[] stored = rows.getBytes("totp_secret_encrypted");
            assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("twenty-byte-secret"));
            assertFalse(rows.getString("browser_key_hash").contains(browserKey), "only the key's hash is kept");
            assertFalse(rows.getString("invitation_token_hash").contains("invitation-token"));
        }

        EnrolmentProgress later = new EnrolmentProgress(new JdbcEnrolmentsInProgress(dataSource, ring),
                Clock.fixed(NOW.plus(EnrolmentProgress.LIFETIME), ZoneOffset.UTC));
        assertTrue(later.of(browserKey, "invitation-token").isEmpty(), "an hour later the progress is gone");
        onSecond.forget(browserKey);
        assertEquals(0, count("select count(*) from enrolment_in_progress"));
    }

    @Test
    void progressWhoseSecretWasSealedUnderARetiredMasterKeyReadsAsNoProgress() throws Exception {
        BcfksMasterKeyRing rotated = BcfksMasterKeyRing.openOrCreate(temp.resolve("keys/rotated.bcfks"),
                "test keystore".toCharArray(), true);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        EnrolmentProgress progress = new EnrolmentProgress(new JdbcEnrolmentsInProgress(dataSource, rotated), clock);
        String browserKey = progress.begin("rotated-invitation", "$argon2id$hash", new byte[20]);
        String retired = rotated.currentAlias();

        rotated.addMasterKey();
        rotated.removeMasterKey(retired);

        assertTrue(progress.of(browserKey, "rotated-invitation").isEmpty(), "the person chooses a password again");
        progress.forget(browserKey);
    }

    private static long count(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
