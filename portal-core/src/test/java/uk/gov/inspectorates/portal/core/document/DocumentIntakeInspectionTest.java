package uk.gov.inspectorates.portal.core.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.testdata.FakeContentInspector;
import uk.gov.inspectorates.portal.core.testdata.FakeContentScanner;
import uk.gov.inspectorates.portal.core.testdata.FakeContentTypeDetector;
import uk.gov.inspectorates.portal.core.testdata.FakeDocumentStore;

/**
 * The content inspection and the caller's content check inside intake's one pass: they see every byte the store
 * sees, their type is the one kept, and a refusal from either deletes what was stored (docs/adr/0018, 0019).
 */
class DocumentIntakeInspectionTest {

    private static final KeyScope SCOPE = KeyScope.inspection("inspection-1");
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final FakeContentInspector inspector = new FakeContentInspector();
    private final FakeDocumentStore store = new FakeDocumentStore();
    private final FakeContentScanner scanner = new FakeContentScanner();
    private final DocumentIntake intake = new DocumentIntake(new FakeContentTypeDetector(), inspector, scanner, store,
            1 << 20);

    private static byte[] zipLike(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'z');
        System.arraycopy(FakeContentTypeDetector.ZIP, 0, bytes, 0, 4);
        return bytes;
    }

    private AcceptedDocument accept(String name, byte[] bytes, ContentCheck check) {
        return intake.accept(new IncomingDocument(name, new ByteArrayInputStream(bytes)), AllowedTypes.EVIDENCE, SCOPE,
                check);
    }

    @Test
    void theInspectionSeesEveryByteTheStoreKeeps() {
        byte[] pdf = ("%PDF-1.7\n" + "p".repeat(200_000)).getBytes(StandardCharsets.US_ASCII);

        AcceptedDocument accepted = accept("evidence.pdf", pdf, ContentCheck.NONE);

        assertArrayEquals(pdf, inspector.lastSeen());
        assertArrayEquals(pdf, store.bytesOf(accepted.content()));
    }

    @Test
    void anInspectionRefusalDeletesWhatWasStored() {
        UploadRejected active = new UploadRejected(UploadRejected.Reason.ACTIVE_CONTENT, "The selected PDF contains"
                + " JavaScript");
        inspector.refusing(active);

        UploadRejected refused = assertThrows(UploadRejected.class,
                () -> accept("evidence.pdf", "%PDF-1.7\nx".getBytes(StandardCharsets.US_ASCII), ContentCheck.NONE));

        assertSame(active, refused);
        assertEquals(1, store.storeCalls());
        assertTrue(store.objects().isEmpty(), "a refused file leaves nothing stored");
    }

    @Test
    void anOfficePackageIsKeptUnderTheTypeItsContentShows() {
        inspector.concluding(XLSX);

        AcceptedDocument accepted = accept("children.xlsx", zipLike(1000), ContentCheck.NONE);

        assertEquals(XLSX, accepted.mediaType());
    }

    @Test
    void anOfficePackageWhoseContentIsNotWhatItsNameSaysIsRefusedAndDeleted() {
        inspector.concluding(XLSX);

        UploadRejected refused = assertThrows(UploadRejected.class,
                () -> accept("letter.docx", zipLike(1000), ContentCheck.NONE));

        assertEquals(UploadRejected.Reason.NAME_DOES_NOT_MATCH_CONTENT, refused.reason());
        assertTrue(store.objects().isEmpty());
    }

    @Test
    void aPlainZipNamedLikeAnOfficeDocumentIsRefusedNamingWhatIsAccepted() {
        inspector.concluding("application/zip");

        UploadRejected refused = assertThrows(UploadRejected.class,
                () -> accept("letter.docx", zipLike(1000), ContentCheck.NONE));

        assertEquals(UploadRejected.Reason.TYPE_NOT_ALLOWED, refused.reason());
        assertTrue(refused.getMessage().contains("DOCX") && refused.getMessage().contains("PDF"), refused.getMessage());
        assertTrue(store.objects().isEmpty());
    }

    @Test
    void aPackageNamedWithAnExtensionNoOfficeTypeHasIsRefusedBeforeAnythingIsStored() {
        assertEquals(UploadRejected.Reason.NAME_DOES_NOT_MATCH_CONTENT, assertThrows(UploadRejected.class,
                () -> accept("letter.pdf", zipLike(1000), ContentCheck.NONE)).reason());
        assertEquals(0, store.storeCalls());
    }

    @Test
    void anOfficePackageWhereOnlyPdfsAreAllowedIsRefusedAsTheWrongType() {
        UploadRejected refused = assertThrows(UploadRejected.class, () -> intake.accept(
                new IncomingDocument("report.docx", new ByteArrayInputStream(zipLike(100))), AllowedTypes.REPORTS,
                SCOPE));

        assertEquals(UploadRejected.Reason.TYPE_NOT_ALLOWED, refused.reason());
        assertEquals(0, store.storeCalls());
    }

    @Test
    void theCallersCheckSeesThePlaintextAndTheKeptTypeAndItsVetoDeletesTheFile() {
        byte[] csv = "id,age\nC-001,7\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        AtomicReference<String> type = new AtomicReference<>();
        ContentCheck veto = () -> new ContentCheck.Session() {
            @Override
            public void feed(byte[] bytes, int offset, int length) {
                seen.write(bytes, offset, length);
            }

            @Override
            public void conclude(String mediaType) {
                type.set(mediaType);
                throw new UploadRejected(UploadRejected.Reason.CONTENT_NOT_ALLOWED, "names a child");
            }
        };

        UploadRejected refused = assertThrows(UploadRejected.class, () -> accept("children.txt", csv, veto));

        assertEquals(UploadRejected.Reason.CONTENT_NOT_ALLOWED, refused.reason());
        assertArrayEquals(csv, seen.toByteArray());
        assertEquals("text/plain", type.get());
        assertTrue(store.objects().isEmpty());
    }

    @Test
    void malwareIsReportedBeforeWhatTheInspectionSays() {
        inspector.refusing(new UploadRejected(UploadRejected.Reason.ACTIVE_CONTENT, "active"));
        scanner.infectedWhenContaining("EICAR".getBytes(StandardCharsets.US_ASCII), "Test.Eicar");

        UploadRejected refused = assertThrows(UploadRejected.class, () -> accept("evidence.pdf",
                "%PDF-1.7\nEICAR".getBytes(StandardCharsets.US_ASCII), ContentCheck.NONE));

        assertEquals(UploadRejected.Reason.MALWARE, refused.reason());
        assertTrue(store.objects().isEmpty());
    }
}
