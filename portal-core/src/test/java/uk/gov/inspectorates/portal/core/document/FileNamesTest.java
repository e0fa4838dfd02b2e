package uk.gov.inspectorates.portal.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {

    @Test
    void anOrdinaryNameIsKeptAsItIs() {
        assertEquals("Northdale findings – final (v2).pdf", FileNames.normalise("Northdale findings – final (v2).pdf"));
        assertEquals("Überprüfung 北.docx", FileNames.normalise("Überprüfung 北.docx"));
    }

    @Test
    void directoryPartsOfEitherKindAreDropped() {
        assertEquals("passwd.pdf", FileNames.normalise("../../etc/passwd.pdf"));
        assertEquals("report.pdf", FileNames.normalise("C:\\Users\\me\\Desktop\\report.pdf"));
        assertEquals("x.pdf", FileNames.normalise("a/b\\c/x.pdf"));
    }

    @Test
    void controlCharactersAndEscapeSequencesAreRemoved() {
        assertEquals("report[31mred.pdf", FileNames.normalise("report\u001b[31mred.pdf"));
        assertEquals("ab.pdf", FileNames.normalise("a\u0000b.pdf"));
        assertEquals("ab.pdf", FileNames.normalise("a\r\nb.pdf"));
        assertEquals("ab.pdf", FileNames.normalise("a\u007fb\u0085.pdf"));
        assertEquals("ab.pdf", FileNames.normalise("a\tb\u009b.pdf"));
    }

    @Test
    void bidirectionalOverridesAndIsolatesAreRemoved() {
        // "invoice\u202Efdp.exe" shows as "invoiceexe.pdf"
        assertEquals("invoicefdp.exe", FileNames.normalise("invoice\u202Efdp.exe"));
        for (char c : new char[] {'\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069',
            '\u200E', '\u200F', '\u061C', '\u2028', '\u2029'}) {
            assertEquals("ab.pdf", FileNames.normalise("a" + c + "b.pdf"), Integer.toHexString(c));
        }
    }

    @Test
    void anUnpairedSurrogateIsRemovedAndAPairIsKept() {
        assertEquals("ab.pdf", FileNames.normalise("a\uD800b.pdf"));
        assertEquals("a\uD83D\uDE00b.pdf", FileNames.normalise("a\uD83D\uDE00b.pdf"));
    }

    @Test
    void aLongNameIsCutTo255BytesOfUtf8KeepingItsExtension() {
        String name = FileNames.normalise("é".repeat(300) + ".pdf");
        assertTrue(name.endsWith(".pdf"), name);
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= FileNames.MAX_BYTES);
        assertEquals(FileNames.MAX_BYTES - 1, name.getBytes(StandardCharsets.UTF_8).length,
                "cut at a character boundary: 125 two-byte characters and '.pdf'");
        String emoji = FileNames.normalise("\uD83D\uDE00".repeat(100) + ".docx");
        assertTrue(emoji.endsWith(".docx"));
        assertFalse(Character.isHighSurrogate(emoji.charAt(emoji.length() - 6)), "no half of a pair left");
    }

    @Test
    void aNameWhoseExtensionIsItselfHugeIsCutWhole() {
        String name = FileNames.normalise("a." + "x".repeat(400));
        assertEquals(FileNames.MAX_BYTES, name.getBytes(StandardCharsets.UTF_8).length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "/", "a/", "..", "dir/..", "\u0000\u0001", "\u202E\u202C", "x\\ \u0007 "})
    void aNameWithNothingUsableLeftIsRefusedNamingTheProblem(String declared) {
        UploadRejected refused = assertThrows(UploadRejected.class, () -> FileNames.normalise(declared));
        assertEquals(UploadRejected.Reason.FILE_NAME, refused.reason());
        assertTrue(refused.getMessage().contains("file name"), refused.getMessage());
    }

    @Test
    void aMissingNameIsRefused() {
        assertEquals(UploadRejected.Reason.FILE_NAME,
                assertThrows(UploadRejected.class, () -> FileNames.normalise(null)).reason());
    }
}
