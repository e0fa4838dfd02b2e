package uk.gov.inspectorates.portal.security.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.AllowedTypes;
import uk.gov.inspectorates.portal.core.document.ContentScanner;
import uk.gov.inspectorates.portal.core.document.DocumentIntake;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.IncomingDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.ScanVerdict;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.document.UploadRejected;
import uk.gov.inspectorates.portal.core.document.UploadRejected.Reason;
import uk.gov.inspectorates.portal.core.document.WrappedKey;

/**
 * The evidence types through the whole intake with the real detector (Tika) and the real inspection (PDFBox, zip),
 * a clean scanner and an in-memory store: each type is told from its bytes, a name that does not match them is
 * refused, and a refused file leaves nothing stored (malware inside parts: the clamd tests in deploy).
 */
class EvidenceIntakeTest {

    private final Map<String, byte[]> stored = new HashMap<>();
    private final DocumentIntake intake = new DocumentIntake(new TikaContentTypeDetector(),
            new PdfBoxAndZipInspector(8 << 20), new CleanScanner(), new MemoryStore(), 64L << 20);

    private AcceptedDocument accept(String name, byte[] bytes) {
        return intake.accept(new IncomingDocument(name, new ByteArrayInputStream(bytes)), AllowedTypes.EVIDENCE,
                KeyScope.inspection("inspection-1"));
    }

    private UploadRejected refused(String name, byte[] bytes) {
        UploadRejected refused = assertThrows(UploadRejected.class, () -> accept(name, bytes));
        assertTrue(stored.isEmpty(), name + ": a refused file leaves nothing stored");
        return refused;
    }

