package uk.gov.inspectorates.portal.core.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Overlapping windows: every byte scanned, every short signature seen whole by one window, first finding wins. */
class WindowedScannerTest {

    private static final int WINDOW = 10;
    private static final int OVERLAP = 3;
    private static final int STEP = WINDOW - OVERLAP;

    private final RecordingScanner scanner = new RecordingScanner();
    private final WindowedScanner windowed = new WindowedScanner(scanner, WINDOW, OVERLAP);

    /** Random bytes without the letters markers are made of, so a marker is found only where a test put it. */
    private static byte[] fileOf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (bytes[i] & 0x3f);
        }
        return bytes;
    }

    /** Feeds the file in chunks of the given size (the last one shorter), from offsets inside a larger buffer. */
    private ScanVerdict scan(byte[] file, int chunk) {
        try (ContentScanner.ScanSession session = windowed.start()) {
            feed(session, file, chunk);
            return session.verdict();
        }
    }

    private static void feed(ContentScanner.ScanSession session, byte[] file, int chunk) {
        byte[] padded = new byte[file.length + 2];
        System.arraycopy(file, 0, padded, 1, file.length);
        for (int offset = 0; offset < file.length; offset += chunk) {
            session.feed(padded, 1 + offset, Math.min(chunk, file.length - offset));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 9, 10, 11, 64})
    void windowsOfWBytesStartEveryWMinusOBytes(int chunk) {
        byte[] file = fileOf(40); // windows at 0, 7, 14, 21, 28 and 35; the one at 28 ends at 38, short of the end

        assertTrue(scan(file, chunk).clean());

        List<byte[]> fed = scanner.fed();
        assertEquals(6, fed.size());
        for (int k = 0; k < fed.size(); k++) {
            int start = k * STEP;
            assertArrayEquals(Arrays.copyOfRange(file, start, Math.min(start + WINDOW, file.length)), fed.get(k),
                    "window " + k);
        }
        assertEquals(6, scanner.closed());
    }

    @Test
    void everyByteOfFilesOfEverySizeIsFedToSomeWindowInOrder() {
        for (int length = 1; length <= 60; length++) {
            for (int chunk : new int[] {1, 4, 13, 100}) {
                RecordingScanner recording = new RecordingScanner();
                byte[] file = fileOf(length);
                try (ContentScanner.ScanSession session = new WindowedScanner(recording, WINDOW, OVERLAP).start()) {
                    feed(session, file, chunk);
                    session.verdict();
                }
                List<byte[]> fed = recording.fed();
                String label = length + " bytes in chunks of " + chunk;
                long covered = 0;
                for (int k = 0; k < fed.size(); k++) {
                    int start = k * STEP;
                    assertTrue(start <= covered, label + ": a gap before window " + k);
                    assertArrayEquals(Arrays.copyOfRange(file, start, Math.min(start + WINDOW, length)), fed.get(k),
                            label + ": window " + k);
                    covered = start + fed.get(k).length;
                }
                assertEquals(length, covered, label + ": bytes never scanned");
                assertEquals(fed.size(), recording.closed(), label + ": sessions left open");
            }
        }
    }

    @Test
    void aSignatureUpToTheOverlapIsSeenWholeWhereverItLies() {
        for (int markerLength = 1; markerLength <= OVERLAP; markerLength++) {
            byte[] marker = "XYZ".substring(0, markerLength).getBytes(StandardCharsets.US_ASCII);
            for (int at = 0; at + markerLength <= 45; at++) {
                RecordingScanner recording = new RecordingScanner().infectedWhenContaining(marker, "Test.Sig");
                byte[] file = fileOf(45);
                System.arraycopy(marker, 0, file, at, markerLength);
                WindowedScanner scanning = new WindowedScanner(recording, WINDOW, OVERLAP);
                for (int chunk : new int[] {1, 5, 64}) {
                    ScanVerdict verdict;
                    try (ContentScanner.ScanSession session = scanning.start()) {
                        feed(session, file, chunk);
                        verdict = session.verdict();
                    }
                    assertEquals(ScanVerdict.infected("Test.Sig"), verdict,
                            markerLength + "-byte marker at " + at + " in chunks of " + chunk);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, STEP - 1, STEP, STEP + 1, WINDOW - 1, WINDOW})
    void aFileNoLargerThanOneWindowIsScannedInExactlyOneSession(int length) {
        byte[] file = fileOf(length);

        for (int chunk : new int[] {1, 3, 64}) {
            RecordingScanner recording = new RecordingScanner();
            try (ContentScanner.ScanSession session = new WindowedScanner(recording, WINDOW, OVERLAP).start()) {
                feed(session, file, chunk);
                assertTrue(session.verdict().clean());
            }
            assertEquals(1, recording.fed().size(), length + " bytes in chunks of " + chunk);
            assertArrayEquals(file, recording.fed().get(0));
            assertEquals(1, recording.closed());
        }
        assertTrue(windowed.coversWhole(length));
    }

    @Test
    void aFileOneByteLargerThanAWindowIsNotCoveredWhole() {
        assertFalse(windowed.coversWhole(WINDOW + 1));
        assertEquals(2, scannedSessions(fileOf(WINDOW + 1)));
    }

    private int scannedSessions(byte[] file) {
        scan(file, 4);
        return scanner.fed().size();
    }

    @Test
    void aFindingInAnEarlyWindowIsTheVerdictEvenIfLaterWindowsAreClean() {
        byte[] first = "AB".getBytes(StandardCharsets.US_ASCII);
        byte[] later = "CD".getBytes(StandardCharsets.US_ASCII);
        scanner.infectedWhenContaining(first, "Test.First").infectedWhenContaining(later, "Test.Later");
        byte[] file = fileOf(50);
        System.arraycopy(first, 0, file, 1, first.length);   // in window 0 only
        System.arraycopy(later, 0, file, 30, later.length);  // in windows 3 and 4 only

        assertEquals(ScanVerdict.infected("Test.First"), scan(file, 6));
        assertEquals(scanner.started(), scanner.closed(), "every session is closed");
    }

    @Test
    void afterAFindingNoFurtherWindowIsStartedSoALaterScannerOutageDoesNotHideIt() {
        byte[] marker = "XYZ".getBytes(StandardCharsets.US_ASCII);
        scanner.infectedWhenContaining(marker, "Test.First");
        scanner.unavailableAfterSessions(1);
        byte[] file = fileOf(50);
        System.arraycopy(marker, 0, file, 0, marker.length);

        assertEquals(ScanVerdict.infected("Test.First"), scan(file, 12));
        assertEquals(1, scanner.started());
    }

    @Test
    void aFindingInTheLastWindowIsTheVerdict() {
        byte[] marker = "XYZ".getBytes(StandardCharsets.US_ASCII);
        scanner.infectedWhenContaining(marker, "Test.Last");
        byte[] file = fileOf(50);
        System.arraycopy(marker, 0, file, 47, marker.length);

        assertEquals(ScanVerdict.infected("Test.Last"), scan(file, 50));
    }

    @Test
    void anEmptyFileIsScannedInOneSession() {
        assertTrue(scan(new byte[0], 1).clean());

        assertEquals(1, scanner.started());
        assertEquals(0, scanner.fed().get(0).length);
        assertEquals(1, scanner.closed());
    }

    @Test
    void closeWithoutAVerdictClosesTheOpenSessions() {
        ContentScanner.ScanSession session = windowed.start();
        feed(session, fileOf(15), 2);
        assertTrue(scanner.started() > scanner.closed(), "windows still open mid-file");

        session.close();

        assertEquals(scanner.started(), scanner.closed());
        assertEquals(1, scanner.verdictsAsked(), "only the window that ended (bytes 0 to 9) is asked for a verdict");
    }

    @Test
    void aScannerUnavailableAtTheStartOfAWindowFailsTheScan() {
        scanner.unavailableAfterSessions(1);

        assertThrows(ScanningUnavailable.class, () -> scan(fileOf(30), 4));

        assertEquals(scanner.started(), scanner.closed());
    }

    @ParameterizedTest
    @CsvSource({"6, 3", "5, 3", "0, 0", "10, -1"})
    void aWindowMustBeMoreThanTwiceItsOverlap(long window, long overlap) {
        assertThrows(IllegalArgumentException.class, () -> new WindowedScanner(scanner, window, overlap));
    }

    @Test
    void aWindowJustOverTwiceItsOverlapIsAccepted() {
        new WindowedScanner(scanner, 7, 3);
        new WindowedScanner(scanner, 1, 0);
    }

    /** Every session keeps the bytes it was fed; a session whose bytes contain a marker answers its signature. */
    private static final class RecordingScanner implements ContentScanner {

        private final Map<String, byte[]> markers = new LinkedHashMap<>();
        private final List<ByteArrayOutputStream> sessions = new ArrayList<>();
        private int closed;
        private int verdicts;
        private int availableSessions = Integer.MAX_VALUE;

        RecordingScanner infectedWhenContaining(byte[] marker, String signature) {
            markers.put(signature, marker.clone());
            return this;
        }

        void unavailableAfterSessions(int sessions) {
            availableSessions = sessions;
        }

        @Override
        public ScanSession start() {
            if (sessions.size() >= availableSessions) {
                throw new ScanningUnavailable("connection refused");
            }
            ByteArrayOutputStream fed = new ByteArrayOutputStream();
            sessions.add(fed);
            return new ScanSession() {
                private boolean open = true;
                private boolean concluded;

                @Override
                public void feed(byte[] bytes, int offset, int length) {
                    if (!open || concluded) {
                        throw new IllegalStateException("fed after its verdict or close");
                    }
                    if (length <= 0) {
                        throw new IllegalArgumentException("fed " + length + " bytes");
                    }
                    fed.write(bytes, offset, length);
                }

                @Override
                public ScanVerdict verdict() {
                    if (!open) {
                        throw new IllegalStateException("verdict after close");
                    }
                    verdicts++;
                    concluded = true;
                    byte[] all = fed.toByteArray();
                    for (Map.Entry<String, byte[]> marker : markers.entrySet()) {
                        if (contains(all, marker.getValue())) {
                            return ScanVerdict.infected(marker.getKey());
                        }
                    }
                    return ScanVerdict.CLEAN;
                }

                @Override
                public void close() {
                    if (open) {
                        open = false;
                        closed++;
                    }
                }
            };
        }

        @Override
        public void checkAvailable() {
        }

        private static boolean contains(byte[] haystack, byte[] needle) {
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                    return true;
                }
            }
            return false;
        }

        List<byte[]> fed() {
            return sessions.stream().map(ByteArrayOutputStream::toByteArray).toList();
        }

        int started() {
            return sessions.size();
        }

        int closed() {
            return closed;
        }

        int verdictsAsked() {
            return verdicts;
        }
    }
}
