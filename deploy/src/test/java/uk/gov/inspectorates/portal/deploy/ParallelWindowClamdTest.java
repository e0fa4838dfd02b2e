package uk.gov.inspectorates.portal.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.AllowedTypes;
import uk.gov.inspectorates.portal.core.document.ContentScanner;
import uk.gov.inspectorates.portal.core.document.ContentScanner.ScanSession;
import uk.gov.inspectorates.portal.core.document.DocumentIntake;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.IncomingDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.ParallelWindowScanner;
import uk.gov.inspectorates.portal.core.document.ScanPlaces;
import uk.gov.inspectorates.portal.core.document.ScanVerdict;
import uk.gov.inspectorates.portal.core.document.ScanningBusy;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.document.UploadRejected;
import uk.gov.inspectorates.portal.core.document.WindowedScanner;
import uk.gov.inspectorates.portal.core.document.WrappedKey;
import uk.gov.inspectorates.portal.core.shared.Busy;
import uk.gov.inspectorates.portal.security.content.PdfBoxAndZipInspector;
import uk.gov.inspectorates.portal.security.content.TikaContentTypeDetector;
import uk.gov.inspectorates.portal.security.malware.ClamAvScanner;

/**
 * The upload scan behind the receive against real clamds (docs/adr/0036): windows of a PDF after the first are
 * parsed as PDFs (a compressed payload deep in the file is found, which the same window without the header misses),
 * and with a clamd whose {@code MaxScanTime} is tiny, as under load, a legitimate PDF is busy, never refused as too
 * complex, while a real bomb still is too complex.
 */
class ParallelWindowClamdTest {

    private static final int MIB = 1024 * 1024;
    private static final int WINDOW = MIB;
    private static final int OVERLAP = 64 * 1024;
    private static final KeyScope SCOPE = KeyScope.report("report-1");

    private static ScratchClamd clamd;
    private static ScratchClamd hurried;
    private static ExecutorService pool;