    @Test
    void everyEvidenceTypeIsToldFromItsBytesAndKeptByteForByte() {
        Map<String, byte[]> files = Map.of(
                "findings.docx", OfficePackages.docx("Northdale"),
                "children.xlsx", OfficePackages.xlsx(new String[] {"child id"}, new String[] {"C-0001"}),
                "briefing.pptx", OfficePackages.pptx("Briefing"),
                "children.csv", "child id,age\nC-0001,7\n".getBytes(StandardCharsets.UTF_8),
                "notes.txt", "Chronology of contacts\n".getBytes(StandardCharsets.UTF_8),
                "chart.png", image("png"),
                "photo.jpg", image("jpeg"),
                "map.gif", image("gif"),
                "plan.pdf", HostilePdfs.plain());
        Map<String, String> expected = Map.of(
                "findings.docx", OfficePackages.DOCX, "children.xlsx", OfficePackages.XLSX,
                "briefing.pptx", OfficePackages.PPTX, "children.csv", "text/csv", "notes.txt", "text/plain",
                "chart.png", "image/png", "photo.jpg", "image/jpeg", "map.gif", "image/gif",
                "plan.pdf", "application/pdf");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            AcceptedDocument accepted = accept(file.getKey(), file.getValue());

            assertEquals(expected.get(file.getKey()), accepted.mediaType(), file.getKey());
            assertArrayEquals(file.getValue(), stored.get(accepted.content().objectKey()), file.getKey());
        }
    }

    @Test
    void aWorkbookNamedAsAWordDocumentIsRefusedAsNotMatchingItsName() {
        byte[] xlsx = OfficePackages.xlsx(new String[] {"id"});

        UploadRejected refused = refused("letter.docx", xlsx);

        assertEquals(Reason.NAME_DOES_NOT_MATCH_CONTENT, refused.reason());
        assertTrue(refused.getMessage().contains("spreadsheetml"), refused.getMessage());
    }

    @Test
    void aPlainZipNamedDocxIsRefusedNamingWhatIsAccepted() {
        UploadRejected refused = refused("letter.docx", OfficePackages.zip(Map.of("a.txt",
                "hello".getBytes(StandardCharsets.UTF_8))));

        assertEquals(Reason.TYPE_NOT_ALLOWED, refused.reason());
        assertTrue(refused.getMessage().startsWith("The selected file must be a CSV, DOCX, GIF, JPEG, JPG, PDF, PNG,"
                + " PPTX, TEXT, TXT, XLSX"), refused.getMessage());
    }

    @Test
    void typesNotOnTheListAreRefusedNamingWhatIsAccepted() {
        for (var file : Map.of("page.html", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                "tool.exe", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0},
                "drawing.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x</script></svg>"
                        .getBytes(StandardCharsets.UTF_8)).entrySet()) {
            UploadRejected refused = refused(file.getKey(), file.getValue());
            assertEquals(Reason.TYPE_NOT_ALLOWED, refused.reason(), file.getKey());
            assertTrue(refused.getMessage().contains("DOCX"), refused.getMessage());
        }
    }

    @Test
    void textNamedAsAnotherTypeOrBinaryNamedCsvIsRefused() {
        assertEquals(Reason.NAME_DOES_NOT_MATCH_CONTENT, refused("children.xlsx",
                "id,age\n".getBytes(StandardCharsets.UTF_8)).reason());
        assertEquals(Reason.NAME_DOES_NOT_MATCH_CONTENT, refused("children.csv", image("png")).reason(),
                "a PNG is a PNG whatever its name");
    }

    @Test
    void macroEnabledDocumentsAreRefusedByNameAndByContent() {
        byte[] docx = OfficePackages.docx("x");
        UploadRejected byName = refused("findings.docm", docx);
        UploadRejected byContent = refused("findings.docx", OfficePackages.with(docx, "word/vbaProject.bin",
                new byte[] {1, 2}));

        assertEquals(Reason.ACTIVE_CONTENT, byName.reason());
        assertTrue(byName.getMessage().contains("macro-enabled"), byName.getMessage());
        assertEquals(Reason.ACTIVE_CONTENT, byContent.reason());
        assertTrue(byContent.getMessage().contains("macros"), byContent.getMessage());
    }

    @Test
    void aPasswordProtectedDocumentGetsTheRemoveThePasswordMessageNotWrongType() throws IOException {
        byte[] protectedXlsx = ProtectedOfficeDocuments.passwordProtected(ProtectedOfficeDocuments.xlsx("x"), "pw");

        UploadRejected refused = refused("children.xlsx", protectedXlsx);

        assertEquals(Reason.ENCRYPTED, refused.reason());
        assertTrue(refused.getMessage().contains("Remove the password"), refused.getMessage());
    }

    @Test
    void anOfficeBombAndAPdfWithJavaScriptAreRefused() {
        assertEquals(Reason.TOO_COMPLEX, refused("big.docx", OfficePackages.with(OfficePackages.docx("x"),
                "word/media/image1.png", new byte[8 << 20])).reason());
        assertEquals(Reason.ACTIVE_CONTENT, refused("plan.pdf", HostilePdfs.openActionJavaScript()).reason());
    }

    static byte[] image(String format) {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final class CleanScanner implements ContentScanner {
        @Override
        public ScanSession start() {
            return new ScanSession() {
                @Override
                public void feed(byte[] bytes, int offset, int length) {
                }

                @Override
                public ScanVerdict verdict() {
                    return ScanVerdict.CLEAN;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void checkAvailable() {
        }
    }

    private final class MemoryStore implements DocumentStore {
        @Override
        public StoredContent store(KeyScope scope, InputStream plaintext) throws IOException {
            String key = UUID.randomUUID().toString();
            byte[] bytes = plaintext.readAllBytes();
            stored.put(key, bytes);
            return new StoredContent(scope, key, new WrappedKey("test-kek", new byte[] {7}), bytes.length, bytes.length,
                    "sha");
        }

        @Override
        public InputStream open(StoredContent content) {
            return new ByteArrayInputStream(stored.get(content.objectKey()));
        }

        @Override
        public void delete(StoredContent content) {
            stored.remove(content.objectKey());
        }
    }
}
