package uk.gov.inspectorates.portal.core.document;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Scans an upload as it arrives (docs/adr/0036): the stream is cut into overlapping windows; each window's scan is
 * fed as its bytes arrive, and once the window is complete its verdict is collected on the {@code verdicts} pool
 * while the feed goes on with the next window, so clamd scans the file while it is still being received and stored,
 * on as many cores as it has. At most {@code windowsPerUpload} windows per upload are open at once, and portal-wide
 * no more than the {@link ScanPlaces}. {@link ScanSession#verdict()} waits for every window: the first finding, in
 * file order, is the file's, and the file is clean only when every window was.
 *
 * <p>Which files are windowed is decided from the type detected before any byte is scanned: containers (zip, OOXML,
 * OLE2, anything clamd must unpack from its start) and unknown types are scanned in one stream by the
 * {@code whole} scanner, as before; PDFs are windowed with a PDF header fed before every window but the first, so
 * that clamd parses (and inflates) the objects that lie whole within that window; plain text, CSV and raster images
 * are windowed as they are, their first window as long as a PDF's and the later ones shorter (less is left to scan
 * after the last byte). A window's overlap with the one before is at least the longest signature; the windows'
 * arithmetic is the {@link WindowCursor}'s.
 */
public final class ParallelWindowScanner implements ContentScanner {

    /**
     * @param windowBytes      bytes of the file in the first window of every windowed type, and in every window of
     *                         a PDF
     * @param plainWindowBytes bytes in each later window of a plain type (text, CSV, images): smaller windows leave
     *                         less to scan after the last byte
     * @param overlapBytes     bytes each window shares with the one before
     * @param windowsPerUpload windows of one upload open at once (the one being fed and those awaiting a verdict)
     * @param admissionWait    how long a new upload waits for its first place before it is refused as busy
     * @param rescanWait       how long a second scan (after a time-out) waits for its first place
     */
    public record Settings(long windowBytes, long plainWindowBytes, long overlapBytes, int windowsPerUpload,
                           Duration admissionWait, Duration rescanWait) {
        public Settings {
            WindowCursor.check(windowBytes, plainWindowBytes, overlapBytes);
            if (windowsPerUpload < 1) {
                throw new IllegalArgumentException("an upload needs at least one window at a time");
            }
            Objects.requireNonNull(admissionWait, "admissionWait");
            Objects.requireNonNull(rescanWait, "rescanWait");
        }

        /** Every window of every windowed type {@code windowBytes} long. */
        public Settings(long windowBytes, long overlapBytes, int windowsPerUpload, Duration admissionWait,
                        Duration rescanWait) {
            this(windowBytes, windowBytes, overlapBytes, windowsPerUpload, admissionWait, rescanWait);
        }
    }

    /** How a type is scanned. */
    enum Windowing { WHOLE, PLAIN, PDF }

    /** Fed first to every window of a PDF but the first, so that clamd treats the window as a PDF and parses it. */
    static final byte[] PDF_HEADER = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * Types whose clamd scan needs no more than the window it is given (docs/adr/0036, addendum): text has no
     * structure; a raster image's own checks (its parser, the image fuzzy hash) read the image from its signature,
     * which is in the first window. An unknown binary is not among them: clamd may recognise it as an executable or
     * an archive that it must read whole.
     */
    static final Set<String> PLAIN_TYPES = Set.of("text/plain", "text/csv", "image/png", "image/jpeg",
            "image/gif");

    private final ContentScanner scanner;
    private final WindowedScanner whole;
    private final ScanPlaces places;
    private final Executor verdicts;
    private final Settings settings;

    public ParallelWindowScanner(ContentScanner scanner, WindowedScanner whole, ScanPlaces places, Executor verdicts,
                                 Settings settings) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.whole = Objects.requireNonNull(whole, "whole");
        this.places = Objects.requireNonNull(places, "places");
        this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    static Windowing windowingOf(String detectedType) {
        if ("application/pdf".equals(detectedType)) {
            return Windowing.PDF;
        }
        return detectedType != null && PLAIN_TYPES.contains(detectedType) ? Windowing.PLAIN : Windowing.WHOLE;
    }

    /** A file of unknown type: scanned whole. */
    @Override
    public ScanSession start() {
        return start(null);
    }

    @Override
    public ScanSession start(String detectedType) {
        return session(detectedType, settings.admissionWait(), false);
    }

    @Override
    public ScanSession rescan(String detectedType) {
        return session(detectedType, settings.rescanWait(), true);
    }

    @Override
    public void checkAvailable() {
        scanner.checkAvailable();
    }

    private ScanSession session(String detectedType, Duration wait, boolean rescan) {
        places.admit(wait);
        Windowing windowing = windowingOf(detectedType);
        if (windowing != Windowing.WHOLE) {
            return new WindowsSession(windowing == Windowing.PDF, rescan);
        }
        try {
            return new WholeSession(whole.start(), rescan);
        } catch (RuntimeException e) {
            places.release(1);
            throw e;
        }
    }

    /** A second time-out is busy, not a verdict on the file. */
    private ScanVerdict checked(ScanVerdict verdict, boolean rescan) {
        if (rescan && verdict.timedOut()) {
            throw ScanningBusy.outOfTime(places.retryAfter());
        }
        return verdict;
    }

    /** A container or unknown type: one stream, one place, as before. */
    private final class WholeSession implements ScanSession {

        private final ScanSession session;
        private final boolean rescan;
        private boolean released;

        WholeSession(ScanSession session, boolean rescan) {
            this.session = session;
            this.rescan = rescan;
        }

