package uk.gov.inspectorates.portal.core.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.shared.Busy;
import uk.gov.inspectorates.portal.core.testdata.FakeContentInspector;
import uk.gov.inspectorates.portal.core.testdata.FakeContentTypeDetector;
import uk.gov.inspectorates.portal.core.testdata.FakeDocumentStore;

/**
 * The intake with the scanner that scans windows as they arrive (docs/adr/0036): nothing is accepted before a clean
 * verdict for every window, a full queue is busy before any byte is stored, and a time-out is scanned once more
 * from the stored copy, never refused as too complex.
 */
class DocumentIntakeParallelScanTest {

    private static final int WINDOW = 64 * 1024;
    private static final int OVERLAP = 1024;
    private static final KeyScope SCOPE = KeyScope.report("report-1");
    private static final ScanVerdict TIMED_OUT =
            ScanVerdict.found(ScanVerdict.Finding.TIMED_OUT, "Heuristics.Limits.Exceeded.MaxScanTime");

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final ScriptedScanner clamd = new ScriptedScanner();
    private final FakeDocumentStore store = new FakeDocumentStore();
    private final ScanPlaces places = new ScanPlaces(4, Duration.ofSeconds(9));
    private final DocumentIntake intake = new DocumentIntake(new FakeContentTypeDetector(), new FakeContentInspector(),
            new ParallelWindowScanner(clamd, new WindowedScanner(clamd, 1 << 30, OVERLAP), places, pool,
                    new ParallelWindowScanner.Settings(WINDOW, OVERLAP, 4, Duration.ofMillis(50),
                            Duration.ofMillis(50))), store, 1 << 30);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private static byte[] pdfOf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    private AcceptedDocument accept(byte[] pdf) {
        return intake.accept(new IncomingDocument("report.pdf", new ByteArrayInputStream(pdf)), AllowedTypes.REPORTS,
                SCOPE);
    }

    @Test
    void aFileIsNotAcceptedWhileOneOfItsWindowsIsStillBeingScanned() throws Exception {
        byte[] pdf = pdfOf(5 * WINDOW);
        clamd.holding(2);
        CompletableFuture<AcceptedDocument> accepted = CompletableFuture.supplyAsync(() -> accept(pdf));
        Thread.sleep(200);
        assertFalse(accepted.isDone(), "accepted with window 2 still unscanned");
        clamd.release(2);
        AcceptedDocument document = accepted.get(10, TimeUnit.SECONDS);
        assertArrayEquals(pdf, store.bytesOf(document.content()));
        assertTrue(clamd.started() >= 5, "windowed: " + clamd.started());
        assertEquals(places.capacity(), places.free());
    }

    @Test
    void malwareFoundInTheLastWindowToFinishRefusesTheFileAndKeepsNothing() throws Exception {
        byte[] marker = "MALWARE-MARKER".getBytes(StandardCharsets.US_ASCII);
        byte[] pdf = pdfOf(5 * WINDOW);
        System.arraycopy(marker, 0, pdf, 2 * WINDOW + 5000, marker.length);
        clamd.holding(2).answering(fed -> new String(fed, StandardCharsets.ISO_8859_1).contains("MALWARE-MARKER")
                ? ScanVerdict.infected("Portal.Test.Marker") : ScanVerdict.CLEAN);
        CompletableFuture<AcceptedDocument> accepted = CompletableFuture.supplyAsync(() -> accept(pdf));
        Thread.sleep(200);
        clamd.release(2);
        Exception refused = assertThrows(Exception.class, () -> accepted.get(10, TimeUnit.SECONDS));
        assertTrue(refused.getCause() instanceof UploadRejected rejected
                && rejected.reason() == UploadRejected.Reason.MALWARE, String.valueOf(refused.getCause()));
        assertTrue(store.objects().isEmpty(), "nothing kept");
    }

    @Test
    void aFullScannerQueueIsBusyBeforeAnyByteIsStored() {
        ScanPlaces full = new ScanPlaces(1, Duration.ofSeconds(11));
        ParallelWindowScanner scanning = new ParallelWindowScanner(clamd, new WindowedScanner(clamd, 1 << 30, 0), full,
                pool, new ParallelWindowScanner.Settings(WINDOW, OVERLAP, 2, Duration.ofMillis(20),
                Duration.ofMillis(20)));
        DocumentIntake busyIntake = new DocumentIntake(new FakeContentTypeDetector(), new FakeContentInspector(),
                scanning, store, 1 << 30);
        try (ContentScanner.ScanSession other = scanning.start("application/pdf")) {
            Busy busy = assertThrows(Busy.class, () -> busyIntake.accept(new IncomingDocument("report.pdf",
                    new ByteArrayInputStream(pdfOf(1000))), AllowedTypes.REPORTS, SCOPE));
            assertEquals(ScanningBusy.QUEUE_FULL, busy.rule());
            assertEquals(11, busy.retryAfterSeconds());
        }
        assertEquals(0, store.storeCalls(), "refused before any byte was stored");
        assertEquals(1, full.free());
    }

    @Test
    void aScanThatRanOutOfTimeIsScannedOnceMoreFromTheStoredCopyAndTheFileAccepted() {
        byte[] pdf = pdfOf(3 * WINDOW);
        AtomicInteger verdicts = new AtomicInteger();
        clamd.answering(fed -> verdicts.incrementAndGet() == 2 ? TIMED_OUT : ScanVerdict.CLEAN);
        AcceptedDocument document = accept(pdf);
        assertArrayEquals(pdf, store.bytesOf(document.content()));
        List<byte[]> windows = clamd.fed();
        int firstScan = windows.size() / 2;
        assertEquals(2 * firstScan, windows.size(), "the whole file scanned once more");
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        again.write(windows.get(firstScan), 0, windows.get(firstScan).length);
        assertArrayEquals(java.util.Arrays.copyOf(pdf, WINDOW), again.toByteArray(),
                "the second scan reads the stored copy from its start");
        assertEquals(places.capacity(), places.free());
    }

    @Test
    void aScanThatRunsOutOfTimeTwiceIsBusyNotTooComplexAndKeepsNothing() {
        clamd.answering(fed -> TIMED_OUT);
        Busy busy = assertThrows(Busy.class, () -> accept(pdfOf(2 * WINDOW)));
        assertEquals(ScanningBusy.OUT_OF_TIME, busy.rule());
        assertEquals(Busy.Scope.PORTAL, busy.scope());
        assertTrue(store.objects().isEmpty(), "nothing kept");
        assertEquals(places.capacity(), places.free());
    }
}
