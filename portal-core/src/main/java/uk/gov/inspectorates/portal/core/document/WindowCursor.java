package uk.gov.inspectorates.portal.core.document;

/**
 * Where a stream's scan windows begin and end (docs/adr/0009, 0036): the first window covers
 * {@code [0, firstWindow)}, each later one starts {@code overlap} bytes before the end of the one before and covers
 * {@code laterWindow} bytes, so a signature up to {@code overlap} bytes long lies whole inside some window wherever it
 * is. It keeps the last {@code overlap} bytes of the open window, which the next window is fed first. The scanners
 * that cut streams into windows ({@link WindowedScanner}, {@link ParallelWindowScanner}) keep their sessions; this
 * keeps their arithmetic, in one place. Not thread-safe, like a session.
 */
final class WindowCursor {

    private static final byte[] NOTHING = new byte[0];

    private final long firstWindow;
    private final long laterWindow;
    private final long overlap;
    private long position;
    private long end = -1;
    private byte[] tail;

    WindowCursor(long firstWindow, long laterWindow, long overlap) {
        check(firstWindow, laterWindow, overlap);
        this.firstWindow = firstWindow;
        this.laterWindow = laterWindow;
        this.overlap = overlap;
    }

    /** @throws IllegalArgumentException unless every window is more than twice the overlap, kept in memory */
    static void check(long firstWindow, long laterWindow, long overlap) {
        if (overlap < 0 || firstWindow <= 2 * overlap || laterWindow <= 2 * overlap) {
            throw new IllegalArgumentException("a scan window must be more than twice its overlap");
        }
        if (overlap > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the overlap is kept in memory: at most 2 GB");
        }
    }

    /** Bytes of the file passed so far. */
    long position() {
        return position;
    }

    /** Whether a window is open (opened and not yet complete). */
    boolean isOpen() {
        return end >= 0;
    }

    /** Whether the window about to be opened is the file's first. */
    boolean atStart() {
        return position == 0;
    }

    /**
     * Opens the next window at the current position and returns what it must be fed before the file's next bytes:
     * nothing for the first window, else the last {@code overlap} bytes of the window before (not a copy: feed it at
     * once).
     */
    byte[] open() {
        if (isOpen()) {
            throw new IllegalStateException("a window is already open");
        }
        if (position == 0) {
            end = firstWindow;
            return NOTHING;
        }
        end = position - overlap + laterWindow;
        return overlap == 0 ? NOTHING : tail;
    }

    /** How many of the next {@code length} bytes belong to the open window. */
    int fits(int length) {
        return (int) Math.min(length, end - position);
    }

    /**
     * Passes {@code n} bytes that were fed to the open window (at most {@link #fits}), keeping those of its last
     * {@code overlap} bytes; returns whether the window is now complete (and closed here).
     */
    boolean advance(byte[] bytes, int offset, int n) {
        keepTail(bytes, offset, n);
        position += n;
        if (position == end) {
            end = -1;
            return true;
        }
        return false;
    }

    /** Passes bytes no window will see (after a finding, nothing more is scanned); closes the open window. */
    void skip(long n) {
        position += n;
        end = -1;
    }

    /** Forgets the open window without completing it (it was abandoned or ended early). */
    void close() {
        end = -1;
    }

    private void keepTail(byte[] bytes, int offset, int n) {
        long tailStart = end - overlap;
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
}
