package uk.gov.inspectorates.portal.security.stamping;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.report.StampMarks;
import uk.gov.inspectorates.portal.deploy.bench.StampBench;
import uk.gov.inspectorates.portal.deploy.bench.Stats;
import uk.gov.inspectorates.portal.security.content.PdfBoxActiveContentRemoval;

/**
 * Where a stamped copy's CPU goes, step by step, against PDFBox's own load + save (ADR 0038, addenda): thread CPU time
 * (steadier than wall time on a shared machine), medians of many rounds after warm-ups, on the bench's two reports.
 * It lives in the stamper's package (in the bench sources only) to time the adapter's package-private steps one by
 * one: the same calls {@link PdfBoxStamper#stamped} makes, in the same order.
 *
 * <p>{@code java -Xms2g -Xmx2g -cp <security + bench classpath> uk.gov.inspectorates.portal.security.stamping.StampSplit [rounds] [warm-ups]}
 */
public final class StampSplit {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private StampSplit() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int warmUps = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        split("300 pages", StampBench.textReport(300), rounds, warmUps);
        split("100 MiB image-heavy", StampBench.imageHeavyReport(100L << 20), rounds, warmUps);
    }

    private static void split(String name, byte[] report, int rounds, int warmUps) throws IOException {
        StampMarks marks = StampMarks.forDownload(Classification.of(Tier.OFFICIAL_SENSITIVE),
                "Share only with the named reviewers.", "Bench Reader", "Bench Inspectorate",
                Instant.parse("2026-01-01T09:00:00Z"), "bench-download-id");
        TrueTypeFont regular = parse("DejaVuSans.ttf");
        TrueTypeFont bold = parse("DejaVuSans-Bold.ttf");
        PdfBoxStamper stamper = new PdfBoxStamper(Long.MAX_VALUE);
        MarkFonts markFonts = MarkFonts.build(PdfBoxStamper.class.getResourceAsStream("DejaVuSans.ttf").readAllBytes(),
                PdfBoxStamper.class.getResourceAsStream("DejaVuSans-Bold.ttf").readAllBytes());
        Map<String, List<Double>> steps = new LinkedHashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (int round = -warmUps; round < rounds; round++) {
            Map<String, Double> one = new LinkedHashMap<>();
            System.gc();
            long t = cpu();
            try (PDDocument document = Loader.loadPDF(report)) {
                one.put("baseline: load", lap(t));
                t = cpu();
                document.save(new StampBench.Sink());
                one.put("baseline: save (PDFBox default)", lap(t));
            }
            System.gc();
            t = cpu();
            try (PDDocument document = Loader.loadPDF(report)) {
                document.save(new StampBench.Sink(), CompressParameters.NO_COMPRESSION);
                one.put("baseline variant: load + save NO_COMPRESSION", lap(t));
            }
            System.gc();
            t = cpu();
            stamper.stamp(report, marks, new StampBench.Sink());
            one.put("stamper in all (PdfBoxStamper.stamp)", lap(t));
            for (boolean built : new boolean[] {true, false}) {
                System.gc();
                t = cpu();
                byte[] whole = new byte[report.length];
                InputStream in = new ByteArrayInputStream(report);
                in.readNBytes(whole, 0, whole.length);
                String p = built ? "" : "[whole fonts, subset per copy] ";
                one.put(p + "1 (before: a copy of the input into one array)", lap(t));
                t = cpu();
                try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(whole), "", null, null,
                        IOUtils.createMemoryOnlyStreamCache())) {
                    one.put(p + "2 load", lap(t));
                    t = cpu();
                    int pages = 0;
                    for (PDPage ignored : document.getPages()) {
                        pages++;
                    }
                    one.put(p + "2b page tree", lap(t));
                    t = cpu();
                    PdfBoxActiveContentRemoval.remove(document);
                    one.put(p + "3 active-content removal", lap(t));
                    t = cpu();
                    MarksLayout.Pen fonts = built ? markFonts.pen()
                            : new PdfBoxPen(PDType0Font.load(document, regular, true),
                            PDType0Font.load(document, bold, true));
                    one.put(p + "4 two PDType0Fonts", lap(t));
                    t = cpu();
                    PageMarking marking = new PageMarking(document, marks, fonts);
                    int n = 0;
                    for (PDPage page : document.getPages()) {
                        marking.stamp(page, n++ == 0);
                    }
                    one.put(p + "5 marks on " + pages + " pages", lap(t));
                    if (built) {
                        t = cpu();
                        markFonts.handOver(document, marking.formResources());
                        one.put(p + "5b the copy's clones of the built fonts", lap(t));
                    }
                    t = cpu();
                    StampBench.Sink sink = new StampBench.Sink();
                    document.save(sink);
                    one.put(p + "6 save", lap(t));
                    sizes.put(p + "copy's size", sink.bytes());
                }
            }
            // the subsets alone, in a copy of their own (a save subsets the fonts it was given once only)
            System.gc();
            try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(report), "", null, null,
                    IOUtils.createMemoryOnlyStreamCache())) {
                PDType0Font r = PDType0Font.load(document, regular, true);
                PDType0Font b = PDType0Font.load(document, bold, true);
                PageMarking marking = new PageMarking(document, marks, new PdfBoxPen(r, b));
                int n = 0;
                for (PDPage page : document.getPages()) {
                    marking.stamp(page, n++ == 0);
                }
                MarksLayout.Pen fresh = new PdfBoxPen(PDType0Font.load(document, regular, true),
                        PDType0Font.load(document, bold, true));
                t = cpu();
                MarksLayout.draw(document, new MarksLayout.Layout(595, 842, true), marks, fresh);
                MarksLayout.draw(document, new MarksLayout.Layout(595, 842, false), marks, fresh);
                one.put("5a of which, whole fonts: laying out two forms", lap(t));
                t = cpu();
                MarksLayout.draw(document, new MarksLayout.Layout(595, 842, true), marks, markFonts.pen());
                MarksLayout.draw(document, new MarksLayout.Layout(595, 842, false), marks, markFonts.pen());
                one.put("5a of which, built fonts: laying out two forms", lap(t));
                t = cpu();
                r.subset();
                b.subset();
                one.put("6a of which, with whole fonts: the two subsets", lap(t));
            }
            if (round >= 0) {
                one.forEach((k, v) -> steps.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            }
        }
        System.out.printf("%n%s (%,d bytes), thread CPU time, medians of %d rounds after %d warm-ups:%n", name,
                report.length, rounds, warmUps);
        steps.forEach((k, v) -> System.out.printf("  %-52s %.4f s%n", k, Stats.median(v)));
        sizes.forEach((k, v) -> System.out.printf("  %-52s %,d bytes%n", k, v));
    }

    private static TrueTypeFont parse(String font) throws IOException {
        try (InputStream in = PdfBoxStamper.class.getResourceAsStream(font)) {
            return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        }
    }

    private static long cpu() {
        return CPU.getCurrentThreadCpuTime();
    }

    private static double lap(long from) {
        return (cpu() - from) / 1e9;
    }
}
