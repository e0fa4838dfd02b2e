package uk.gov.inspectorates.portal.deploy.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The summary table of {@code scripts/bench} (issue 19): one row per measure, each a ratio against its baseline
 * measured in the same run, with the target as the issue states it. Kept with the unit tests (not in
 * {@code src/bench/java}, which is compiled only in the bench profile) so that its arithmetic is tested in the
 * normal build.
 *
 * <p>A measure that could not be taken is a row saying why ({@link #failed}); {@link #anyFailed()} then makes the
 * run's exit code non-zero. A missed target is a result, not a failure.
 */
public final class BenchTable {

    static final double UPLOAD_TARGET = 1.15;
    static final double DOWNLOAD_TARGET = 0.9;
    static final double STAMPED_TARGET = 1.5;
    static final String CONTEXT = "none (context)";
    static final String HEAP_TARGET = "flat: ≤ 1.00 of -Xmx, no OutOfMemoryError";

    record Row(String measure, Double ratio, String target, Boolean met, String baseline, String measured,
               String vsPut, String vsClamd, String failure) {
    }

    /**
     * The heap of the portal's JVM during the round trips of one size: its peak and maximum (bytes; -1 when not
     * seen) and how many OutOfMemoryErrors the portal logged meanwhile.
     */
    record HeapReading(String measure, long peakUsed, long maxHeap, int outOfMemoryErrors) {
    }

    private final List<Row> rows = new ArrayList<>();

    /**
     * The portal's upload time against the slower of its two lower bounds, the plain put of the same bytes and
     * clamd alone scanning them (medians, seconds): portal / max(put, clamd) &lt;= 1.15.
     */
    public void upload(String measure, double portal, double plainPut, double clamdAlone) {
        double bound = Math.max(plainPut, clamdAlone);
        double ratio = portal / bound;
        rows.add(new Row(measure, ratio, "≤ " + dec(UPLOAD_TARGET), ratio <= UPLOAD_TARGET,
                f("%s (%s)", seconds(bound), plainPut >= clamdAlone ? "plain put" : "clamd alone"),
                seconds(portal), dec(portal / plainPut), dec(portal / clamdAlone), null));
    }

    /** The plain GET of the same bytes against the portal's download (medians, seconds): plain / portal &gt;= 0.9. */
    public void download(String measure, double plainGet, double portal) {
        double ratio = plainGet / portal;
        rows.add(new Row(measure, ratio, "≥ " + dec(DOWNLOAD_TARGET), ratio >= DOWNLOAD_TARGET,
                seconds(plainGet) + " (plain get)", seconds(portal), "", "", null));
    }

    /** A stamped copy against PDFBox's own load + full save of the same report: measured / baseline &lt;= 1.5. */
    public void stamped(String measure, double ratio, double baselineSeconds, double measuredSeconds) {
        rows.add(new Row(measure, ratio, "≤ " + dec(STAMPED_TARGET), ratio <= STAMPED_TARGET,
                seconds(baselineSeconds) + " (PDFBox load + save)", seconds(measuredSeconds), "", "", null));
    }

    /**
     * The heap of the portal's JVM during the round trips of one size: the ratio is the peak used over the maximum
     * heap. "Flat" is met when the peak stays within the maximum and the portal did not run out of heap: with the
     * heap capped, a heap that grows with the size shows as an OutOfMemoryError at a larger size, so the rows of
     * several sizes together tell whether it is flat.
     */
    public void heap(HeapReading r) {
        if (r.peakUsed() < 0 || r.maxHeap() <= 0) {
            failed(r.measure(), HEAP_TARGET, "no heap reading (neither /metrics nor the GC log)");
            return;
        }
        double ratio = (double) r.peakUsed() / r.maxHeap();
        rows.add(new Row(r.measure(), ratio, HEAP_TARGET, ratio <= 1.0 && r.outOfMemoryErrors() == 0,
                mib(r.maxHeap()) + " (-Xmx)", r.outOfMemoryErrors() == 0 ? "peak " + mib(r.peakUsed())
                        : f("peak %s, %d OutOfMemoryError in the portal's log", mib(r.peakUsed()), r.outOfMemoryErrors()),
                "", "", null));
    }

    /** A row for context, without a target (e.g. the bare cipher against a plain copy), printed after the others. */
    public void context(String measure, double ratio, String baseline, String measured) {
        rows.add(new Row(measure, ratio, CONTEXT, null, baseline, measured, "", "", null));
    }

    /** A measure that could not be taken. */
    public void failed(String measure, String target, String why) {
        rows.add(new Row(measure, null, target, null, "", "", "", "", why));
    }

    public boolean anyFailed() {
        return rows.stream().anyMatch(r -> r.failure() != null);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| measure | ratio | target | met | baseline | measured | vs plain put | vs clamd alone |\n");
        out.append("| --- | ---: | --- | --- | --- | --- | ---: | ---: |\n");
        List<Row> ordered = new ArrayList<>(rows.stream().filter(r -> !CONTEXT.equals(r.target())).toList());
        ordered.addAll(rows.stream().filter(r -> CONTEXT.equals(r.target())).toList());
        for (Row r : ordered) {
            String ratio = r.failure() != null ? "failed: " + cell(r.failure()) : dec(r.ratio());
            String met = r.failure() != null || r.met() == null ? "" : r.met() ? "yes" : "**no**";
            out.append("| ").append(cell(r.measure())).append(" | ").append(ratio).append(" | ").append(r.target())
                    .append(" | ").append(met).append(" | ").append(cell(r.baseline())).append(" | ")
                    .append(cell(r.measured())).append(" | ").append(r.vsPut()).append(" | ").append(r.vsClamd())
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace('\n', ' ');
    }

    static String dec(double value) {
        return f("%.2f", value);
    }

    private static String seconds(double value) {
        return f("%.2f s", value);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : f("%.0f MiB", bytes / 1048576.0);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
