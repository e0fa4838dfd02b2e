package uk.gov.inspectorates.portal.security.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.inspectorates.portal.core.document.ContentInspector;
import uk.gov.inspectorates.portal.core.document.UploadRejected;

/** The PDF half of the content inspection, with real PDFBox on PDFs built by PDFBox (docs/adr/0018). */
class PdfActiveContentInspectionTest {

    private final PdfBoxAndZipInspector inspector = new PdfBoxAndZipInspector(4 * 1024 * 1024);

    private String inspect(byte[] pdf) {
        ContentInspector.Inspection inspection = inspector.start("application/pdf", -1);
        for (int i = 0; i < pdf.length; i += 1000) {
            inspection.feed(pdf, i, Math.min(1000, pdf.length - i));
        }
        return inspection.conclude();
    }

    static Stream<Arguments> hostile() {
        return HostilePdfs.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void everyKindOfActiveContentIsRefusedNamingWhatItIs(String kind, byte[] pdf) {
        UploadRejected refused = assertThrows(UploadRejected.class, () -> inspect(pdf));

        assertEquals(UploadRejected.Reason.ACTIVE_CONTENT, refused.reason(), kind);
        assertTrue(refused.getMessage().startsWith("The selected PDF contains "), refused.getMessage());
        assertTrue(refused.auditDetail().startsWith("ACTIVE_CONTENT pdf: "), refused.auditDetail());
    }

    @Test
    void theRefusalSaysWhatWasFound() {
        assertTrue(assertThrows(UploadRejected.class, () -> inspect(HostilePdfs.openActionJavaScript()))
                .getMessage().contains("JavaScript"));
        assertTrue(assertThrows(UploadRejected.class, () -> inspect(HostilePdfs.embeddedExecutable()))
                .getMessage().contains("an embedded file"));
        assertTrue(assertThrows(UploadRejected.class, () -> inspect(HostilePdfs.xfaForm()))
                .getMessage().contains("XFA"));
        assertTrue(assertThrows(UploadRejected.class, () -> inspect(HostilePdfs.launchAction()))
                .getMessage().contains("launches a program"));
    }

    @Test
    void theHostileFixturesReallyCarryWhatTheyClaim() {
        // the JavaScript fixtures are saved compressed (object streams): a byte search would not find the script,
        // which is why the check parses the PDF instead of searching it
        for (Map.Entry<String, byte[]> pdf : HostilePdfs.all().entrySet()) {
            assertTrue(pdf.getValue().length > 200, pdf.getKey());
        }
        String escaped = new String(HostilePdfs.escapedNames(), StandardCharsets.ISO_8859_1);
        assertTrue(escaped.contains("/J#61vaScript") && !escaped.contains("/JavaScript"));
    }

    @Test
    void aPlainPdfAPdfThatOpensAtItsFirstPageAndWebLinksAreAccepted() {
        assertEquals("application/pdf", inspect(HostilePdfs.plain()));
        assertEquals("application/pdf", inspect(HostilePdfs.openActionGoTo()));
        assertEquals("application/pdf", inspect(HostilePdfs.linkTo("https://www.gov.uk/")));
        assertEquals("application/pdf", inspect(HostilePdfs.linkTo("mailto:someone@example.gov.uk")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "\\\\server\\share\\x.exe", "javascript:alert(1)", "smb://host/x"})
    void linksToFilesOrProgramsAreRefused(String uri) {
        assertEquals(UploadRejected.Reason.ACTIVE_CONTENT,
                assertThrows(UploadRejected.class, () -> inspect(HostilePdfs.linkTo(uri))).reason());
    }

    @Test
    void aFileThatStartsLikeAPdfButIsNotOneIsUnreadable() {
        byte[] junk = ("%PDF-1.7\n" + "x".repeat(5000)).getBytes(StandardCharsets.US_ASCII);

        assertEquals(UploadRejected.Reason.UNREADABLE,
                assertThrows(UploadRejected.class, () -> inspect(junk)).reason());
    }

    @Test
    void aPdfLargerThanTheCheckLimitIsRefusedAsTooLargeToCheckWhetherItsSizeIsKnownOrNot() {
        PdfBoxAndZipInspector small = new PdfBoxAndZipInspector(100);
        byte[] pdf = HostilePdfs.plain();

        ContentInspector.Inspection streamed = small.start("application/pdf", -1);
        streamed.feed(pdf, 0, pdf.length);
        assertEquals(UploadRejected.Reason.TOO_COMPLEX, assertThrows(UploadRejected.class, streamed::conclude).reason());

        ContentInspector.Inspection announced = small.start("application/pdf", 5L * 1024 * 1024 * 1024);
        announced.feed(pdf, 0, pdf.length);
        assertEquals(UploadRejected.Reason.TOO_COMPLEX, assertThrows(UploadRejected.class, announced::conclude)
                .reason());
    }

    @Test
    void otherTypesPassAsDetected() {
        ContentInspector.Inspection text = inspector.start("text/plain", 3);
        text.feed("abc".getBytes(StandardCharsets.US_ASCII), 0, 3);
        assertEquals("text/plain", text.conclude());
    }
}
