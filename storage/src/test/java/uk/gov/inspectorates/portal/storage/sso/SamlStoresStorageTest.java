package uk.gov.inspectorates.portal.storage.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAssertionReplayCache;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcSamlRequestLog;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/**
 * The SAML request log and assertion replay cache on a real PostgreSQL: a request is answered once, only for the
 * identity provider it went to and only before it expires; an assertion id is used once, also when two nodes receive
 * it at the same moment.
 */
class SamlStoresStorageTest {

    private static final Instant NOW = Instant.parse("2026-11-23T20:00:00Z");
    private static final String BROWSER = "5f1d0c3a-the-sha256-of-a-browser-binding";

    private static DataSource dataSource;
    private static JdbcSamlRequestLog requests;
    private static JdbcAssertionReplayCache replays;

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.migrated();
        requests = new JdbcSamlRequestLog(dataSource);
        replays = new JdbcAssertionReplayCache(dataSource);
    }

    @Test
    void aRequestIsConsumedOnceOnly() {
        String id = newId();
        requests.issued(id, Inspectorate.OFSTED, BROWSER, NOW.plusSeconds(600));

        assertTrue(requests.consume(id, Inspectorate.OFSTED, BROWSER, NOW.plusSeconds(5)));
        assertFalse(requests.consume(id, Inspectorate.OFSTED, BROWSER, NOW.plusSeconds(6)),
                "second answer to the same request");
    }

    @Test
    void aRequestIsNotConsumedForAnotherInspectoratesIdentityProviderNorAfterItExpires() {
        String id = newId();
        requests.issued(id, Inspectorate.OFSTED, BROWSER, NOW.plusSeconds(600));

        assertFalse(requests.consume(id, Inspectorate.CQC, BROWSER, NOW), "issued to Ofsted's identity provider");
        assertFalse(requests.consume(id, Inspectorate.OFSTED, BROWSER, NOW.plusSeconds(600)), "expired");
        assertFalse(requests.consume(newId(), Inspectorate.OFSTED, BROWSER, NOW), "never issued");
        assertFalse(requests.consume(null, Inspectorate.OFSTED, BROWSER, NOW), "no InResponseTo");
    }

    @Test
    void aRequestIsConsumedOnlyWithTheBindingOfTheBrowserThatStartedItAndAnotherBrowsersAttemptLeavesItOpen() {
        String id = newId();
        requests.issued(id, Inspectorate.OFSTED, BROWSER, NOW.plusSeconds(600));

        assertEquals(java.util.Optional.of(BROWSER), requests.browserOf(id, Inspectorate.OFSTED, NOW));
        assertFalse(requests.consume(id, Inspectorate.OFSTED, "another-browser-hash", NOW), "another browser");
        assertFalse(requests.consume(id, Inspectorate.OFSTED, null, NOW), "a browser without the cookie");
        assertTrue(requests.consume(id, Inspectorate.OFSTED, BROWSER, NOW), "still open for its own browser");
        assertEquals(java.util.Optional.empty(), requests.browserOf(id, Inspectorate.OFSTED, NOW), "consumed");
    }

    @Test
    void theBrowserOfARequestIsKnownOnlyWhileItIsOpenForThatIdentityProvider() {
        String id = newId();
        requests.issued(id, Inspectorate.OFSTED, BROWSER, NOW.plusSeconds(600));

        assertEquals(java.util.Optional.empty(), requests.browserOf(id, Inspectorate.CQC, NOW));
        assertEquals(java.util.Optional.empty(), requests.browserOf(id, Inspectorate.OFSTED, NOW.plusSeconds(600)));
        assertEquals(java.util.Optional.empty(), requests.browserOf(newId(), Inspectorate.OFSTED, NOW));
        assertEquals(java.util.Optional.empty(), requests.browserOf(null, Inspectorate.OFSTED, NOW));
    }

    @Test
    void expiredRequestsArePurged() throws Exception {
        String old = newId();
        requests.issued(old, Inspectorate.CQC, BROWSER, NOW.minusSeconds(1));
        requests.consume(newId(), Inspectorate.CQC, BROWSER, NOW);

        assertEquals(0, count("select count(*) from saml_request where id = '" + old + "'"));
    }

    @Test
    void ofTwoConcurrentConsumersOnlyOneWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            String id = newId();
            requests.issued(id, Inspectorate.OFSTED, BROWSER, NOW.plusSeconds(600));
            List<Boolean> results = race(() -> requests.consume(id, Inspectorate.OFSTED, BROWSER, NOW));
            assertEquals(1, results.stream().filter(won -> won).count(), "winners in round " + round);
        }
    }

    @Test
    void anAssertionIdIsUsedOnceUntilItExpires() throws Exception {
        String id = newId();
        Instant keepUntil = NOW.plus(Duration.ofMinutes(5));

        assertTrue(replays.firstUse(id, keepUntil, NOW));
        assertFalse(replays.firstUse(id, keepUntil, NOW.plusSeconds(1)), "replayed");
        assertFalse(replays.firstUse(id, keepUntil, keepUntil.minusMillis(1)), "replayed just before it expires");

        replays.firstUse(newId(), keepUntil, keepUntil.plusSeconds(1));
        assertEquals(0, count("select count(*) from saml_assertion_seen where assertion_id = '" + id + "'"),
                "purged after keep-until");
    }

    @Test
    void ofTwoConcurrentFirstUsesOnlyOneWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            String id = newId();
            List<Boolean> results = race(() -> replays.firstUse(id, NOW.plusSeconds(300), NOW));
            assertEquals(1, results.stream().filter(won -> won).count(), "winners in round " + round);
        }
    }

    private static List<Boolean> race(Callable<Boolean> attempt) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return attempt.call();
                }));
            }
            start.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String newId() {
        return "_" + UUID.randomUUID();
    }
}
