package uk.gov.inspectorates.portal.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.shared.ClusterJobLock;

/** A scheduled job that fails is logged, and its schedule carries on. */
class ScheduledRunTest {

    private final Logger log = Logger.getLogger(ScheduledRunTest.class.getName());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private static final ClusterJobLock ALWAYS_OUR_TURN = (job, gap, work) -> {
        work.run();
        return true;
    };
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    ScheduledRunTest() {
        log.setUseParentHandlers(false);
        log.addHandler(handler);
    }

    @AfterEach
    void stop() {
        log.removeHandler(handler);
        scheduler.shutdownNow();
    }

    @Test
    void aFailedRunIsLoggedAndNotThrown() {
        IllegalStateException failure = new IllegalStateException("store down");

        ScheduledRun.logged(log, "The sweep failed; the next run carries on", () -> {
            throw failure;
        });

        assertEquals(1, logged.size());
        assertEquals(Level.WARNING, logged.get(0).getLevel());
        assertEquals("The sweep failed; the next run carries on", logged.get(0).getMessage());
        assertEquals(failure, logged.get(0).getThrown());
    }

    @Test
    void theRunsAfterAFailedOneStillRunUntilCancelled() throws InterruptedException {
        // the fourth run starts only after the third has failed and been logged (one scheduler thread): waiting for
        // the third to start raced its own log line
        CountDownLatch fourth = new CountDownLatch(4);
        ScheduledRun run = ScheduledRun.every(ALWAYS_OUR_TURN, "failing", scheduler, Duration.ZERO, Duration.ofMillis(1), log, "failed", () -> {
            fourth.countDown();
            throw new IllegalStateException("every run fails");
        });

        assertTrue(fourth.await(10, TimeUnit.SECONDS), "a failed run does not end the schedule");
        run.cancel();
        ScheduledRun.stop(null);
        assertTrue(logged.size() >= 3);
        assertTrue(logged.stream().allMatch(record -> record.getLevel() == Level.WARNING));
    }

    @Test
    void eachRunAsksTheClusterForItsTurnByNameWithNineTenthsOfTheInterval() throws InterruptedException {
        List<String> asked = new CopyOnWriteArrayList<>();
        CountDownLatch twice = new CountDownLatch(2);
        List<String> ran = new CopyOnWriteArrayList<>();
        ClusterJobLock notOurTurn = (job, gap, work) -> {
            asked.add(job + " " + gap);
            twice.countDown();
            return false;
        };
        ScheduledRun run = ScheduledRun.every(notOurTurn, "orphan-sweep", scheduler, Duration.ZERO,
                Duration.ofMillis(10), log, "failed", () -> ran.add("ran"));

        assertTrue(twice.await(10, TimeUnit.SECONDS));
        run.cancel();
        assertEquals("orphan-sweep PT0.009S", asked.get(0));
        assertTrue(ran.isEmpty(), "another instance's turn: the job does not run here");
        assertTrue(logged.isEmpty());
    }
}
