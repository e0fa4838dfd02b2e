package uk.gov.inspectorates.portal.core.document;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import uk.gov.inspectorates.portal.core.shared.Busy;

/**
 * The heap the portal's uploads may hold at one moment, portal-wide (docs/adr/0039, addendum 2): the one admission
 * every in-memory hold of an upload's bytes is charged to. An upload request in flight (the file of a one-request
 * upload, a part of a resumable upload) holds {@link #requestBytes()} (a part's plaintext and ciphertext and the object
 * store client's buffers); a PDF held whole for its active-content check charges its bytes as they arrive
 * ({@code security.content.PdfCheckMemory}). A request that does not fit beside the others waits a little, then is
 * refused as {@link Busy} of the portal ({@value #RULE}, 503 with {@code Retry-After}) before any byte of it is read.
 * Without this bound, 150-200 uploads in flight at {@code -Xmx2g} ran the portal out of heap and it did not recover.
 */
public final class UploadMemory {

    public static final String RULE = "upload.memory-in-flight";
    private static final long KIB = 1024;

    /** An upload request's share, held until the request ends; closing it (once or more) gives it back. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore kibibytes;
    private final java.util.concurrent.atomic.AtomicInteger requestsInFlight =
            new java.util.concurrent.atomic.AtomicInteger();
    private final long totalKib;
    private final long requestBytes;
    private final Duration wait;
    private final Duration retryAfter;

    /**
     * @param bytes        the heap all uploads may hold together
     * @param requestBytes what one upload request in flight holds (at most {@code bytes} is charged)
     * @param wait         how long a request waits for its share before it is busy
     */
    public UploadMemory(long bytes, long requestBytes, Duration wait, Duration retryAfter) {
        if (bytes < 1 || requestBytes < 0) {
            throw new IllegalArgumentException("uploads need some memory");
        }
        this.totalKib = Math.max(1, Math.min(Integer.MAX_VALUE, bytes / KIB));
        this.kibibytes = new Semaphore((int) totalKib, true);
        this.requestBytes = requestBytes;
        this.wait = Objects.requireNonNull(wait, "wait");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** The share of the JVM's maximum heap ({@code fraction}, e.g. 0.6) that uploads may hold together. */
    public static UploadMemory ofHeap(double fraction, long requestBytes, Duration wait, Duration retryAfter) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the uploads' share of the heap must be between 0 and 1");
        }
        return new UploadMemory((long) (Runtime.getRuntime().maxMemory() * fraction), requestBytes, wait, retryAfter);
    }

    /**
     * Takes an upload request's share, waiting at most the configured wait.
     *
     * @throws Busy ({@value #RULE}, portal) when it did not come free in time
     */
    public Held admitRequest() {
        int kib = (int) Math.min(totalKib, kibFor(requestBytes));
        if (!acquire(kib, wait)) {
            throw new Busy(RULE, Busy.Scope.PORTAL, retryAfter,
                    "Many files are being received at once right now");
        }
        requestsInFlight.incrementAndGet();
        AtomicBoolean given = new AtomicBoolean();
        return () -> {
            if (given.compareAndSet(false, true)) {
                requestsInFlight.decrementAndGet();
                kibibytes.release(kib);
            }
        };
    }

    /** Takes {@code bytes} more (a PDF check as its bytes arrive); false when they did not come free within wait. */
    public boolean take(long bytes, Duration wait) {
        return acquire(kibFor(bytes), wait);
    }

    /** Gives back what {@link #take} took, in the same amounts. */
    public void give(long bytes) {
        if (bytes > 0) {
            kibibytes.release(kibFor(bytes));
        }
    }

    /** All the memory uploads may hold together. */
    public long bytes() {
        return totalKib * KIB;
    }

    public long requestBytes() {
        return requestBytes;
    }

    /** Free just now, in KiB (for tests and the operator's health view). */
    public int availableKib() {
        return kibibytes.availablePermits();
    }

    /** Upload requests holding their share just now (the operator's health view; tests wait on it). */
    public int requestsInFlight() {
        return requestsInFlight.get();
    }

    /** How many upload requests fit at once when nothing else is held. */
    public long requestPlaces() {
        return totalKib / Math.max(1, Math.min(totalKib, kibFor(requestBytes)));
    }

    private boolean acquire(int kib, Duration wait) {
        try {
            return kibibytes.tryAcquire(kib, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private int kibFor(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (bytes + KIB - 1) / KIB);
    }
}