    @BeforeAll
    static void startClamds() throws IOException {
        clamd = ScratchClamd.start("windows", 64L * MIB);
        hurried = ScratchClamd.start("hurried", 64L * MIB, 1);
        pool = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stopClamds() throws IOException {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (clamd != null) {
            clamd.close();
        }
        if (hurried != null) {
            hurried.close();
        }
    }

    private static ParallelWindowScanner windows(ClamAvScanner scanner, ScanPlaces places) {
        return new ParallelWindowScanner(scanner, new WindowedScanner(scanner, 64L * MIB, OVERLAP), places, pool,
                new ParallelWindowScanner.Settings(WINDOW, OVERLAP, 2, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }

    private static DocumentIntake intake(ClamAvScanner scanner, ScanPlaces places, MemoryStore store) {
        return new DocumentIntake(new TikaContentTypeDetector(), new PdfBoxAndZipInspector(64L * MIB),
                windows(scanner, places), store, 64L * MIB);
    }

    private static ScanVerdict scan(ScanSession session, byte[] content) {
        try (session) {
            for (int offset = 0; offset < content.length; offset += 64 * 1024) {
                session.feed(content, offset, Math.min(64 * 1024, content.length - offset));
            }
            return session.verdict();
        }
    }

    @Test
    void aCompressedPayloadDeepInAPdfIsFoundBecauseEveryWindowIsParsedAsAPdf() {
        byte[] pdf = pdf(3, true);
        ScanPlaces places = new ScanPlaces(4, Duration.ofSeconds(5));
        ScanVerdict windowed = scan(windows(clamd.scanner(), places).start("application/pdf"), pdf);
        assertTrue(windowed.infected(), windowed.toString());
        assertEquals(EmbeddedClamd.EICAR_SIGNATURE + ".UNOFFICIAL", windowed.signature().orElseThrow());
        // what the header buys: the same windows as plain bytes miss the deflated payload
        ScanVerdict raw = scan(windows(clamd.scanner(), places).start("text/plain"), pdf);
        assertTrue(raw.clean(), "without the header clamd does not inflate a later window's streams: " + raw);
        assertEquals(4, places.free());

        MemoryStore store = new MemoryStore();
        UploadRejected rejected = assertThrows(UploadRejected.class, () -> intake(clamd.scanner(), places, store)
                .accept(new IncomingDocument("report.pdf", new ByteArrayInputStream(pdf)), AllowedTypes.REPORTS,
                        SCOPE));
        assertEquals(UploadRejected.Reason.MALWARE, rejected.reason());
        assertTrue(store.objects.isEmpty(), "nothing kept");
    }

    @Test
    void aCleanPdfIsAcceptedWindowByWindowAndStoredWhole() {
        byte[] pdf = pdf(3, false);
        MemoryStore store = new MemoryStore();
        ScanPlaces places = new ScanPlaces(4, Duration.ofSeconds(5));
        AcceptedDocument accepted = intake(clamd.scanner(), places, store).accept(
                new IncomingDocument("report.pdf", new ByteArrayInputStream(pdf)), AllowedTypes.REPORTS, SCOPE);
        assertArrayEquals(pdf, store.objects.get(accepted.content().objectKey()));
        assertEquals(4, places.free());
    }

    /** Images and text: a 1 MiB first window, then windows of {@link #PLAIN_WINDOW}, as the portal (32 and 16 MiB). */
    private static final int PLAIN_WINDOW = 256 * 1024;

    private static ParallelWindowScanner plainWindows(ContentScanner scanner, long overlap) {
        return new ParallelWindowScanner(scanner, new WindowedScanner(scanner, 64L * MIB, overlap),
                new ScanPlaces(4, Duration.ofSeconds(5)), pool, new ParallelWindowScanner.Settings(WINDOW,
                PLAIN_WINDOW, overlap, 3, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }

    @Test
    void eicarInALaterWindowOfAnImageIsFoundThroughTheIntakeAndNothingIsKept() {
        for (byte[] signature : new byte[][] {PNG, JPEG}) {
            // 3 MiB: windows at 0, 960 KiB, then every 192 KiB; EICAR at 2145 KiB is whole in the eighth, [2112, 2368)
            byte[] image = image(signature, 3 * MIB, 2 * MIB + 100_000);
            CountingScanner counting = new CountingScanner(clamd.scanner());
            MemoryStore store = new MemoryStore();
            DocumentIntake intake = new DocumentIntake(new TikaContentTypeDetector(),
                    new PdfBoxAndZipInspector(64L * MIB), plainWindows(counting, OVERLAP), store, 64L * MIB);
            String name = signature == PNG ? "photo.png" : "photo.jpg";
            UploadRejected rejected = assertThrows(UploadRejected.class, () -> intake.accept(
                    new IncomingDocument(name, new ByteArrayInputStream(image)), AllowedTypes.EVIDENCE, SCOPE), name);
            assertEquals(UploadRejected.Reason.MALWARE, rejected.reason(), name);
            assertTrue(counting.streams.get() >= 8, name + " was windowed: " + counting.streams.get() + " streams");
            assertTrue(store.objects.isEmpty(), "nothing kept");
        }
    }

    @Test
    void eicarAcrossAWindowBoundaryOfAnImageIsFoundThanksToTheOverlap() {
        // EICAR starts 30 bytes before the first window's end: whole in the second window, which starts OVERLAP before
        byte[] image = image(PNG, 3 * MIB, WINDOW - 30);
        ScanVerdict overlapping = scan(plainWindows(clamd.scanner(), OVERLAP).start("image/png"), image);
        assertTrue(overlapping.infected(), overlapping.toString());
        assertEquals(EmbeddedClamd.EICAR_SIGNATURE + ".UNOFFICIAL", overlapping.signature().orElseThrow());
        // a later boundary, between two of the smaller windows: [960 KiB, 1216 KiB) ends at 1216 KiB
        byte[] later = image(PNG, 3 * MIB, WINDOW - OVERLAP + PLAIN_WINDOW - 30);
        assertTrue(scan(plainWindows(clamd.scanner(), OVERLAP).start("image/png"), later).infected());
        // what the overlap buys: the same boundary without it splits the signature, and clamd sees neither half
        ScanVerdict split = scan(plainWindows(clamd.scanner(), 0).start("image/png"), image);
        assertTrue(split.clean(), "without the overlap the halves are not found: " + split);
    }

    @Test
    void underATinyMaxScanTimeALegitimatePdfIsBusyNeverTooComplexAndNothingIsKept() {
        byte[] pdf = pdf(3, false);
        MemoryStore store = new MemoryStore();
        ScanPlaces places = new ScanPlaces(4, Duration.ofSeconds(5));
        Busy busy = assertThrows(Busy.class, () -> intake(hurried.scanner(), places, store).accept(
                new IncomingDocument("report.pdf", new ByteArrayInputStream(pdf)), AllowedTypes.REPORTS, SCOPE));
        assertEquals(ScanningBusy.OUT_OF_TIME, busy.rule());
        assertEquals(Busy.Scope.PORTAL, busy.scope());
        assertEquals(1, store.stores);
        assertEquals(1, store.opens, "scanned once more, read back from the stored copy, before giving up");
        assertTrue(store.objects.isEmpty(), "nothing kept");
        assertEquals(4, places.free());
    }

    @Test
    void underATinyMaxScanTimeABombIsStillTooComplex() {
        ScanPlaces places = new ScanPlaces(4, Duration.ofSeconds(5));
        ScanVerdict verdict = scan(windows(hurried.scanner(), places).start("application/zip"),
                nestedZip(EmbeddedClamd.MAX_RECURSION + 8));
        assertEquals(ScanVerdict.Finding.TOO_COMPLEX, verdict.finding(), verdict.toString());
        assertEquals("Heuristics.Limits.Exceeded.MaxRecursion", verdict.signature().orElseThrow());
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0};

    /** Random bytes behind an image signature (as the benchmark's "random" file), EICAR at {@code eicarAt}. */
    private static byte[] image(byte[] signature, int size, int eicarAt) {
        byte[] image = new byte[size];
        new Random(size + eicarAt).nextBytes(image);
        System.arraycopy(signature, 0, image, 0, signature.length);
        byte[] eicar = EmbeddedClamd.EICAR.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(eicar, 0, image, eicarAt, eicar.length);
        return image;
    }

    /** Counts the streams opened to clamd (one per window). */
    private static final class CountingScanner implements ContentScanner {
        final ContentScanner scanner;
        final AtomicInteger streams = new AtomicInteger();

        CountingScanner(ContentScanner scanner) {
            this.scanner = scanner;
        }

        @Override
        public ScanSession start() {
            streams.incrementAndGet();
            return scanner.start();
        }

        @Override
        public void checkAvailable() {
            scanner.checkAvailable();
        }
    }

    /** A PDF with a page, {@code padMib} MiB of random bytes in a stream, then (when told) EICAR deflated. */
    private static byte[] pdf(int padMib, boolean eicar) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        offsets.add(out.size());
        write(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        offsets.add(out.size());
        write(out, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        offsets.add(out.size());
        write(out, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R >>\nendobj\n");
        byte[] pad = new byte[padMib * MIB];
        new Random(padMib).nextBytes(pad);
        offsets.add(out.size());
        write(out, "4 0 obj\n<< /Length " + pad.length + " >>\nstream\n");
        out.writeBytes(pad);
        write(out, "\nendstream\nendobj\n");
        byte[] content = deflate(("BT /F1 12 Tf 72 720 Td (hello) Tj ET\n" + (eicar ? EmbeddedClamd.EICAR + "\n" : ""))
                .getBytes(StandardCharsets.ISO_8859_1));
        offsets.add(out.size());
        write(out, "5 0 obj\n<< /Length " + content.length + " /Filter /FlateDecode >>\nstream\n");
        out.writeBytes(content);
        write(out, "\nendstream\nendobj\n");
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        write(out, table + "trailer\n<< /Size " + (offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref
                + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater();
        deflater.setInput(bytes);
        deflater.finish();
        byte[] buffer = new byte[bytes.length + 64];
        int n = deflater.deflate(buffer);
        deflater.end();
        return java.util.Arrays.copyOf(buffer, n);
    }

    private static byte[] nestedZip(int depth) {
        byte[] data = "hello".getBytes(StandardCharsets.US_ASCII);
        try {
            for (int i = 0; i < depth; i++) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                    zip.putNextEntry(new ZipEntry("n" + i + ".zip"));
                    zip.write(data);
                    zip.closeEntry();
                }
                data = bytes.toByteArray();
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps plaintext in memory (tests only: the portal's store encrypts), counting stores and reads. */
    private static final class MemoryStore implements DocumentStore {
        final Map<String, byte[]> objects = new ConcurrentHashMap<>();
        int stores;
        int opens;

        @Override
        public StoredContent store(KeyScope scope, InputStream plaintext) throws IOException {
            stores++;
            byte[] bytes = plaintext.readAllBytes();
            String key = "object-" + stores;
            objects.put(key, bytes);
            return new StoredContent(scope, key, new WrappedKey("test-kek", new byte[] {1}), bytes.length,
                    bytes.length, "not-computed");
        }

        @Override
        public InputStream open(StoredContent content) throws IOException {
            opens++;
            byte[] bytes = objects.get(content.objectKey());
            if (bytes == null) {
                throw new IOException("gone: " + content.objectKey());
            }
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public void delete(StoredContent content) {
            objects.remove(content.objectKey());
        }
    }
}
