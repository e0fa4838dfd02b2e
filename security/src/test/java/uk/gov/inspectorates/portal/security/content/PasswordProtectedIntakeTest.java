package uk.gov.inspectorates.portal.security.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.document.AllowedTypes;
import uk.gov.inspectorates.portal.core.document.ContentScanner;
import uk.gov.inspectorates.portal.core.document.DocumentIntake;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.IncomingDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.document.UploadRejected;

/**
 * Real password-protected Word and Excel files through the intake with the real detector: refused as protected,
 * with the message the sender can act on, before the scanner or the store sees a byte.
 */
class PasswordProtectedIntakeTest {

    private static final AllowedTypes OFFICE = new AllowedTypes(Map.of(
            "application/pdf", Set.of("pdf"),
            "application/x-tika-ooxml", Set.of("docx", "xlsx")));

    private static final ContentScanner NO_SCANNER = new ContentScanner() {
        @Override
        public ScanSession start() {
            throw new AssertionError("a protected file must be refused before it is scanned");
        }

        @Override
        public void checkAvailable() {
        }
    };

    private static final DocumentStore NO_STORE = new DocumentStore() {
        @Override
        public StoredContent store(KeyScope scope, InputStream plaintext) {
            throw new AssertionError("a protected file must be refused before it is stored");
        }

        @Override
        public InputStream open(StoredContent content) {
            throw new AssertionError("not used");
        }

        @Override
        public void delete(StoredContent content) {
            throw new AssertionError("not used");
        }
    };

    private final DocumentIntake intake = new DocumentIntake(new TikaContentTypeDetector(), new PdfBoxAndZipInspector(1 << 20), NO_SCANNER, NO_STORE,
            10L * 1024 * 1024);

    @Test
    void aPasswordProtectedDocxOrXlsxIsRefusedAsProtectedWhateverIsAllowed() throws Exception {
        Map<String, byte[]> files = Map.of(
                "report.docx", ProtectedOfficeDocuments.passwordProtected(ProtectedOfficeDocuments.docx("x"), "pw"),
                "evidence.xlsx", ProtectedOfficeDocuments.passwordProtected(ProtectedOfficeDocuments.xlsx("x"), "pw"));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            for (AllowedTypes allowed : new AllowedTypes[] {AllowedTypes.REPORTS, OFFICE}) {
                UploadRejected rejected = assertThrows(UploadRejected.class, () -> intake.accept(
                        new IncomingDocument(file.getKey(), new ByteArrayInputStream(file.getValue())), allowed,
                        KeyScope.report("r")));

                assertEquals(UploadRejected.Reason.ENCRYPTED, rejected.reason(), file.getKey());
                assertEquals("The selected file is password-protected. Remove the password and upload it again:"
                        + " protected files cannot be checked for viruses", rejected.getMessage());
            }
        }
    }
}
