package uk.gov.inspectorates.portal.core.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.testdata.FakeContentScanner;
import uk.gov.inspectorates.portal.core.testdata.FakeContentInspector;
import uk.gov.inspectorates.portal.core.testdata.FakeContentTypeDetector;
import uk.gov.inspectorates.portal.core.testdata.FakeDocumentStore;

/** Malware scanning in the intake: one pass teed into scanner and store, and nothing kept unless clean. */
class DocumentIntakeScanningTest {

    private static final int CAP = 4 * DocumentIntake.DETECTION_PREFIX_BYTES;
    private static final KeyScope SCOPE = KeyScope.report("report-1");
    private static final byte[] EICAR_LIKE = "X5O!P%@AP-TEST-MARKER".getBytes(StandardCharsets.US_ASCII);

    private final FakeContentTypeDetector detector = new FakeContentTypeDetector();
    private final FakeDocumentStore store = new FakeDocumentStore();
    private final FakeContentScanner scanner = new FakeContentScanner();
    private final DocumentIntake intake = new DocumentIntake(detector, new FakeContentInspector(), scanner, store, CAP);

    private AcceptedDocument accept(String name, byte[] bytes) {
        return intake.accept(new IncomingDocument(name, new ByteArrayInputStream(bytes)), AllowedTypes.REPORTS,
                SCOPE);
    }

    /** A PDF header then random bytes (larger than the detection buffer, so reads cross it). */
    private static byte[] pdfOf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    private static byte[] infectedPdf(int size) {
        byte[] pdf = pdfOf(size);
        System.arraycopy(EICAR_LIKE, 0, pdf, size - EICAR_LIKE.length - 10, EICAR_LIKE.length);
        return pdf;
    }

    @Test
    void aCleanFileIsScannedAndStoredInOnePassEveryByteExactlyOnce() {
        byte[] pdf = pdfOf(2 * DocumentIntake.DETECTION_PREFIX_BYTES + 321);

        AcceptedDocument accepted = accept("report.pdf", pdf);

        assertArrayEquals(pdf, scanner.lastFed(), "the scanner saw every byte once, in order");
        assertArrayEquals(pdf, store.bytesOf(accepted.content()));
        assertEquals(1, scanner.sessions());
        assertEquals(1, scanner.closedSessions());
    }

    @Test
    void anInfectedFileIsRefusedAsMalwareAndTheStoredObjectIsDeleted() {
        scanner.infectedWhenContaining(EICAR_LIKE, "Portal.Test.Eicar");

        UploadRejected rejected = assertThrows(UploadRejected.class,
                () -> accept("report.pdf", infectedPdf(100_000)));

        assertEquals(UploadRejected.Reason.MALWARE, rejected.reason());
        assertEquals("The selected file contains a virus", rejected.getMessage());
        assertEquals("MALWARE signature=Portal.Test.Eicar", rejected.auditDetail());
        assertEquals(1, store.storeCalls(), "stored while scanned, in the same pass");
        assertTrue(store.objects().isEmpty(), "the infected object must be deleted");
        assertEquals(1, scanner.closedSessions());
    }

    @Test
    void anEncryptedFileIsRefusedAsEncryptedNotAsMalwareAndTheStoredObjectIsDeleted() {
        scanner.findingWhenContaining(EICAR_LIKE, ScanVerdict.Finding.ENCRYPTED, "Heuristics.Encrypted.PDF");

        UploadRejected rejected = assertThrows(UploadRejected.class,
                () -> accept("report.pdf", infectedPdf(100_000)));

        assertEquals(UploadRejected.Reason.ENCRYPTED, rejected.reason());
        assertTrue(rejected.getMessage().startsWith("The selected file is password-protected. Remove the password"),
                rejected.getMessage());
        assertEquals("ENCRYPTED signature=Heuristics.Encrypted.PDF", rejected.auditDetail());
        assertTrue(store.objects().isEmpty(), "an encrypted file is not kept");
        assertEquals(1, scanner.closedSessions());
    }

