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
        if (overlap < 0 || window <= 2 * overlap) {
            throw new IllegalArgumentException("a scan window must be more than twice its overlap");
        }
        if (overlap > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the overlap is kept in memory: at most 2 GB");
        }
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

    private record Window(ScanSession session, long end) {
    }

    /**
     * Opens the next window only when a byte past the current one arrives, and then feeds it first the overlap it
     * shares with the window before (kept in memory, {@code overlap} bytes): whether a file needs a second window is
     * not known before its byte {@code window + 1}. After a finding, no further window is started.
     */
    private final class WindowedSession implements ScanSession {

        private Window current;
        private long position;
        private byte[] tail;
        private ScanVerdict finding;

        @Override
        public void feed(byte[] bytes, int offset, int length) {
            while (length > 0) {
                if (finding != null) {
                    position += length;
                    return;
                }
                if (current == null) {
                    current = open();
                }
                int n = (int) Math.min(length, current.end() - position);
                current.session().feed(bytes, offset, n);
                keepTail(bytes, offset, n);
                position += n;
                offset += n;
                length -= n;
                if (position == current.end()) {
                    Window ended = current;
                    current = null;
                    conclude(ended);
                }
            }
        }

        /** The first window at 0; each later one where the last ended less the overlap, fed that overlap first. */
        private Window open() {
            Window next = new Window(scanner.start(), position == 0 ? window : position - overlap + window);
            if (position > 0 && overlap > 0) {
                try {
                    next.session().feed(tail, 0, tail.length);
                } catch (RuntimeException e) {
                    next.session().close();
                    throw e;
                }
            }
            return next;
        }

        /** Keeps the last {@code overlap} bytes of the current window, which the next window starts with. */
        private void keepTail(byte[] bytes, int offset, int n) {
            long tailStart = current.end() - overlap;
            long from = Math.max(position, tailStart);
            if (from >= position + n) {
                return;
            }
            if (tail == null) {
                tail = new byte[(int) overlap];
            }
            System.arraycopy(bytes, offset + (int) (from - position), tail, (int) (from - tailStart),
                    (int) (position + n - from));
        }

        @Override
        public ScanVerdict verdict() {
            if (position == 0 && current == null) {
                current = new Window(scanner.start(), window);
            }
            if (current != null) {
                Window last = current;
                current = null;
                conclude(last);
            }
            return finding == null ? ScanVerdict.CLEAN : finding;
        }

        private void conclude(Window w) {
            try (ScanSession session = w.session()) {
                if (finding == null) {
                    ScanVerdict verdict = session.verdict();
                    if (!verdict.clean()) {
                        finding = verdict;
                    }
                }
            }
        }

        @Override
        public void close() {
            if (current != null) {
                current.session().close();
                current = null;
            }
        }
    }
}
