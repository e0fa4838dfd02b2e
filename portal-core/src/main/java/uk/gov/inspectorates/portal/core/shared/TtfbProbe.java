package uk.gov.inspectorates.portal.core.shared;

/** TEMPORARY (session 22 measurement, reverted): marks of a download's steps before its first byte. */
public final class TtfbProbe {
    private static final ThreadLocal<StringBuilder> MARKS = new ThreadLocal<>();
    private static final ThreadLocal<long[]> LAST = new ThreadLocal<>();

    private TtfbProbe() {
    }

    public static void start() {
        MARKS.set(new StringBuilder());
        LAST.set(new long[] {System.nanoTime()});
    }

    public static void mark(String step) {
        StringBuilder marks = MARKS.get();
        if (marks == null) {
            return;
        }
        long now = System.nanoTime();
        marks.append(' ').append(step).append('=').append(String.format("%.2f", (now - LAST.get()[0]) / 1e6));
        LAST.get()[0] = now;
    }

    public static void end(String step) {
        mark(step);
        StringBuilder marks = MARKS.get();
        if (marks != null) {
            System.err.println("TTFB-PROBE" + marks);
            MARKS.remove();
        }
    }
}
