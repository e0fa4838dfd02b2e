package uk.gov.inspectorates.portal.security.stamping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.document.ContentInspector;
import uk.gov.inspectorates.portal.security.content.HostilePdfs;
import uk.gov.inspectorates.portal.security.content.PdfBoxAndZipInspector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.report.StampMarks;
import uk.gov.inspectorates.portal.core.report.Stamper.UnstampableDocument;

class PdfBoxStamperTest {

    private static final StampMarks MARKS = StampMarks.forDownload(
            new Classification(Tier.OFFICIAL_SENSITIVE, "personal"), "", "Ada Reader", "Care Quality Commission",
            Instant.parse("2026-12-02T10:15:00Z"), "dl-7f3a");

    /** Text extraction splits the diagonal watermark at arbitrary places: compare it without white space. */
    private static final String WATERMARK = squeezed(StampMarks.PRE_PUBLICATION_WATERMARK);

    private final PdfBoxStamper stamper = new PdfBoxStamper();

    static Stream<Arguments> geometries() {
        PDRectangle a4 = PDRectangle.A4;
        PDRectangle landscape = new PDRectangle(a4.getHeight(), a4.getWidth());
        PDRectangle offsetMedia = new PDRectangle(-200, 300, 700, 900);
        PDRectangle offsetCrop = new PDRectangle(-150, 380, 560, 720);
        return Stream.of(
                Arguments.of("A4 portrait", a4, null, 0),
                Arguments.of("A4 landscape", landscape, null, 0),
                Arguments.of("rotated 90", a4, null, 90),
                Arguments.of("rotated 180", a4, null, 180),
                Arguments.of("rotated 270", a4, null, 270),
                Arguments.of("media box not at 0,0 and a smaller crop box", offsetMedia, offsetCrop, 0),
                Arguments.of("offset crop box rotated 90", offsetMedia, offsetCrop, 90),
                Arguments.of("landscape rotated 270", landscape, null, 270));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("geometries")
    void marksEveryPageInsideTheVisibleAreaWhateverItsGeometry(String name, PDRectangle media, PDRectangle crop,
                                                               int rotation) throws IOException {
        byte[] original = TestPdfs.pages(3, media, crop, rotation);
        byte[] stamped = stamp(original);

        try (PDDocument before = Loader.loadPDF(original); PDDocument after = Loader.loadPDF(stamped)) {
            assertEquals(3, after.getNumberOfPages());
            for (int page = 0; page < 3; page++) {
                String text = textOf(after, page);
                assertTrue(squeezed(text).contains(WATERMARK), name + " p" + page + ": " + text);
                assertEquals(2, occurrences(text, "OFFICIAL-SENSITIVE PERSONAL"), name + " p" + page + ": " + text);
                assertTrue(text.contains("download dl-7f3a"), name + " p" + page);
                assertTrue(squeezed(text).contains("Originalpage" + (page + 1)), "the original content is kept");
                assertEquals(page == 0, text.contains("Handling instructions:"), "handling instructions on page 1");

                BufferedImage plain = render(before, page);
                BufferedImage marked = render(after, page);
                assertEquals(plain.getWidth(), marked.getWidth());
                assertTrue(changedPixels(plain, marked, 0.0, 0.06) > 40, name + " p" + page + ": marking at the top");
                assertTrue(changedPixels(plain, marked, 0.94, 1.0) > 40, name + " p" + page + ": marking at the bottom");
                assertTrue(changedPixels(plain, marked, 0.4, 0.6) > 40, name + " p" + page + ": watermark in the middle");
            }
        }
    }

    @Test
    void marksTheTopOfTheDisplayedPageNotOfTheUnrotatedOne() throws IOException {
        // On a page turned a quarter, the unrotated top edge is displayed at the side: the marking must not be there.
        byte[] stamped = stamp(TestPdfs.pages(1, PDRectangle.A4, null, 90));
        try (PDDocument plain = Loader.loadPDF(TestPdfs.pages(1, PDRectangle.A4, null, 90));
             PDDocument after = Loader.loadPDF(stamped)) {
            BufferedImage before = render(plain, 0);
            BufferedImage marked = render(after, 0);
            assertTrue(marked.getWidth() > marked.getHeight(), "displayed landscape");
            assertEquals(0, changedColumns(before, marked, 0.0, 0.03), "nothing in the left edge band");
            assertEquals(0, changedColumns(before, marked, 0.97, 1.0), "nothing in the right edge band");
        }
    }

    @Test
    void servesAFullSaveSoNoUnstampedRevisionSurvivesInTheFile() throws IOException {
        byte[] original = TestPdfs.pages(2, PDRectangle.A4, null, 0);
        byte[] stamped = stamp(original);

        assertEquals(1, occurrences(new String(stamped, StandardCharsets.ISO_8859_1), "%%EOF"),
                "one revision only: an incremental update would keep the original before it");
        assertFalse(startsWith(stamped, Arrays.copyOf(original, original.length - 64)),
                "the original bytes are not the front of the stamped copy");
    }

    /**
     * ADR 0018: intake refuses active content; a document stored before it did is served without it. No object of
     * the stamped copy, decoded, carries the script or the executable, and the copy passes the upload check itself.
     */
    @Test
    void aStampedCopyCarriesNoActiveContentOfItsOriginal() throws IOException {
        for (var hostile : HostilePdfs.all().entrySet()) {
            byte[] stamped = stamp(hostile.getValue());

            ContentInspector.Inspection check = new PdfBoxAndZipInspector(1 << 24).start("application/pdf", -1);
            check.feed(stamped, 0, stamped.length);
            assertEquals("application/pdf", check.conclude(), hostile.getKey());
            String decoded = everyDecodedObject(stamped);
            assertFalse(decoded.contains("portal-active-content-marker"), hostile.getKey());
            assertFalse(decoded.contains("portal-embedded-executable-marker"), hostile.getKey());
        }
    }

    @Test
    void harmlessNavigationAndWebLinksAreKept() throws IOException {
        try (PDDocument stamped = Loader.loadPDF(stamp(HostilePdfs.openActionGoTo()))) {
            assertTrue(stamped.getDocumentCatalog().getCOSObject().containsKey(org.apache.pdfbox.cos.COSName.OPEN_ACTION),
                    "opening at a page is navigation, not active content");
        }
        try (PDDocument stamped = Loader.loadPDF(stamp(HostilePdfs.linkTo("https://www.gov.uk/")))) {
            assertEquals(1, stamped.getPage(0).getAnnotations().size());
            assertTrue(stamped.getPage(0).getAnnotations().get(0).getCOSObject().containsKey(
                    org.apache.pdfbox.cos.COSName.A), "a link to a web page keeps its action");
        }
    }

    /** The text of every string and every decoded stream of the document, to search for what must not be there. */
    private static String everyDecodedObject(byte[] pdf) throws IOException {
        StringBuilder all = new StringBuilder();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (var key : document.getDocument().getXrefTable().keySet()) {
                collect(document.getDocument().getObjectFromPool(key).getObject(), all, 0);
            }
        }
        return all.toString();
    }

