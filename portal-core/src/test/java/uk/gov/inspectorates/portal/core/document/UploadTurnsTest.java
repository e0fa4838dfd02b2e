package uk.gov.inspectorates.portal.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.shared.Busy;

/** Upload requests received at once, portal-wide: so many and no more, the others wait in turn, a bounded queue. */
class UploadTurnsTest {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(7);
    private final ExecutorService waiters = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        waiters.shutdownNow();
    }

    @Test
    void noMoreRequestsAreReceivedAtOnceThanThePlacesAndTheNextWaitsForAFreedOne() throws Exception {
        UploadTurns turns = new UploadTurns(2, 10, Duration.ofSeconds(30), RETRY_AFTER);
        UploadTurns.Turn first = turns.take("a");
        UploadTurns.Turn second = turns.take("b");
        Future<UploadTurns.Turn> third = waiters.submit(() -> turns.take("c"));
        awaitWaiting(turns, 1);
        assertFalse(third.isDone(), "a third request is not received while two are");
        assertEquals(2, turns.receiving());

        first.close();
        third.get(10, TimeUnit.SECONDS).close();
        second.close();
        assertEquals(0, turns.receiving());
        assertEquals(0, turns.waiting());
    }

    @Test
    void waitingRequestsAreReceivedInTheOrderTheyCameAndAFreedPlaceIsNotTakenByANewcomer() throws Exception {
        UploadTurns turns = new UploadTurns(1, 10, Duration.ofSeconds(30), RETRY_AFTER);
        UploadTurns.Turn holder = turns.take("holder");
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        List<CompletableFuture<Void>> release = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int number = i;
            CompletableFuture<Void> go = new CompletableFuture<>();
            release.add(go);
            done.add(CompletableFuture.runAsync(() -> {
                try (UploadTurns.Turn turn = turns.take("person " + number)) {
                    order.add(number);
                    go.join();
                }
            }, waiters));
            awaitWaiting(turns, i + 1); // each is queued before the next comes
        }

        holder.close();
        // the place is the first waiter's now: a newcomer queues behind the others, even if it comes before that
        // waiter has woken
        CompletableFuture<Void> go = new CompletableFuture<>();
        release.add(go);
        done.add(CompletableFuture.runAsync(() -> {
            try (UploadTurns.Turn turn = turns.take("newcomer")) {
                order.add(5);
                go.join();
            }
        }, waiters));
        awaitWaiting(turns, 5);
        for (int i = 0; i < 6; i++) {
            release.get(i).complete(null);
            done.get(i).get(10, TimeUnit.SECONDS);
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5), order, "first come, first received");
    }

    @Test
    void onePersonHoldsAtMostHalfThePlacesAndOthersAreReceivedPastTheirNextRequest() throws Exception {
        UploadTurns turns = new UploadTurns(4, 10, Duration.ofSeconds(30), RETRY_AFTER);
        UploadTurns.Turn slow1 = turns.take("slow");
        UploadTurns.Turn slow2 = turns.take("slow");
        Future<UploadTurns.Turn> slow3 = waiters.submit(() -> turns.take("slow"));
        awaitWaiting(turns, 1);
        assertEquals(2, turns.receiving(), "the third of one person's requests waits though two places are free");

        UploadTurns.Turn other = turns.take("other"); // received past the waiting one: it is not theirs to take
        assertEquals(3, turns.receiving());
        assertFalse(slow3.isDone());

        slow1.close();
        slow3.get(10, TimeUnit.SECONDS).close();
        slow2.close();
        other.close();
        assertEquals(0, turns.receiving());
    }

    @Test
    void aFullQueueIsBusyOfThePortalAtOnceWithoutWaiting() {
        UploadTurns turns = new UploadTurns(1, 0, Duration.ofSeconds(30), RETRY_AFTER);
        UploadTurns.Turn holder = turns.take("x");
        long start = System.nanoTime();
        Busy busy = assertThrows(Busy.class, () -> turns.take("x"));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "refused without waiting its longest");
        assertEquals(UploadTurns.RULE, busy.rule());
        assertEquals(Busy.Scope.PORTAL, busy.scope());
        assertEquals(7, busy.retryAfterSeconds(), "nothing to estimate from yet: the configured Retry-After");
        holder.close();
        turns.take("x").close();
    }

    @Test
    void aRequestThatWaitedItsLongestIsBusyAndLeavesTheQueue() {
        UploadTurns turns = new UploadTurns(1, 5, Duration.ofMillis(50), RETRY_AFTER);
        UploadTurns.Turn holder = turns.take("x");
        Busy busy = assertThrows(Busy.class, () -> turns.take("x"));
        assertEquals(UploadTurns.RULE, busy.rule());
        assertEquals(0, turns.waiting());
        holder.close();
        assertEquals(0, turns.receiving());
    }

    @Test
    void theRetryAfterGrowsWithTheQueueAhead() throws Exception {
        long[] now = {0};
        UploadTurns turns = new UploadTurns(1, 2, Duration.ofSeconds(30), RETRY_AFTER, () -> now[0]);
        UploadTurns.Turn timed = turns.take("x");
        now[0] += TimeUnit.MILLISECONDS.toNanos(1_100);
        timed.close(); // a turn of 1.1 s
        UploadTurns.Turn holder = turns.take("x");
        Future<UploadTurns.Turn> one = waiters.submit(() -> turns.take("y"));
        awaitWaiting(turns, 1); // y first: the turns are handed on in order, and one's is awaited first below
        Future<UploadTurns.Turn> two = waiters.submit(() -> turns.take("z"));
        awaitWaiting(turns, 2);
        Busy busy = assertThrows(Busy.class, () -> turns.take("x"));
        assertEquals(4, busy.retryAfterSeconds(), "two ahead, and its own turn, of 1.1 s each, one place");
        holder.close();
        one.get(10, TimeUnit.SECONDS).close();
        two.get(10, TimeUnit.SECONDS).close();
    }

    @Test
    void aTurnClosedTwiceHandsItsPlaceOnOnce() {
        UploadTurns turns = new UploadTurns(1, 0, Duration.ZERO, RETRY_AFTER);
        UploadTurns.Turn turn = turns.take("x");
        turn.close();
        turn.close();
        UploadTurns.Turn again = turns.take("x");
        assertThrows(Busy.class, () -> turns.take("x"), "one place, not two");
        again.close();
    }

    private static void awaitWaiting(UploadTurns turns, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (turns.waiting() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + turns.waiting() + " waiting, not " + count);
            }
            Thread.sleep(5);
        }
    }
}
