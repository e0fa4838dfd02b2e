package uk.gov.inspectorates.portal.core.document;

/**
 * Scans files larger than the scanner can take in one stream (clamd: at most 4 GB) as overlapping windows, each a
 * scan of its own (docs/adr/0009): windows of {@code window} bytes starting every {@code window - overlap} bytes, so
 * a signature up to {@code overlap} bytes long lies whole inside some window wherever it is. The first non-clean
 * verdict is the file's. Files no larger than one window are scanned exactly as before, in one scan.
 *
 * <p>A window other than the first sees the middle of a file: byte signatures are found there, but a container
 * (zip, OOXML) cannot be unpacked from its middle, which is why intake refuses containers larger than one window
 * ({@link #coversWhole}).
 */
public final class WindowedScanner implements ContentScanner {

    private final ContentScanner scanner;
    private final long window;
    private final long overlap;

    public WindowedScanner(ContentScanner scanner, long window, long overlap) {
        WindowCursor.check(window, window, overlap);
        this.scanner = scanner;
        this.window = window;
        this.overlap = overlap;
    }

    /** Whether a file of this size is scanned whole, in one window. */
    public boolean coversWhole(long bytes) {
        return bytes <= window;
    }

    @Override
    public ScanSession start() {
        return new WindowedSession();
    }

    @Override
    public void checkAvailable() {
        scanner.checkAvailable();
    }

    /**
     * Opens the next window only when a byte past the current one arrives, and then feeds it first the overlap it
     * shares with the window before (kept in memory, {@code overlap} bytes): whether a file needs a second window is
     * not known before its byte {@code window + 1}. After a finding, no further window is started.
     */
    private final class WindowedSession implements ScanSession {

        private final WindowCursor cursor = new WindowCursor(window, window, overlap);
        private ScanSession current;
        private ScanVerdict finding;

        @Override
        public void feed(byte[] bytes, int offset, int length) {
            while (length > 0) {
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
                    ScanSession ended = current;
                    current = null;
                    conclude(ended);
                }
            }
        }

        /** The next window, fed first the overlap it shares with the one before. */
        private ScanSession open() {
            ScanSession next = scanner.start();
            byte[] overlapping = cursor.open();
            try {
                if (overlapping.length > 0) {
                    next.feed(overlapping, 0, overlapping.length);
                }
            } catch (RuntimeException e) {
                next.close();
                throw e;
            }
            return next;
        }

        @Override
        public ScanVerdict verdict() {
            if (cursor.atStart() && current == null) {
                current = open();
            }
            if (current != null) {
                ScanSession last = current;
                current = null;
                cursor.close();
                conclude(last);
            }
            return finding == null ? ScanVerdict.CLEAN : finding;
        }

        private void conclude(ScanSession window) {
            try (window) {
                if (finding == null) {
                    ScanVerdict verdict = window.verdict();
                    if (!verdict.clean()) {
                        finding = verdict;
                    }
                }
            }
        }

        @Override
        public void close() {
            if (current != null) {
                current.close();
                current = null;
                cursor.close();
            }
        }
    }
}
