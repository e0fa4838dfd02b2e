package uk.gov.inspectorates.portal.core.document;

import java.util.ArrayList;
import java.util.List;

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

    private final class WindowedSession implements ScanSession {

        private final List<Window> open = new ArrayList<>(2);
        private long position;
        private long nextStart;
        private ScanVerdict finding;

        @Override
        public void feed(byte[] bytes, int offset, int length) {
            while (length > 0) {
                if (position == nextStart) {
                    open.add(new Window(scanner.start(), nextStart + window));
                    nextStart += window - overlap;
                }
                int n = (int) Math.min(length, Math.min(nextStart, open.get(0).end()) - position);
                if (finding == null) {
                    for (Window w : open) {
                        w.session().feed(bytes, offset, n);
                    }
                }
                position += n;
                offset += n;
                length -= n;
                if (position == open.get(0).end()) {
                    conclude(open.remove(0));
                }
            }
        }

        @Override
        public ScanVerdict verdict() {
            if (position == 0 && open.isEmpty()) {
                open.add(new Window(scanner.start(), window));
            }
            while (!open.isEmpty()) {
                conclude(open.remove(0));
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
            for (Window w : open) {
                w.session().close();
            }
            open.clear();
        }
    }
}