    private static void collect(org.apache.pdfbox.cos.COSBase value, StringBuilder all, int depth)
            throws IOException {
        if (depth > 32 || value == null) {
            return;
        }
        if (value instanceof org.apache.pdfbox.cos.COSStream stream) {
            try (var in = stream.createInputStream()) {
                all.append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        if (value instanceof org.apache.pdfbox.cos.COSString string) {
            all.append(string.getString());
        } else if (value instanceof org.apache.pdfbox.cos.COSDictionary dictionary) {
            for (var nested : dictionary.getValues()) {
                if (!(nested instanceof org.apache.pdfbox.cos.COSObject)) {
                    collect(nested, all, depth + 1);
                }
            }
        } else if (value instanceof org.apache.pdfbox.cos.COSArray array) {
            for (var nested : array) {
                if (!(nested instanceof org.apache.pdfbox.cos.COSObject)) {
                    collect(nested, all, depth + 1);
                }
            }
        }
    }

    @Test
    void stampsAProtectedReportAndServesItReadableByItsRecipient() throws IOException {
        byte[] protectedPdf = TestPdfs.protectedWithOwnerPassword(TestPdfs.pages(1, PDRectangle.A4, null, 0));
        try (PDDocument check = Loader.loadPDF(protectedPdf)) {
            assertTrue(check.isEncrypted(), "the fixture really is protected");
        }
        try (PDDocument after = Loader.loadPDF(stamp(protectedPdf))) {
            assertFalse(after.isEncrypted());
            assertTrue(squeezed(textOf(after, 0)).contains(WATERMARK));
        }
    }

    @Test
    void stampsEveryPageOfALongReport() throws IOException {
        byte[] stamped = stamp(TestPdfs.pages(300, PDRectangle.A4, null, 0));
        try (PDDocument after = Loader.loadPDF(stamped)) {
            assertEquals(300, after.getNumberOfPages());
            for (int page = 0; page < 300; page++) {
                String text = textOf(after, page);
                assertTrue(squeezed(text).contains(WATERMARK), "page " + (page + 1) + ": " + text);
                assertEquals(2, occurrences(text, "OFFICIAL-SENSITIVE PERSONAL"), "page " + (page + 1));
            }
        }
    }

    @Test
    void pagesOfDifferentSizesAndTurnsInOneReportEachGetMarksLaidOutForThemselves() throws IOException {
        // the marks are laid out once per displayed page size (ADR 0038): a later page of another size or turn must
        // not reuse the first page's layout, and only the first page carries the handling instructions
        PDRectangle landscape = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
        byte[] original = merged(TestPdfs.pages(1, PDRectangle.A4, null, 0), TestPdfs.pages(1, landscape, null, 0),
                TestPdfs.pages(1, PDRectangle.A5, null, 90), TestPdfs.pages(1, PDRectangle.A4, null, 0));
        byte[] stamped = stamp(original);

        try (PDDocument before = Loader.loadPDF(original); PDDocument after = Loader.loadPDF(stamped)) {
            assertEquals(4, after.getNumberOfPages());
            for (int page = 0; page < 4; page++) {
                String text = textOf(after, page);
                assertTrue(squeezed(text).contains(WATERMARK), "p" + page + ": " + text);
                assertEquals(2, occurrences(text, "OFFICIAL-SENSITIVE PERSONAL"), "p" + page + ": " + text);
                assertEquals(page == 0, text.contains("Handling instructions:"), "p" + page);
                BufferedImage plain = render(before, page);
                BufferedImage marked = render(after, page);
                assertTrue(changedPixels(plain, marked, 0.0, 0.06) > 40, "p" + page + ": marking at the top");
                assertTrue(changedPixels(plain, marked, 0.94, 1.0) > 40, "p" + page + ": marking at the bottom");
            }
        }
    }

    @Test
    void copiesMadeAtTheSameTimeAreEachStampedWhole() throws Exception {
        // parsed fonts are pooled, one copy at a time: copies made together must not share them
        byte[] original = TestPdfs.pages(40, PDRectangle.A4, null, 0);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<byte[]>> copies = new java.util.ArrayList<>();
            for (int n = 0; n < 8; n++) {
                copies.add(pool.submit(() -> stamp(original)));
            }
            for (java.util.concurrent.Future<byte[]> copy : copies) {
                try (PDDocument after = Loader.loadPDF(copy.get())) {
                    assertEquals(40, after.getNumberOfPages());
                    for (int page = 0; page < 40; page++) {
                        String text = textOf(after, page);
                        assertTrue(squeezed(text).contains(WATERMARK), "page " + (page + 1) + ": " + text);
                        assertTrue(text.contains("download dl-7f3a"), "page " + (page + 1) + ": " + text);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void marksWithinTheBuiltFontsUseTheCopysOwnCloneAndMarksBeyondThemTheWholeFontsSubset() throws IOException {
        StampMarks welsh = StampMarks.forDownload(new Classification(Tier.OFFICIAL_SENSITIVE, "personal"),
                "Peidiwch \u00e2 rhannu", "Gwenllian Griffith-\u0174yn", "Ffion \u0176r Fflint", // ligatures: ffi, Ff, Fl
                Instant.parse("2026-12-02T10:15:00Z"), "dl-5a1b");
        StampMarks greek = StampMarks.forDownload(new Classification(Tier.OFFICIAL_SENSITIVE, "personal"),
                "", "\u0391\u03bb\u03ad\u03be\u03b7\u03c2 Reader", "Care Quality Commission",
                Instant.parse("2026-12-02T10:15:00Z"), "dl-6c2d");
        byte[] original = TestPdfs.pages(2, PDRectangle.A4, null, 0);
        for (StampMarks marks : List.of(welsh, greek)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stamper.stamp(original, marks, out);
            boolean built = marks == welsh;
            try (PDDocument after = Loader.loadPDF(out.toByteArray())) {
                for (int page = 0; page < 2; page++) {
                    String text = textOf(after, page);
                    assertTrue(squeezed(text).contains(WATERMARK), "the en dash and all: " + text);
                    assertTrue(text.contains(marks.recipientLine()), text);
                }
                java.util.Set<String> fonts = new java.util.TreeSet<>();
                for (PDPage page : after.getPages()) {
                    var xObjects = page.getResources().getCOSObject()
                            .getCOSDictionary(org.apache.pdfbox.cos.COSName.XOBJECT);
                    for (var name : xObjects.keySet()) {
                        var form = (org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject)
                                page.getResources().getXObject(name);
                        for (var fontName : form.getResources().getFontNames()) {
                            var font = form.getResources().getFont(fontName);
                            assertTrue(font.isEmbedded(), font.getName());
                            fonts.add(font.getName());
                        }
                    }
                }
                assertEquals(2, fonts.size(), "regular and bold, shared by the forms: " + fonts);
                for (String font : fonts) {
                    assertEquals(built, font.startsWith("PORTAL+"), font);
                }
            }
        }
    }

    @Test
    void handlingInstructionsWithWhiteSpaceBeyondAsciiAreStampedNotFailed() throws IOException {
        // an em space and a no-break space, as text pasted from a word processor brings them
        StampMarks marks = StampMarks.forDownload(new Classification(Tier.OFFICIAL_SENSITIVE, "personal"),
                "Share\u2003only with\u00a0the named reviewers", "Dana Reader", "Care Quality Commission",
                Instant.parse("2026-12-02T10:15:00Z"), "dl-7e3f");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stamper.stamp(TestPdfs.pages(1, PDRectangle.A4, null, 0), marks, out);
        try (PDDocument after = Loader.loadPDF(out.toByteArray())) {
            String text = textOf(after, 0);
            assertTrue(text.contains(marks.recipientLine()), text);
            assertTrue(squeezed(text).contains(WATERMARK), text);
        }
    }

    private static byte[] merged(byte[]... documents) throws IOException {
        try (PDDocument whole = new PDDocument()) {
            List<PDDocument> parts = new java.util.ArrayList<>();
            try {
                for (byte[] document : documents) {
                    PDDocument part = Loader.loadPDF(document);
                    parts.add(part);
                    for (PDPage page : part.getPages()) {
                        whole.importPage(page);
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                whole.save(out);
                return out.toByteArray();
            } finally {
                for (PDDocument part : parts) {
                    part.close();
                }
            }
        }
    }

    @Test
    void aLetterAfterItsReportsPublicationCarriesTheCorrespondenceLineOnEveryPageAndNoPrePublicationMarking()
            throws IOException {
        StampMarks afterPublication = StampMarks.forCorrespondenceAfterPublication(
                new Classification(Tier.OFFICIAL_SENSITIVE, "personal"), "", "Ada Reader", "Care Quality Commission",
                Instant.parse("2026-12-20T10:15:00Z"), "dl-9c1e");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] letter = TestPdfs.pages(3, PDRectangle.A4, null, 90);
        stamper.stamp(letter, afterPublication, out);

        try (PDDocument after = Loader.loadPDF(out.toByteArray())) {
            for (int page = 0; page < 3; page++) {
                String text = textOf(after, page);
                assertTrue(squeezed(text).contains(squeezed(StampMarks.PUBLISHED_REPORT_CORRESPONDENCE)),
                        "p" + page + ": " + text);
                assertFalse(squeezed(text).toLowerCase(java.util.Locale.ROOT).contains("pre-publication"),
                        "p" + page + ": " + text);
                assertEquals(2, occurrences(text, "OFFICIAL-SENSITIVE PERSONAL"), "p" + page + ": " + text);
                assertTrue(text.contains("download dl-9c1e"), "p" + page);
            }
        }
    }

    @Test
    void pagesThatShareTheirResourcesOrUseTheStampsNamesForSomethingElseAreStampedAllTheSame() throws IOException {
        byte[] original;
        try (PDDocument document = Loader.loadPDF(TestPdfs.pages(3, PDRectangle.A4, null, 0))) {
            PDResources shared = document.getPage(0).getResources();
            PDFormXObject blank = new PDFormXObject(document);
            blank.setBBox(new PDRectangle(10, 10));
            for (int n = 0; n < 3; n++) {
                shared.put(COSName.getPDFName("PortalStamp" + n), blank);
            }
            document.getPage(1).setResources(shared);
            document.getPage(2).setResources(shared);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            original = out.toByteArray();
        }

        try (PDDocument after = Loader.loadPDF(stamp(original))) {
            for (int page = 0; page < 3; page++) {
                String text = textOf(after, page);
                assertTrue(squeezed(text).contains(WATERMARK), "p" + page + ": " + text);
                assertEquals(2, occurrences(text, "OFFICIAL-SENSITIVE PERSONAL"), "p" + page + ": " + text);
                assertTrue(text.contains("download dl-7f3a"), "p" + page + ": " + text);
                assertTrue(squeezed(text).contains("Originalpage" + (page + 1)), "the original content is kept");
            }
        }
    }

    @Test
    void refusesWhatIsNotAPdfRatherThanServingIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] notAPdf = "not a pdf at all".getBytes(StandardCharsets.US_ASCII);
        assertThrows(UnstampableDocument.class, () -> stamper.stamp(notAPdf, MARKS, out));
    }

    private byte[] stamp(byte[] original) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stamper.stamp(original, MARKS, out);
        return out.toByteArray();
    }

    private static String textOf(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page + 1);
        stripper.setEndPage(page + 1);
        return stripper.getText(document).replaceAll("\\s+", " ");
    }

    private static BufferedImage render(PDDocument document, int page) throws IOException {
        return new PDFRenderer(document).renderImageWithDPI(page, 40);
    }

    /** Pixels that differ within a horizontal band (fractions of the height), in the middle 60 % of the width. */
    private static int changedPixels(BufferedImage a, BufferedImage b, double fromY, double toY) {
        return changedIn(a, b, 0.2, 0.8, fromY, toY);
    }

    /** Pixels that differ within a vertical band (fractions of the width), away from the top and bottom bands. */
    private static int changedColumns(BufferedImage a, BufferedImage b, double fromX, double toX) {
        return changedIn(a, b, fromX, toX, 0.1, 0.9);
    }

    private static int changedIn(BufferedImage a, BufferedImage b, double fromX, double toX, double fromY,
                                 double toY) {
        int changed = 0;
        for (int y = (int) (fromY * a.getHeight()); y < Math.min(a.getHeight(), (int) (toY * a.getHeight())); y++) {
            for (int x = (int) (fromX * a.getWidth()); x < Math.min(a.getWidth(), (int) (toX * a.getWidth())); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    changed++;
                }
            }
        }
        return changed;
    }

    private static String squeezed(String text) {
        return text.replaceAll("\s+", "");
    }

    private static int occurrences(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            count++;
        }
        return count;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
    }

    /** PDFs of a given geometry whose content leaves its graphics state changed, as real producers' pages do. */
    static final class TestPdfs {

        static byte[] pages(int count, PDRectangle media, PDRectangle crop, int rotation) throws IOException {
            try (PDDocument document = new PDDocument()) {
                for (int n = 1; n <= count; n++) {
                    PDPage page = new PDPage(media);
                    if (crop != null) {
                        page.setCropBox(crop);
                    }
                    page.setRotation(rotation);
                    document.addPage(page);
                    PDRectangle box = page.getCropBox();
                    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                        content.beginText();
                        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                        content.newLineAtOffset(box.getLowerLeftX() + box.getWidth() / 3,
                                box.getLowerLeftY() + box.getHeight() / 3);
                        content.showText("Original page " + n);
                        content.endText();
                        content.transform(Matrix.getScaleInstance(0.25f, 0.25f)); // never restored
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                document.save(out);
                return out.toByteArray();
            }
        }

        static byte[] protectedWithOwnerPassword(byte[] pdf) throws IOException {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                AccessPermission permissions = new AccessPermission();
                permissions.setCanModify(false);
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", permissions);
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                document.save(out);
                return out.toByteArray();
            }
        }
    }
}
