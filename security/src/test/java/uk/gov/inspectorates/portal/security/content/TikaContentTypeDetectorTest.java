package uk.gov.inspectorates.portal.security.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.inspectorates.portal.core.document.ContentTypeDetector;

class TikaContentTypeDetectorTest {

    private static final TikaContentTypeDetector DETECTOR = new TikaContentTypeDetector();

    private static String detect(byte[] bytes, String name) throws IOException {
        return DETECTOR.detect(new ByteArrayInputStream(bytes), name);
    }

    /** A one-page PDF with a correct cross-reference table. */
    static byte[] minimalPdf() {
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            "<< /Length 0 >>\nstream\n\nendstream"
        };
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] onePixelPng() {
        return HexFormat.of().parseHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                + "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082");
    }

    static byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("notes.txt"));
            zip.write("evidence".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void aPdfIsDetectedAsPdf() throws IOException {
        assertEquals("application/pdf", detect(minimalPdf(), "report.pdf"));
        assertEquals("application/pdf", detect(minimalPdf(), "report.docx"));
    }

    @Test
    void plainTextNamedPdfIsNotDetectedAsPdf() throws IOException {
        byte[] text = "This is not a PDF, whatever its name says.\n".getBytes(StandardCharsets.UTF_8);

        assertEquals("text/plain", detect(text, "x.pdf"));
    }

    @Test
    void textNamedCsvIsCsvAndNothingElseBecomesCsvByItsName() throws IOException {
        byte[] csv = "child id,age\nC-0001,7\n".getBytes(StandardCharsets.UTF_8);

        assertEquals("text/csv", detect(csv, "children.csv"));
        assertEquals("text/csv", detect(csv, "CHILDREN.CSV"));
        assertEquals("text/plain", detect(csv, "children.txt"));
        assertEquals("image/png", detect(onePixelPng(), "children.csv"));
        assertEquals("text/html", detect("<html><body>x</body></html>".getBytes(StandardCharsets.UTF_8),
                "children.csv"));
    }

    @Test
    void unrecognisedBytesNamedPdfAreNotDetectedAsPdf() throws IOException {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);

        assertEquals("application/octet-stream", detect(noise, "x.pdf"));
    }

    @Test
    void aPngIsDetectedAsPng() throws IOException {
        assertEquals("image/png", detect(onePixelPng(), "x.pdf"));
    }

    @Test
    void anEmptyStreamIsOctetStream() throws IOException {
        assertEquals("application/octet-stream", detect(new byte[0], "x.pdf"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"evidence.zip", "x.docx", "x.pdf", ""})
    void aZipIsAZipWhateverItsName(String name) throws IOException {
        assertEquals("application/zip", detect(zip(), name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"report.docx", "evidence.xlsx", "report.pdf", ""})
    void aPasswordProtectedWordOrExcelDocumentIsReportedAsProtectedWhateverItsName(String name) throws IOException {
        byte[] docx = ProtectedOfficeDocuments.passwordProtected(ProtectedOfficeDocuments.docx("embargoed"), "s3cret");
        byte[] xlsx = ProtectedOfficeDocuments.passwordProtected(ProtectedOfficeDocuments.xlsx("embargoed"), "s3cret");

        assertEquals(ContentTypeDetector.PASSWORD_PROTECTED_OOXML, detect(docx, name));
        assertEquals(ContentTypeDetector.PASSWORD_PROTECTED_OOXML, detect(xlsx, name));
    }

    @Test
    void aProtectedDocumentLargerThanThePrefixIsStillRecognised() throws IOException {
        byte[] noise = new byte[3 * TikaContentTypeDetector.PREFIX_BYTES];
        new Random(3).nextBytes(noise);
        byte[] protectedDocx = ProtectedOfficeDocuments.passwordProtected(
                ProtectedOfficeDocuments.docx(HexFormat.of().formatHex(noise)), "s3cret");

        assertTrue(protectedDocx.length > 2 * TikaContentTypeDetector.PREFIX_BYTES, "" + protectedDocx.length);
        assertEquals(ContentTypeDetector.PASSWORD_PROTECTED_OOXML, detect(protectedDocx, "report.docx"));
    }

    @Test
    void theSameDocumentsWithoutAPasswordAndOtherOle2FilesAreNotProtected() throws IOException {
        assertNotEquals(ContentTypeDetector.PASSWORD_PROTECTED_OOXML,
                detect(ProtectedOfficeDocuments.docx("embargoed"), "report.docx"));
        assertNotEquals(ContentTypeDetector.PASSWORD_PROTECTED_OOXML,
                detect(ProtectedOfficeDocuments.xlsx("embargoed"), "evidence.xlsx"));
        // an OLE2 container with one of the two streams only (an old-style .doc has neither)
        try (POIFSFileSystem container = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            container.createDocument(new ByteArrayInputStream(new byte[600]), "WordDocument");
            container.createDocument(new ByteArrayInputStream(new byte[100]), "EncryptionInfo");
            container.writeFilesystem(out);
            assertEquals("application/x-tika-msoffice", detect(out.toByteArray(), "report.doc"));
        }
    }

    @Test
    void aTruncatedOrCorruptOle2ContainerIsNoProtectedDocumentAndDoesNotFail() throws IOException {
        byte[] protectedDocx = ProtectedOfficeDocuments.passwordProtected(ProtectedOfficeDocuments.docx("x"), "s3cret");
        for (int length : new int[] {8, 511, 512, 1000}) {
            assertNotEquals(ContentTypeDetector.PASSWORD_PROTECTED_OOXML,
                    detect(Arrays.copyOf(protectedDocx, length), "report.docx"), "truncated to " + length);
        }
        Random random = new Random(11);
        for (int i = 0; i < 500; i++) {
            byte[] corrupt = Arrays.copyOf(protectedDocx, protectedDocx.length);
            for (int j = 0; j < 64; j++) {
                corrupt[8 + random.nextInt(2048)] = (byte) random.nextInt();
            }
            detect(corrupt, "report.docx");
        }
    }

    @Test
    void thereAreNoMediaTypeParameters() throws IOException {
        String type = detect("<html><head><meta charset=\"utf-8\"></head></html>".getBytes(StandardCharsets.UTF_8),
                "x.html");

        assertFalse(type.contains(";"), type);
        assertNotEquals("application/pdf", type);
    }

    @Test
    void theStreamIsLeftAtItsStart() throws IOException {
        byte[] pdf = minimalPdf();
        InputStream content = new ByteArrayInputStream(pdf);

        DETECTOR.detect(content, "report.pdf");

        assertArrayEquals(pdf, content.readAllBytes());
    }

    @Test
    void onlyABoundedPrefixIsRead() throws IOException {
        byte[] large = new byte[4 * TikaContentTypeDetector.PREFIX_BYTES];
        new Random(7).nextBytes(large);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, large, 0, header.length);
        FarthestReadStream content = new FarthestReadStream(large);

        assertEquals("application/pdf", DETECTOR.detect(content, "report.pdf"));

        assertTrue(content.farthest <= TikaContentTypeDetector.PREFIX_BYTES, "read up to " + content.farthest);
        assertArrayEquals(large, content.readAllBytes());
    }

    @Test
    void aStreamWithoutMarkIsRefused() {
        InputStream noMark = new FilterInputStream(new ByteArrayInputStream(minimalPdf())) {
            @Override
            public boolean markSupported() {
                return false;
            }
        };

        assertThrows(IllegalArgumentException.class, () -> DETECTOR.detect(noMark, "report.pdf"));
    }

    @Test
    void typesThatIntakeDistinguishesAreDistinct() throws IOException {
        Set<String> types = Set.of(detect(minimalPdf(), "a"), detect(onePixelPng(), "a"), detect(zip(), "a"),
                detect("text".getBytes(StandardCharsets.UTF_8), "a"));

        assertEquals(4, types.size(), types::toString);
    }

    /** Remembers the farthest position ever read to, across marks and resets. */
    private static final class FarthestReadStream extends ByteArrayInputStream {
        int farthest;

        FarthestReadStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read() {
            int b = super.read();
            farthest = Math.max(farthest, pos);
            return b;
        }

        @Override
        public synchronized int read(byte[] buffer, int offset, int length) {
            int n = super.read(buffer, offset, length);
            farthest = Math.max(farthest, pos);
            return n;
        }

        @Override
        public synchronized long skip(long n) {
            long skipped = super.skip(n);
            farthest = Math.max(farthest, pos);
            return skipped;
        }
    }
}