        @Override
        public void feed(byte[] bytes, int offset, int length) {
            session.feed(bytes, offset, length);
        }

        @Override
        public ScanVerdict verdict() {
            try {
                return checked(session.verdict(), rescan);
            } finally {
                release();
            }
        }

        @Override
        public void close() {
            try {
                session.close();
            } finally {
                release();
            }
        }

        private void release() {
            if (!released) {
                released = true;
                places.release(1);
            }
        }
    }

    private record Pending(ScanSession window, CompletableFuture<ScanVerdict> verdict) {
    }

    /**
     * The windows of one upload. Single-threaded like any session; only the verdicts are collected on the pool.
     * It holds {@code held} places (the first one from admission); a window needs a place, and when the upload has
     * no free one it takes another only if free portal-wide and its own limit allows, or else waits for its oldest
     * window's verdict and reuses that window's place.
     */
    private final class WindowsSession implements ScanSession {

        private final boolean pdf;
        private final boolean rescan;
        private final WindowCursor cursor;
        private final ArrayDeque<Pending> pending = new ArrayDeque<>();
        private int held = 1;
        private ScanSession current;
        private ScanVerdict finding;
        private ScanVerdict timedOut;
        private boolean ended;

        WindowsSession(boolean pdf, boolean rescan) {
            this.pdf = pdf;
            this.rescan = rescan;
            this.cursor = new WindowCursor(settings.windowBytes(),
                    pdf ? settings.windowBytes() : settings.plainWindowBytes(), settings.overlapBytes());
        }

        @Override
        public void feed(byte[] bytes, int offset, int length) {
            if (ended) {
                throw new IllegalStateException("the scan has ended");
            }
            while (length > 0) {
                collectFinished();
                if (finding != null) {
                    cursor.skip(length);
                    return;
                }
                if (current == null) {
                    current = open();
                }
                int n = cursor.fits(length);
                current.feed(bytes, offset, n);
                offset += n;
                length -= n;
                if (cursor.advance(bytes, offset - n, n)) {
                    submit();
                }
            }
        }

        /** The next window, once it has a place; each but the first fed the overlap (after a PDF header) first. */
        private ScanSession open() {
            while (pending.size() + 1 > held) {
                if (pending.size() + 1 <= settings.windowsPerUpload() && places.tryTake()) {
                    held++;
                } else {
                    collect(pending.removeFirst());
                }
            }
            ScanSession next = scanner.start();
            boolean first = cursor.atStart();
            byte[] overlapping = cursor.open();
            try {
                if (pdf && !first) {
                    next.feed(PDF_HEADER, 0, PDF_HEADER.length);
                }
                if (overlapping.length > 0) {
                    next.feed(overlapping, 0, overlapping.length);
                }
            } catch (RuntimeException e) {
                next.close();
                throw e;
            }
            return next;
        }

        /** The complete window's verdict is collected on the pool; the feed goes on. */
        private void submit() {
            ScanSession complete = current;
            current = null;
            cursor.close();
            CompletableFuture<ScanVerdict> verdict;
            try {
                verdict = CompletableFuture.supplyAsync(() -> {
                    try (complete) {
                        return complete.verdict();
                    }
                }, verdicts);
            } catch (RejectedExecutionException e) {
                complete.close();
                throw new ScanningUnavailable("malware scanning unavailable: no thread to collect a verdict", e);
            }
            pending.addLast(new Pending(complete, verdict));
        }

        /** Collects, in file order, the verdicts that are in already (a finding stops further windows early). */
        private void collectFinished() {
            while (!pending.isEmpty() && pending.peekFirst().verdict().isDone()) {
                collect(pending.removeFirst());
            }
        }

        private void collect(Pending p) {
            ScanVerdict verdict;
            try {
                verdict = p.verdict().join();
            } catch (CompletionException | CancellationException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof ScanningUnavailable unavailable) {
                    throw unavailable;
                }
                throw new ScanningUnavailable("malware scanning unavailable: " + cause, cause);
            }
            if (verdict.timedOut()) {
                timedOut = timedOut == null ? verdict : timedOut;
            } else if (!verdict.clean() && finding == null) {
                finding = verdict;
            }
        }

        @Override
        public ScanVerdict verdict() {
            if (ended) {
                throw new IllegalStateException("the scan has ended");
            }
            try {
                if (cursor.atStart() && current == null) {
                    current = open();
                }
                if (current != null) {
                    submit();
                }
                while (!pending.isEmpty()) {
                    collect(pending.removeFirst());
                }
                ended = true;
                ScanVerdict verdict = finding != null ? finding : timedOut != null ? timedOut : ScanVerdict.CLEAN;
                return checked(verdict, rescan);
            } finally {
                close();
            }
        }

        /**
         * Abandons what is left: the window being fed is closed, and each window still awaiting its verdict is
         * closed too and gives its place back when its verdict task ends; the places not in use are given back now.
         */
        @Override
        public void close() {
            ended = true;
            try {
                if (current != null) {
                    current.close();
                    current = null;
                    cursor.close();
                }
            } finally {
                int stillScanning = 0;
                for (Pending p : pending) {
                    stillScanning++;
                    p.verdict().whenComplete((verdict, failure) -> places.release(1));
                    try {
                        p.window().close();
                    } catch (RuntimeException ignored) {
                        // its verdict task fails and gives the place back
                    }
                }
                pending.clear();
                places.release(held - stillScanning);
                held = 0;
            }
        }
    }

    /** The scanner's places, portal-wide (for the operator's metrics). */
    public ScanPlaces places() {
        return places;
    }
}
