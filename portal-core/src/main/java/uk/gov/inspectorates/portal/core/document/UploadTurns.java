package uk.gov.inspectorates.portal.core.document;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import uk.gov.inspectorates.portal.core.shared.Busy;

/**
 * Whose turn it is to be received, portal-wide (docs/adr/0048): at most {@code places} upload requests (a file of a
 * one-request upload, scanned as it arrives; a resumable upload's completion, which reads it back through the scanner;
 * a part of a resumable upload, only stored until its completion) are received at once, so that the scanner is kept
 * busy but not oversubscribed and the memory and CPU of receiving stay bounded. The others wait in one
 * first-come-first-served queue <em>before any byte of their body is read</em> (TCP back-pressure holds the sender),
 * and a freed place is handed to the head of the queue, never to a newcomer. One person holds at most half the places
 * (at least one): their further requests keep their place in the queue while others' are received past them, so that
 * one person's slow uploads cannot hold every place. A request that finds the queue full, or
 * has waited its longest, is refused as {@link Busy} of the portal ({@value #RULE}, 503) with a {@code Retry-After}
 * that reflects the queue ahead of it.
 */
public final class UploadTurns {

    public static final String RULE = "upload.receiving-queue-full";
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(5);

    /** A request's turn, held until it ends; closing it (once or more) hands the place on. */
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Waiter {
        final String owner;
        final Condition called;
        boolean given;

        Waiter(String owner, Condition called) {
            this.owner = owner;
            this.called = called;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private final Map<String, Integer> heldBy = new HashMap<>();
    private final int perPerson;
    private final int places;
    private final int longestQueue;
    private final Duration longestWait;
    private final Duration retryAfter;
    private final LongSupplier nanoTime;
    private int free;
    private int receiving;
    /** A moving average of how long a turn lasts, in nanoseconds; 0 until one has ended. */
    private double turnNanos;

    /**
     * @param places       requests received at once
     * @param longestQueue requests that may wait at once (beyond it, busy at once)
     * @param longestWait  how long a request waits for its turn before it is busy
     * @param retryAfter   the {@code Retry-After} before any turn has ended (nothing yet to estimate from)
     */
    public UploadTurns(int places, int longestQueue, Duration longestWait, Duration retryAfter) {
        this(places, longestQueue, longestWait, retryAfter, System::nanoTime);
    }

    /** As above, timing turns by {@code nanoTime} (tests). */
    UploadTurns(int places, int longestQueue, Duration longestWait, Duration retryAfter, LongSupplier nanoTime) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        if (places < 1 || longestQueue < 0) {
            throw new IllegalArgumentException("uploads need at least one place and a queue of zero or more");
        }
        this.places = places;
        this.perPerson = Math.max(1, places / 2);
        this.free = places;
        this.longestQueue = longestQueue;
        this.longestWait = Objects.requireNonNull(longestWait, "longestWait");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /**
     * Waits for the request's turn, first come first served among those who may take one.
     *
     * @param owner whose request it is (the uploader's id)
     * @throws Busy ({@value #RULE}, portal) when the queue is full or the turn did not come within the longest wait
     */
    public Turn take(String owner) {
        Objects.requireNonNull(owner, "owner");
        lock.lock();
        try {
            if (free > 0 && mayHold(owner) && queue.stream().noneMatch(w -> mayHold(w.owner))) {
                free--;
                counted(owner);
                return turn(owner);
            }
            if (queue.size() >= longestQueue) {
                throw busy(queue.size());
            }
            Waiter waiter = new Waiter(owner, lock.newCondition());
            queue.addLast(waiter);
            long nanos = longestWait.toNanos();
            try {
                while (!waiter.given) {
                    if (nanos <= 0L) {
                        queue.remove(waiter);
                        throw busy(queue.size());
                    }
                    nanos = waiter.called.awaitNanos(nanos);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (waiter.given) {
                    release(owner);
                } else {
                    queue.remove(waiter);
                }
                throw busy(queue.size());
            }
            return turn(owner); // counted at the hand-off
        } finally {
            lock.unlock();
        }
    }

    /** Requests being received just now. */
    public int receiving() {
        lock.lock();
        try {
            return receiving;
        } finally {
            lock.unlock();
        }
    }

    /** Requests waiting for their turn just now. */
    public int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    public int places() {
        return places;
    }

    private boolean mayHold(String owner) {
        return heldBy.getOrDefault(owner, 0) < perPerson;
    }

    /** With the lock held: the place is the owner's from now on (taken free, or handed on). */
    private void counted(String owner) {
        receiving++;
        heldBy.merge(owner, 1, Integer::sum);
    }

    private Turn turn(String owner) {
        long start = nanoTime.getAsLong();
        AtomicBoolean ended = new AtomicBoolean();
        return () -> {
            if (ended.compareAndSet(false, true)) {
                ended(owner, nanoTime.getAsLong() - start);
            }
        };
    }

    private void ended(String owner, long nanos) {
        lock.lock();
        try {
            turnNanos = turnNanos == 0 ? nanos : 0.8 * turnNanos + 0.2 * nanos;
            release(owner);
        } finally {
            lock.unlock();
        }
    }

    /** Gives the owner's place back and hands free places on. */
    private void release(String owner) {
        receiving--;
        heldBy.computeIfPresent(owner, (who, held) -> held > 1 ? held - 1 : null);
        free++;
        handOn();
    }

    /**
     * Free places go to the first waiters who may hold one, in the order they came, so a newcomer cannot take one
     * first. A waiter is counted as holding from the hand-off (it has not woken yet).
     */
    private void handOn() {
        for (Iterator<Waiter> waiting = queue.iterator(); free > 0 && waiting.hasNext(); ) {
            Waiter next = waiting.next();
            if (mayHold(next.owner)) {
                waiting.remove();
                free--;
                next.given = true;
                counted(next.owner);
                next.called.signal();
            }
        }
    }

    /** Busy, telling the caller to come back when the queue ahead of them (and their own turn) should have passed. */
    private Busy busy(int ahead) {
        Duration wait = retryAfter;
        if (turnNanos > 0) {
            long nanos = (long) Math.ceil(turnNanos * (ahead + 1) / places);
            wait = Duration.ofNanos(Math.max(TimeUnit.SECONDS.toNanos(1), nanos));
            if (wait.compareTo(LONGEST_RETRY_AFTER) > 0) {
                wait = LONGEST_RETRY_AFTER;
            }
        }
        return new Busy(RULE, Busy.Scope.PORTAL, wait, "Many files are waiting to be received right now");
    }
}
