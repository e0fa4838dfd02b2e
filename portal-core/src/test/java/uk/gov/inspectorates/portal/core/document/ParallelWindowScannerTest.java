package uk.gov.inspectorates.portal.core.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.shared.Busy;

/** Windows scanned as the upload arrives, several at once, within the scanner's queue (docs/adr/0036). */
class ParallelWindowScannerTest {

    private static final int WINDOW = 1000;
    private static final int OVERLAP = 100;
    private static final byte[] MARKER = "MALWARE-MARKER".getBytes(StandardCharsets.US_ASCII);

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final ScriptedScanner clamd = new ScriptedScanner();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private ParallelWindowScanner scanner(int places, int perUpload) {
        return scanner(new ScanPlaces(places, Duration.ofSeconds(7)), perUpload);
    }

    private ParallelWindowScanner scanner(ScanPlaces places, int perUpload) {
        return new ParallelWindowScanner(clamd, new WindowedScanner(clamd, 1_000_000, 0), places, pool,
                new ParallelWindowScanner.Settings(WINDOW, OVERLAP, perUpload, Duration.ofMillis(50),
                        Duration.ofMillis(50)));
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static void feed(ContentScanner.ScanSession session, byte[] content, int step) {
        for (int offset = 0; offset < content.length; offset += step) {
            session.feed(content, offset, Math.min(step, content.length - offset));
        }
    }

    private static boolean contains(byte[] bytes, byte[] marker) {
        for (int i = 0; i + marker.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
                return true;
            }
        }
        return false;
    }

