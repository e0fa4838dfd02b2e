package uk.gov.inspectorates.portal.core.report;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * How much memory the stamped copies being made at one moment may take: the stamper holds a whole document in memory
 * until its copy has been written, so twenty readers opening a large report at once would otherwise exhaust the heap
 * and take the portal down for everyone. A copy's share is {@link #BYTES_PER_DOCUMENT_BYTE} times its document's
 * size, and never less than {@link #MINIMUM_SHARE_BYTES}; one that does not fit waits a little for others to finish,
 * then is refused as busy (503, try again), never served unstamped.
 *
 * <p>How the share was measured (ADR 0038): the heap in use after a full GC, before stamping and while the stamped
 * copy waits to be written and as it is written (PDFBox 3.0.8, the bench's reports). The copy is streamed to the
 * reader, so it is never held as bytes: what remains is the document read into memory and PDFBox's objects. An
 * image-heavy report of 100 MiB held 1.06 times its size; a 300-page text report of 290 KiB held about 5.3 MiB
 * (18 times, its objects outweigh its bytes). Twice the document covers the first with room for the save's own
 * structures; the minimum covers the second. Before the copy was streamed the share was three times (the copy's
 * bytes were held again, twice).
 */
public final class StampingBudget {

    /** The share of a copy, per byte of its document (see above for how it was measured). */
    public static final int BYTES_PER_DOCUMENT_BYTE = 2;

    /** The least share of a copy: a small text-heavy report's PDFBox objects outweigh its bytes. */
    public static final long MINIMUM_SHARE_BYTES = 8L * 1024 * 1024;

    private static final long KIB = 1024;

    private final Semaphore kibibytes;
    private final int totalKib;
    private final Duration wait;

    public StampingBudget(long bytes, Duration wait) {
        this.totalKib = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / KIB));
        this.kibibytes = new Semaphore(totalKib, true);
        this.wait = wait;
    }

    /** Runs the stamping with its share of the budget (a document larger than the whole budget takes all of it). */
    public <T> T within(long documentBytes, Supplier<T> stamping) {
        try (Share share = share(documentBytes)) {
            return stamping.get();
        }
    }

    /**
     * Takes a copy's share of the budget (a document larger than the whole budget takes all of it) until the share is
     * closed; closing it again does nothing.
     *
     * @throws Busy when it does not fit within the wait
     */
    public Share share(long documentBytes) {
        long shareBytes = Math.max(MINIMUM_SHARE_BYTES, Math.min(Long.MAX_VALUE / BYTES_PER_DOCUMENT_BYTE,
                documentBytes) * BYTES_PER_DOCUMENT_BYTE);
        int needed = (int) Math.min(totalKib, shareBytes / KIB);
        boolean acquired;
        try {
            acquired = kibibytes.tryAcquire(needed, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new Busy();
        }
        return new Share(kibibytes, needed);
    }

    /** The whole budget, in bytes (for the operator's metrics). */
    public long totalBytes() {
        return totalKib * KIB;
    }

    /** The part not taken by copies being made just now, in bytes. */
    public long freeBytes() {
        return kibibytes.availablePermits() * KIB;
    }

    /** One copy's share of the budget, given back once. */
    public static final class Share implements AutoCloseable {
        private final Semaphore budget;
        private final int kibibytes;
        private final AtomicBoolean given = new AtomicBoolean();

        private Share(Semaphore budget, int kibibytes) {
            this.budget = budget;
            this.kibibytes = kibibytes;
        }

        @Override
        public void close() {
            if (given.compareAndSet(false, true)) {
                budget.release(kibibytes);
            }
        }
    }

    /** The budget is taken by other copies being made: try again shortly. */
    public static final class Busy extends uk.gov.inspectorates.portal.core.shared.Busy {
        /** The rule a stamped copy that does not fit the budget meets. */
        public static final String RULE = "report.stamping.budget";

        public Busy() {
            super(RULE, Scope.PORTAL, Duration.ofSeconds(30), "Too many stamped copies are being made right now");
        }
    }
}
