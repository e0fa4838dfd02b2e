package uk.gov.inspectorates.portal.core.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.inspectorates.portal.core.testdata.FakeContentScanner;
import uk.gov.inspectorates.portal.core.testdata.FakeContentInspector;
import uk.gov.inspectorates.portal.core.testdata.FakeContentTypeDetector;
import uk.gov.inspectorates.portal.core.testdata.FakeDocumentStore;

class DocumentIntakeTest {

    private static final KeyScope SCOPE = KeyScope.report("report-1");

    private static final int CAP = 3 * DocumentIntake.DETECTION_PREFIX_BYTES;

    private final FakeContentTypeDetector detector = new FakeContentTypeDetector();
    private final FakeDocumentStore store = new FakeDocumentStore();
    private final DocumentIntake intake = new DocumentIntake(detector, new FakeContentInspector(), new FakeContentScanner(), store, CAP);

    private AcceptedDocument accept(String name, byte[] bytes) {
        return intake.accept(new IncomingDocument(name, new ByteArrayInputStream(bytes)), AllowedTypes.REPORTS, SCOPE);
    }

    private UploadRejected refused(String name, byte[] bytes) {
        return assertThrows(UploadRejected.class, () -> accept(name, bytes));
    }

    /** A PDF header followed by random bytes, so that any lost, duplicated or reordered byte shows. */
    private static byte[] pdfOf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, Math.min(header.length, size));
        return bytes;
    }

    @Test
    void anEmptyFileIsRefusedAndNothingIsStored() {
        assertEquals(UploadRejected.Reason.EMPTY, refused("report.pdf", new byte[0]).reason());
        assertEquals(0, store.storeCalls());
        assertEquals(0, detector.calls());
    }

    @Test
    void anOversizedFileIsRefusedWhileStreamingAndTheStoreKeepsNothing() {
        UploadRejected rejected = refused("report.pdf", pdfOf(CAP + 1));

        assertEquals(UploadRejected.Reason.TOO_LARGE, rejected.reason());
        assertEquals(1, store.storeCalls());
        assertEquals(1, store.readFailures().size(), "the store must have seen the cap's exception");
        assertInstanceOf(SizeCappedInputStream.CapExceeded.class, store.readFailures().get(0));
        assertTrue(store.objects().isEmpty());
    }

    @Test
    void aFileExactlyAtTheCapIsAccepted() {
        byte[] pdf = pdfOf(CAP);

        AcceptedDocument accepted = accept("report.pdf", pdf);

        assertArrayEquals(pdf, store.bytesOf(accepted.content()));
    }

    @Test
    void anOversizedFileCaughtDuringDetectionNeverReachesTheStore() {
        DocumentIntake tinyCap = new DocumentIntake(detector, new FakeContentInspector(), new FakeContentScanner(), store, 16);

        UploadRejected rejected = assertThrows(UploadRejected.class, () -> tinyCap.accept(
                new IncomingDocument("report.pdf", new ByteArrayInputStream(pdfOf(17))), AllowedTypes.REPORTS, SCOPE));

        assertEquals(UploadRejected.Reason.TOO_LARGE, rejected.reason());
        assertEquals(0, store.storeCalls());
    }

    @Test
    void theCapIsRecognisedWhenTheStoreWrapsItsException() {
        DocumentStore wrapping = new DocumentStore() {
            @Override
            public StoredContent store(KeyScope scope, InputStream plaintext) throws IOException {
                try {
                    plaintext.readAllBytes();
                } catch (IOException e) {
                    throw new IOException("upload to object storage failed", e);
                }
                throw new AssertionError("the cap was not enforced");
            }

            @Override
            public InputStream open(StoredContent content) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void delete(StoredContent content) {
                throw new UnsupportedOperationException();
            }
        };
        DocumentIntake intakeWithWrappingStore = new DocumentIntake(detector, new FakeContentInspector(), new FakeContentScanner(), wrapping, CAP);

        UploadRejected rejected = assertThrows(UploadRejected.class, () -> intakeWithWrappingStore.accept(
                new IncomingDocument("report.pdf", new ByteArrayInputStream(pdfOf(CAP + 1))), AllowedTypes.REPORTS, SCOPE));

        assertEquals(UploadRejected.Reason.TOO_LARGE, rejected.reason());
    }

    @Test
    void aTypeNotAllowedIsRefusedBeforeTheStoreIsCalled() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d};

        assertEquals(UploadRejected.Reason.TYPE_NOT_ALLOWED, refused("report.pdf", png).reason());
        assertEquals(UploadRejected.Reason.TYPE_NOT_ALLOWED,
                refused("report.pdf", "not a pdf at all".getBytes(StandardCharsets.UTF_8)).reason());
        assertEquals(0, store.storeCalls());
    }

    @ParameterizedTest
    @ValueSource(strings = {"report.docx", "evidence.xlsx", "report.pdf"})
    void aPasswordProtectedOfficeDocumentIsRefusedAsProtectedBeforeTheStoreOrScannerIsCalled(String name) {
        byte[] container = Arrays.copyOf(FakeContentTypeDetector.OLE2, 4096);
        FakeContentScanner scanner = new FakeContentScanner();
        AllowedTypes office = new AllowedTypes(java.util.Map.of(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", java.util.Set.of("docx"),
                "application/pdf", java.util.Set.of("pdf")));
        DocumentIntake officeIntake = new DocumentIntake(detector, new FakeContentInspector(), scanner, store, CAP);

        for (AllowedTypes allowed : java.util.List.of(AllowedTypes.REPORTS, office)) {
            UploadRejected rejected = assertThrows(UploadRejected.class, () -> officeIntake.accept(
                    new IncomingDocument(name, new ByteArrayInputStream(container)), allowed, SCOPE));

            assertEquals(UploadRejected.Reason.ENCRYPTED, rejected.reason());
            assertEquals("The selected file is password-protected. Remove the password and upload it again:"
                    + " protected files cannot be checked for viruses", rejected.getMessage());
            assertEquals("ENCRYPTED type=application/x-tika-ooxml-protected", rejected.auditDetail());
        }
        assertEquals(0, store.storeCalls());
        assertEquals(0, scanner.sessions());
    }

    @ParameterizedTest
    @ValueSource(strings = {"report.docx", "report", "report.pdf.exe", "report."})
    void aNameThatDoesNotMatchTheContentIsRefusedBeforeTheStoreIsCalled(String name) {
        assertEquals(UploadRejected.Reason.NAME_DOES_NOT_MATCH_CONTENT, refused(name, pdfOf(100)).reason());
        assertEquals(0, store.storeCalls());
    }

    @Test
    void theNameIsNormalisedOnceAtIntakeAndTheTypeIsCheckedAgainstWhatIsKept() {
        AcceptedDocument accepted = accept("..\\evil/dir/\u202Ereport\u0000\u001b[0m.pdf", pdfOf(100));

        assertEquals("report[0m.pdf", accepted.fileName());
        assertEquals("report[0m.pdf", detector.lastDeclaredName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "dir/", "\u0000\u202E"})
    void aNameWithNothingUsableIsRefusedBeforeAByteIsReadOrStored(String name) {
        assertEquals(UploadRejected.Reason.FILE_NAME, refused(name, pdfOf(100)).reason());
        assertEquals(0, detector.calls());
        assertEquals(0, store.storeCalls());
    }

    @ParameterizedTest
    @ValueSource(strings = {"report.pdf", "REPORT.PDF", "  final report.v2.Pdf "})
    void aGoodPdfIsStoredByteForByte(String name) {
        byte[] pdf = pdfOf(1000);

        AcceptedDocument accepted = accept(name, pdf);

        assertEquals(name.strip(), accepted.fileName());
        assertEquals("application/pdf", accepted.mediaType());
        assertArrayEquals(pdf, store.bytesOf(accepted.content()));
        assertEquals(1, store.objects().size());
        assertEquals(name.strip(), detector.lastDeclaredName());
    }

    @Test
    void theDetectorSeesTheStartAndTheStoreReceivesEveryByteIncludingTheDetectedPrefix() {
        // larger than the detection buffer, so the store's reads cross from the buffered prefix into the rest
        byte[] pdf = pdfOf(2 * DocumentIntake.DETECTION_PREFIX_BYTES + 123);

        AcceptedDocument accepted = accept("report.pdf", pdf);

        assertArrayEquals(Arrays.copyOf(pdf, detector.lastPrefix().length), detector.lastPrefix());
        assertArrayEquals(pdf, store.bytesOf(accepted.content()));
    }
}