    @Test
    void aFileBeyondTheScannersLimitsIsRefusedAsTooComplexAndTheStoredObjectIsDeleted() {
        scanner.findingWhenContaining(EICAR_LIKE, ScanVerdict.Finding.TOO_COMPLEX,
                "Heuristics.Limits.Exceeded.MaxRecursion");

        UploadRejected rejected = assertThrows(UploadRejected.class,
                () -> accept("report.pdf", infectedPdf(100_000)));

        assertEquals(UploadRejected.Reason.TOO_COMPLEX, rejected.reason());
        assertTrue(rejected.getMessage().startsWith("The selected file could not be checked for viruses"),
                rejected.getMessage());
        assertEquals("TOO_COMPLEX signature=Heuristics.Limits.Exceeded.MaxRecursion", rejected.auditDetail());
        assertTrue(store.objects().isEmpty(), "a file that could not be checked is not kept");
    }

    @Test
    void aVerdictNamesItsSignatureExactlyWhenItIsAFinding() {
        assertThrows(IllegalArgumentException.class, () -> ScanVerdict.found(ScanVerdict.Finding.CLEAN, "x"));
        assertThrows(IllegalArgumentException.class, () -> ScanVerdict.found(ScanVerdict.Finding.ENCRYPTED, " "));
        assertThrows(IllegalArgumentException.class,
                () -> new ScanVerdict(ScanVerdict.Finding.CLEAN, java.util.Optional.of("x")));
        assertTrue(ScanVerdict.CLEAN.clean());
        assertTrue(ScanVerdict.infected("x").infected());
        assertTrue(!ScanVerdict.found(ScanVerdict.Finding.TOO_COMPLEX, "x").infected());
    }

    @Test
    void whenTheScannerIsUnavailableAtStartNothingIsStored() {
        scanner.unavailable();

        assertThrows(ScanningUnavailable.class, () -> accept("report.pdf", pdfOf(1000)));

        assertEquals(0, store.storeCalls());
        assertTrue(store.objects().isEmpty());
    }

    @Test
    void whenTheScannerFailsMidStreamTheUploadIsAbortedAndNothingIsStored() {
        scanner.failingAfter(DocumentIntake.DETECTION_PREFIX_BYTES + 10);

        ScanningUnavailable unavailable = assertThrows(ScanningUnavailable.class,
                () -> accept("report.pdf", pdfOf(3 * DocumentIntake.DETECTION_PREFIX_BYTES)));

        assertEquals("connection reset mid-stream", unavailable.getMessage());
        assertEquals(1, store.storeCalls());
        assertEquals(1, store.readFailures().size(), "the store saw the failed read and kept nothing");
        assertTrue(store.objects().isEmpty());
        assertEquals(1, scanner.closedSessions());
    }

    @Test
    void whenTheScannerGivesNoVerdictTheStoredObjectIsDeleted() {
        scanner.failingAtVerdict();

        assertThrows(ScanningUnavailable.class, () -> accept("report.pdf", pdfOf(1000)));

        assertEquals(1, store.storeCalls());
        assertTrue(store.objects().isEmpty(), "never accepted unscanned");
        assertEquals(1, scanner.closedSessions());
    }

    @Test
    void aFileRefusedForItsTypeNeverReachesTheScanner() {
        scanner.unavailable();

        UploadRejected rejected = assertThrows(UploadRejected.class,
                () -> accept("report.pdf", "not a pdf".getBytes(StandardCharsets.US_ASCII)));

        assertEquals(UploadRejected.Reason.TYPE_NOT_ALLOWED, rejected.reason());
        assertEquals(0, scanner.sessions());
    }

    @Test
    void anOversizedFileIsStillRefusedAsTooLargeWhileScanning() {
        UploadRejected rejected = assertThrows(UploadRejected.class, () -> accept("report.pdf", pdfOf(CAP + 1)));

        assertEquals(UploadRejected.Reason.TOO_LARGE, rejected.reason());
        assertTrue(store.objects().isEmpty());
        assertEquals(1, scanner.closedSessions());
    }
}