    private static ScanVerdict markerIsMalware(byte[] fed) {
        return contains(fed, MARKER) ? ScanVerdict.infected("Portal.Test.Marker") : ScanVerdict.CLEAN;
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(5);
        }
    }

    @Test
    void windowsOfPlainTypesCoverTheFileWithTheOverlapEachSharesWithTheOneBefore() {
        byte[] content = bytes(3500);
        ScanVerdict verdict;
        try (ContentScanner.ScanSession session = scanner(4, 2).start("text/plain")) {
            feed(session, content, 333);
            verdict = session.verdict();
        }
        assertTrue(verdict.clean());
        List<byte[]> windows = clamd.fed();
        // windows start every WINDOW - OVERLAP bytes: 0, 900, 1800, 2700
        assertEquals(4, windows.size());
        for (int i = 0; i < 4; i++) {
            int start = i * (WINDOW - OVERLAP);
            assertArrayEquals(Arrays.copyOfRange(content, start, Math.min(content.length, start + WINDOW)),
                    windows.get(i), "window " + i);
        }
    }

    @Test
    void everyWindowOfAPdfButTheFirstStartsWithAPdfHeaderSoThatClamdParsesItsObjects() {
        byte[] content = bytes(2500);
        try (ContentScanner.ScanSession session = scanner(4, 2).start("application/pdf")) {
            feed(session, content, 1000);
            assertTrue(session.verdict().clean());
        }
        List<byte[]> windows = clamd.fed();
        assertEquals(3, windows.size());
        assertArrayEquals(Arrays.copyOfRange(content, 0, WINDOW), windows.get(0), "the first window is the file's");
        for (int i = 1; i < 3; i++) {
            byte[] window = windows.get(i);
            int header = ParallelWindowScanner.PDF_HEADER.length;
            assertArrayEquals(ParallelWindowScanner.PDF_HEADER, Arrays.copyOf(window, header));
            int start = i * (WINDOW - OVERLAP);
            assertArrayEquals(Arrays.copyOfRange(content, start, Math.min(content.length, start + WINDOW)),
                    Arrays.copyOfRange(window, header, window.length), "window " + i);
        }
    }

    @Test
    void containersAndUnknownTypesAreScannedWholeInOneStream() {
        for (String type : new String[] {"application/zip", "application/x-tika-ooxml", "application/x-tika-msoffice",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/octet-stream",
                "application/x-msdownload", "image/tiff", null}) {
            ScriptedScanner whole = new ScriptedScanner();
            ParallelWindowScanner scanning = new ParallelWindowScanner(whole, new WindowedScanner(whole, 1_000_000, 0),
                    new ScanPlaces(2, Duration.ofSeconds(1)), pool,
                    new ParallelWindowScanner.Settings(WINDOW, OVERLAP, 2, Duration.ofMillis(50), Duration.ofMillis(50)));
            byte[] content = bytes(5000);
            try (ContentScanner.ScanSession session = scanning.start(type)) {
                feed(session, content, 700);
                assertTrue(session.verdict().clean());
            }
            assertEquals(1, whole.fed().size(), String.valueOf(type));
            assertArrayEquals(content, whole.fed().get(0), String.valueOf(type));
        }
    }

    @Test
    void onlyTextAndRasterImagesAreWindowedAsTheyAreAndPdfsWithAHeader() {
        assertEquals(Set.of("text/plain", "text/csv", "image/png", "image/jpeg", "image/gif"),
                ParallelWindowScanner.PLAIN_TYPES);
        for (String type : ParallelWindowScanner.PLAIN_TYPES) {
            assertEquals(ParallelWindowScanner.Windowing.PLAIN, ParallelWindowScanner.windowingOf(type), type);
        }
        assertEquals(ParallelWindowScanner.Windowing.PDF, ParallelWindowScanner.windowingOf("application/pdf"));
    }

    @Test
    void laterWindowsOfPlainTypesTakeTheirOwnSizeAfterAFullFirstWindow() {
        byte[] content = bytes(2000);
        ParallelWindowScanner scanning = new ParallelWindowScanner(clamd, new WindowedScanner(clamd, 1_000_000, 0),
                new ScanPlaces(4, Duration.ofSeconds(7)), pool, new ParallelWindowScanner.Settings(WINDOW, 400,
                OVERLAP, 3, Duration.ofMillis(50), Duration.ofMillis(50)));
        try (ContentScanner.ScanSession session = scanning.start("image/jpeg")) {
            feed(session, content, 333);
            assertTrue(session.verdict().clean());
        }
        // [0, 1000) as before, then 400 bytes from 100 before each end: [900, 1300), [1200, 1600), [1500, 1900), ...
        int[][] expected = {{0, 1000}, {900, 1300}, {1200, 1600}, {1500, 1900}, {1800, 2000}};
        List<byte[]> windows = clamd.fed();
        assertEquals(expected.length, windows.size());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(Arrays.copyOfRange(content, expected[i][0], expected[i][1]), windows.get(i),
                    "window " + i);
        }
    }

    @Test
    void aPdfKeepsFullWindowsWhateverThePlainTypesTake() {
        byte[] content = bytes(2500);
        ParallelWindowScanner scanning = new ParallelWindowScanner(clamd, new WindowedScanner(clamd, 1_000_000, 0),
                new ScanPlaces(4, Duration.ofSeconds(7)), pool, new ParallelWindowScanner.Settings(WINDOW, 400,
                OVERLAP, 3, Duration.ofMillis(50), Duration.ofMillis(50)));
        try (ContentScanner.ScanSession session = scanning.start("application/pdf")) {
            feed(session, content, 333);
            assertTrue(session.verdict().clean());
        }
        assertEquals(3, clamd.fed().size(), "windows at 0, 900, 1800");
    }

    @Test
    void theFeedGoesOnWithTheNextWindowWhileTheLastOnesVerdictIsCollected() throws Exception {
        clamd.holding(0);
        ContentScanner.ScanSession session = scanner(4, 2).start("text/plain");
        byte[] content = bytes(1500);
        feed(session, content, 500); // window 0 complete, window 1 being fed
        assertEquals(2, clamd.started(), "the second window started while the first awaits its verdict");
        CompletableFuture<ScanVerdict> verdict = CompletableFuture.supplyAsync(session::verdict);
        Thread.sleep(100);
        assertFalse(verdict.isDone(), "no verdict for the file while a window is still being scanned");
        clamd.release(0);
        assertTrue(verdict.get(10, TimeUnit.SECONDS).clean());
    }

    @Test
    void aFindingInAWindowStillBeingScannedWhenTheLastByteArrivesIsTheFiles() throws Exception {
        clamd.answering(ParallelWindowScannerTest::markerIsMalware).holding(1);
        byte[] content = bytes(4000);
        System.arraycopy(MARKER, 0, content, 1300, MARKER.length); // in window 1 only
        ScanPlaces places = new ScanPlaces(6, Duration.ofSeconds(7));
        // room for all 5 windows: with fewer, the feed itself would wait for the held window (its back-pressure)
        ContentScanner.ScanSession session = scanner(places, 5).start("text/plain");
        feed(session, content, 500);
        CompletableFuture<ScanVerdict> verdict = CompletableFuture.supplyAsync(session::verdict);
        Thread.sleep(100);
        assertFalse(verdict.isDone(), "the clean windows after it do not make the file clean");
        clamd.release(1);
        ScanVerdict found = verdict.get(10, TimeUnit.SECONDS);
        assertTrue(found.infected(), found.toString());
        assertEquals(places.capacity(), places.free(), "every place given back");
    }

    @Test
    void theFirstFindingInFileOrderIsTheFilesAndNoWindowStartsAfterIt() {
        clamd.answering(ParallelWindowScannerTest::markerIsMalware);
        byte[] content = bytes(20_000);
        System.arraycopy(MARKER, 0, content, 950, MARKER.length); // in windows 0 and 1
        ScanVerdict verdict;
        try (ContentScanner.ScanSession session = scanner(4, 2).start("text/plain")) {
            feed(session, content, 100);
            verdict = session.verdict();
        }
        assertTrue(verdict.infected());
        assertTrue(clamd.started() < 20_000 / (WINDOW - OVERLAP), "stopped opening windows: " + clamd.started());
    }

    @Test
    void noMoreThanTheUploadsLimitOfWindowsAreOpenAtOnce() {
        clamd.answering(fed -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ScanVerdict.CLEAN;
        });
        try (ContentScanner.ScanSession session = scanner(8, 3).start("image/png")) {
            feed(session, bytes(20_000), 250);
            assertTrue(session.verdict().clean());
        }
        assertTrue(clamd.mostOpen() <= 3, "at most 3 windows at once: " + clamd.mostOpen());
        assertTrue(clamd.mostOpen() >= 2, "windows are scanned in parallel: " + clamd.mostOpen());
    }

    @Test
    void noMoreWindowsThanThePlacesPortalWideAndANewUploadIsBusyWhenNoPlaceComesFree() {
        ScanPlaces places = new ScanPlaces(2, Duration.ofSeconds(7));
        ParallelWindowScanner scanning = scanner(places, 4);
        clamd.holding(0);
        ContentScanner.ScanSession first = scanning.start("text/plain");
        first.feed(bytes(1500), 0, 1500); // window 0 awaits its verdict, window 1 is fed: both places taken
        assertEquals(0, places.free());

        Busy busy = assertThrows(Busy.class, () -> scanning.start("application/pdf"));
        assertEquals("scanning.queue-full", busy.rule());
        assertEquals(Busy.Scope.PORTAL, busy.scope());
        assertEquals(7, busy.retryAfterSeconds());

        clamd.release(0);
        assertTrue(first.verdict().clean());
        assertEquals(2, places.free(), "the queue recovers by itself");
        try (ContentScanner.ScanSession next = scanning.start("application/pdf")) {
            next.feed(bytes(10), 0, 10);
            assertTrue(next.verdict().clean());
        }
    }

    @Test
    void anAbandonedUploadGivesItsPlacesBackEvenWithAVerdictStillBeingCollected() throws Exception {
        ScanPlaces places = new ScanPlaces(3, Duration.ofSeconds(7));
        clamd.holding(0);
        ContentScanner.ScanSession session = scanner(places, 3).start("text/plain");
        session.feed(bytes(1500), 0, 1500);
        session.close(); // the client went away
        assertEquals(0, clamd.open(), "every window's scan closed");
        clamd.release(0);
        eventually(() -> places.free() == 3, "places back: " + places.free());
    }

    @Test
    void aFailingScanGivesItsPlacesBackAndIsNoVerdict() throws Exception {
        ScanPlaces places = new ScanPlaces(3, Duration.ofSeconds(7));
        clamd.answering(fed -> {
            throw new ScanningUnavailable("connection reset");
        });
        ContentScanner.ScanSession session = scanner(places, 2).start("text/plain");
        assertThrows(ScanningUnavailable.class, () -> {
            feed(session, bytes(5000), 500);
            session.verdict();
        });
        session.close();
        // windows whose verdict task was still running give theirs back when it ends
        eventually(() -> places.free() == 3, "places back: " + places.free());
    }

    @Test
    void aContainersPlaceIsGivenBackToo() {
        ScanPlaces places = new ScanPlaces(1, Duration.ofSeconds(7));
        ParallelWindowScanner scanning = scanner(places, 2);
        try (ContentScanner.ScanSession session = scanning.start("application/zip")) {
            assertEquals(0, places.free());
            session.feed(bytes(10), 0, 10);
        }
        assertEquals(1, places.free());
    }

    @Test
    void aWindowThatRanOutOfTimeMakesTheFileTimedOutUnlessAnotherWindowFoundSomething() {
        byte[] content = bytes(3000);
        clamd.answering(fed -> fed.length > 0 && fed[fed.length - 1] == content[999]
                ? ScanVerdict.found(ScanVerdict.Finding.TIMED_OUT, "Heuristics.Limits.Exceeded.MaxScanTime")
                : markerIsMalware(fed));
        try (ContentScanner.ScanSession session = scanner(4, 2).start("text/plain")) {
            feed(session, content, 500);
            assertTrue(session.verdict().timedOut());
        }
        System.arraycopy(MARKER, 0, content, 2500, MARKER.length);
        try (ContentScanner.ScanSession session = scanner(4, 2).start("text/plain")) {
            feed(session, content, 500);
            assertTrue(session.verdict().infected(), "a finding outweighs a time-out");
        }
    }

    @Test
    void aSecondScanThatRunsOutOfTimeIsBusyNotAVerdictOnTheFile() {
        clamd.answering(fed -> ScanVerdict.found(ScanVerdict.Finding.TIMED_OUT, "Heuristics.Limits.Exceeded.MaxScanTime"));
        ScanPlaces places = new ScanPlaces(2, Duration.ofSeconds(7));
        ParallelWindowScanner scanning = scanner(places, 2);
        for (String type : new String[] {"application/pdf", "application/zip"}) {
            try (ContentScanner.ScanSession first = scanning.start(type)) {
                first.feed(bytes(10), 0, 10);
                assertTrue(first.verdict().timedOut(), type);
            }
            try (ContentScanner.ScanSession again = scanning.rescan(type)) {
                again.feed(bytes(10), 0, 10);
                Busy busy = assertThrows(Busy.class, again::verdict, type);
                assertEquals("scanning.out-of-time", busy.rule());
                assertEquals(Busy.Scope.PORTAL, busy.scope());
            }
        }
        assertEquals(2, places.free());
    }

    @Test
    void anEmptyFileIsScannedOnce() {
        try (ContentScanner.ScanSession session = scanner(2, 2).start("text/plain")) {
            assertTrue(session.verdict().clean());
        }
        assertEquals(1, clamd.started());
    }
}
