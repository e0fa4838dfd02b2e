package uk.gov.inspectorates.portal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.document.ContentScanner.ScanSession;
import uk.gov.inspectorates.portal.core.document.ScanVerdict;
import uk.gov.inspectorates.portal.core.document.ScanVerdict.Finding;
import uk.gov.inspectorates.portal.security.malware.ClamAvScanner;

/**
 * The portal's {@link ClamAvScanner}, whose sessions write to clamd from their own thread while the caller goes
 * on feeding, against the real clamd: multi-chunk streams get the right verdict, also with EICAR split across two
 * of the scanner's chunks (so it is found only if every byte arrives, in order), and with several scans at once.
 */
class ClamAvScannerClamdTest {

    private static final int MIB = 1024 * 1024;
    private static final byte[] EICAR = EmbeddedClamd.EICAR.getBytes(StandardCharsets.US_ASCII);

    private static ScratchClamd clamd;
    private static ClamAvScanner scanner;

    @BeforeAll
    static void startClamd() throws IOException {
        clamd = ScratchClamd.start("scanner", 64L * MIB);
        scanner = clamd.scanner();
    }

    @AfterAll
    static void stopClamd() throws IOException {
        if (clamd != null) {
            clamd.close();
        }
    }

    /** Random bytes (never EICAR by chance), several of the scanner's chunks long, different each call. */
    private static byte[] content(long seed) {
        byte[] content = new byte[ClamAvScanner.CHUNK_BYTES * (ClamAvScanner.CHUNKS + 3) + 4321];
        new Random(seed).nextBytes(content);
        return content;
    }

    /** EICAR across the boundary between the scanner's second and third chunk. */
    private static byte[] withEicarAcrossAChunkBoundary(byte[] content) {
        System.arraycopy(EICAR, 0, content, 2 * ClamAvScanner.CHUNK_BYTES - EICAR.length / 2, EICAR.length);
        return content;
    }

    private static ScanVerdict scan(byte[] content, int piece) {
        try (ScanSession session = scanner.start()) {
            for (int offset = 0; offset < content.length; offset += piece) {
                session.feed(content, offset, Math.min(piece, content.length - offset));
            }
            return session.verdict();
        }
    }

    @Test
    void cleanContentFedWhileTheWriterStreamsIsClean() {
        assertTrue(scan(content(1), 7_919).clean());
    }

    @Test
    void eicarSplitAcrossTwoChunksIsFound() {
        ScanVerdict verdict = scan(withEicarAcrossAChunkBoundary(content(2)), 7_919);

        assertEquals(Finding.MALWARE, verdict.finding(), verdict.toString());
        assertTrue(verdict.signature().orElseThrow().startsWith(EmbeddedClamd.EICAR_SIGNATURE), verdict.toString());
    }

    @Test
    void eicarInTheLastPartialChunkIsFound() {
        byte[] content = content(3);
        System.arraycopy(EICAR, 0, content, content.length - EICAR.length, EICAR.length);

        assertEquals(Finding.MALWARE, scan(content, 65_536).finding());
    }

    @Test
    void severalScansAtOnceEachGetTheirOwnVerdict() throws Exception {
        ExecutorService uploads = Executors.newFixedThreadPool(4);
        try {
            List<Future<ScanVerdict>> verdicts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                byte[] content = i % 2 == 0 ? content(100 + i) : withEicarAcrossAChunkBoundary(content(100 + i));
                verdicts.add(uploads.submit(() -> scan(content, 8_192)));
            }
            for (int i = 0; i < verdicts.size(); i++) {
                ScanVerdict verdict = verdicts.get(i).get(60, TimeUnit.SECONDS);
                assertEquals(i % 2 == 0 ? Finding.CLEAN : Finding.MALWARE, verdict.finding(), "scan " + i);
            }
        } finally {
            uploads.shutdownNow();
        }
    }
}
