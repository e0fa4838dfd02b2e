package uk.gov.inspectorates.portal.core.document;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The scanner's queue, portal-wide: a place is one scan stream open to clamd (a window being fed or waiting for its
 * verdict), and there are as many as clamd may scan at once (its {@code MaxThreads}, the cores it can use). A new
 * upload waits a short while for its first place and is otherwise refused as busy before any byte is stored
 * ({@link ScanningBusy#QUEUE_FULL}); further places for the same upload are taken only when free, never waited for,
 * so two uploads never wait on each other. Places are given back in {@code finally} blocks (see
 * {@link ParallelWindowScanner}), so the queue recovers by itself.
 */
public final class ScanPlaces {

    private final int capacity;
    private final Semaphore free;
    private final Duration retryAfter;

    public ScanPlaces(int capacity, Duration retryAfter) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the scanner needs at least one place");
        }
        this.capacity = capacity;
        this.free = new Semaphore(capacity, true);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** An upload's first place, waiting at most {@code wait}. @throws ScanningBusy when none came free in time */
    void admit(Duration wait) {
        boolean admitted;
        try {
            admitted = free.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw ScanningBusy.queueFull(retryAfter);
        }
    }

    /** Another place for an upload that holds one, only if free now. */
    boolean tryTake() {
        return free.tryAcquire();
    }

    void release(int places) {
        if (places > 0) {
            free.release(places);
        }
    }

    Duration retryAfter() {
        return retryAfter;
    }

    public int capacity() {
        return capacity;
    }

    /** Places free just now (for tests and the operator's health view). */
    public int free() {
        return free.availablePermits();
    }
}
