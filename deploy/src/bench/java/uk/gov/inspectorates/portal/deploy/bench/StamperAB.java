package uk.gov.inspectorates.portal.deploy.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.report.StampMarks;
import uk.gov.inspectorates.portal.core.report.Stamper;

/**
 * Two or more builds of the stamper side by side in one JVM (ADR 0038, third addendum): each build's
 * {@code security/target/classes}, copied aside, is loaded by a class loader of its own (its stamping and content
 * classes first, PDFBox and the core shared), and every round stamps the bench's report once with each build and loads
 * and saves it once with PDFBox, in a rotating order, in thread CPU time. On a shared machine this compares builds far
 * more steadily than runs taken one after another, since load and the JIT's progress hit every build alike.
 *
 * <p>{@code java -Xms1g -Xmx1g -cp <deploy test classpath without security/target/classes> ...StamperAB rounds
 * warm-ups text|image dirA dirB ...}: prints each build's median, its ratio to PDFBox's load + save, and the median of
 * its per-round ratio to the first build.
 */
public final class StamperAB {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final String OWN = "uk.gov.inspectorates.portal.security.";

    private StamperAB() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int warmUps = Integer.parseInt(args[1]);
        byte[] report = "image".equals(args[2]) ? StampBench.imageHeavyReport(100L << 20) : StampBench.textReport(300);
        StampMarks marks = StampMarks.forDownload(Classification.of(Tier.OFFICIAL_SENSITIVE),
                "Share only with the named reviewers.", "Bench Reader", "Bench Inspectorate",
                Instant.parse("2026-01-01T09:00:00Z"), "bench-download-id");
        int builds = args.length - 3;
        Stamper[] stampers = new Stamper[builds];
        for (int i = 0; i < builds; i++) {
            ClassLoader loader = new OwnFirst(Path.of(args[3 + i]).toUri().toURL(), StamperAB.class.getClassLoader());
            stampers[i] = (Stamper) loader.loadClass(OWN + "stamping.PdfBoxStamper").getConstructor(long.class)
                    .newInstance(Long.MAX_VALUE);
        }
        List<List<Double>> seconds = new ArrayList<>();
        List<List<Double>> toFirst = new ArrayList<>();
        for (int i = 0; i <= builds; i++) {
            seconds.add(new ArrayList<>());
            toFirst.add(new ArrayList<>());
        }
        for (int round = -warmUps; round < rounds; round++) {
            double[] one = new double[builds + 1];
            for (int k = 0; k <= builds; k++) {
                int which = (k + Math.floorMod(round, builds + 1)) % (builds + 1);
                one[which] = which == builds ? loadAndSave(report) : stamp(stampers[which], report, marks);
            }
            if (round >= 0) {
                for (int i = 0; i <= builds; i++) {
                    seconds.get(i).add(one[i]);
                    toFirst.get(i).add(one[i] / one[0]);
                }
            }
        }
        double baseline = Stats.median(seconds.get(builds));
        System.out.printf("PDFBox load + save %.4f s CPU%n", baseline);
        for (int i = 0; i < builds; i++) {
            double median = Stats.median(seconds.get(i));
            System.out.printf("%s: %.4f s CPU, %.3f x PDFBox's, %.3f x the first build's (median per round)%n",
                    args[3 + i], median, median / baseline, Stats.median(toFirst.get(i)));
        }
    }

    private static double loadAndSave(byte[] report) throws IOException {
        System.gc();
        long from = CPU.getCurrentThreadCpuTime();
        try (PDDocument document = Loader.loadPDF(report)) {
            document.save(new StampBench.Sink());
        }
        return (CPU.getCurrentThreadCpuTime() - from) / 1e9;
    }

    private static double stamp(Stamper stamper, byte[] report, StampMarks marks) {
        System.gc();
        long from = CPU.getCurrentThreadCpuTime();
        stamper.stamp(report, marks, new StampBench.Sink());
        return (CPU.getCurrentThreadCpuTime() - from) / 1e9;
    }

    /** Loads the security module's classes from its build, everything else from the bench's class path. */
    private static final class OwnFirst extends URLClassLoader {
        OwnFirst(URL build, ClassLoader parent) {
            super(new URL[] {build}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(OWN)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException notInTheBuild) {
                        loaded = super.loadClass(name, resolve);
                    }
                }
                return loaded;
            }
        }
    }
}
