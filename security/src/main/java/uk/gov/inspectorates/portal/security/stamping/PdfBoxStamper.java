package uk.gov.inspectorates.portal.security.stamping;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.util.Matrix;
import uk.gov.inspectorates.portal.core.report.StampMarks;
import uk.gov.inspectorates.portal.core.report.StampedCopy;
import uk.gov.inspectorates.portal.core.report.Stamper;
import uk.gov.inspectorates.portal.security.content.PdfBoxActiveContentRemoval;

/**
 * Stamps PDFs with PDFBox. Every page is drawn on in the coordinates the reader sees: the crop box (what viewers
 * show, already clipped to the media box) and the page's {@code /Rotate} are mapped into one matrix, so the marks
 * sit upright and inside the visible area on rotated, landscape and offset pages alike. The original content is
 * wrapped in q/Q so a page that leaves its graphics state changed cannot move or hide the marks.
 *
 * <p>PDFBox's scratch space is memory only ({@link IOUtils#createMemoryOnlyStreamCache()}): decrypted content never
 * reaches a temporary file. Active content (scripts, outward actions, embedded files, XFA: docs/adr/0018) is taken
 * out of every copy: intake refuses it, and this covers documents stored before it did. The output is always a full
 * save; password-protected sources (with an empty user
 * password) are saved without their protection, since the stamped copy must be readable by its recipient.
 */
public final class PdfBoxStamper implements Stamper {

    private static final String REGULAR = "DejaVuSans.ttf";
    private static final String BOLD = "DejaVuSans-Bold.ttf";
    private static final float MARGIN = 14f;
    private static final float MARKING_SIZE = 11f;
    private static final float SMALL_SIZE = 7f;
    private static final float WATERMARK_OPACITY = 0.22f;

    /** Twice the default report cap: PDFBox holds a document at two to three times its size while stamping. */
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 400L * 1024 * 1024;

    private final long maxDocumentBytes;

    public PdfBoxStamper(long maxDocumentBytes) {
        this.maxDocumentBytes = maxDocumentBytes;
    }

    public PdfBoxStamper() {
        this(DEFAULT_MAX_DOCUMENT_BYTES);
    }

    @Override
    public long maxDocumentBytes() {
        return maxDocumentBytes;
    }

    @Override
    public StampedCopy stamped(byte[] original, StampMarks marks) {
        if (original.length > maxDocumentBytes) {
            throw new UnstampableDocument("a document of " + original.length + " bytes is not stamped here", null);
        }
        PDDocument document = null;
        ParsedFonts parsed = null;
        MarkFonts built = null;
        try {
            // wrapped as it is, never copied: one memory copy of an image-heavy report cost more than PDFBox's whole
            // load + save of it (ADR 0038, addenda)
            document = Loader.loadPDF(new RandomAccessReadBuffer(original), "", null, null,
                    IOUtils.createMemoryOnlyStreamCache());
            if (document.isEncrypted()) {
                document.setAllSecurityToBeRemoved(true);
            }
            // refused at upload since ADR 0018; this covers what was stored before
            PdfBoxActiveContentRemoval.remove(document);
            Fonts fonts;
            if (MarkFonts.covers(marks)) {
                built = builtFonts();
                fonts = built.layout();
            } else {
                parsed = PARSED_FONTS.poll();
                if (parsed == null) {
                    parsed = ParsedFonts.parse();
                }
                fonts = new Fonts(PDType0Font.load(document, parsed.regular(), true),
                        PDType0Font.load(document, parsed.bold(), true));
            }
            PageMarking marking = new PageMarking(document, marks, fonts);
            int pageNumber = 0;
            for (PDPage page : document.getPages()) {
                marking.stamp(page, pageNumber++ == 0);
            }
            if (built != null) {
                built.handOver(document, marking.formResources());
            }
            return new Copy(document, parsed);
        } catch (IOException | RuntimeException e) {
            closeQuietly(document);
            throw new UnstampableDocument("The document could not be stamped: " + e.getMessage(), e);
        } finally {
            if (built != null) {
                BUILT_FONTS.offer(built); // the copy holds clones only: the built fonts are free for the next one
            }
        }
    }

    private static MarkFonts builtFonts() throws IOException {
        MarkFonts fonts = BUILT_FONTS.poll();
        return fonts != null ? fonts : MarkFonts.build(FONT_FILES.get(REGULAR), FONT_FILES.get(BOLD));
    }

    /**
     * The stamped document, saved (a full save, never incremental) straight to the reader's stream: PDFBox writes
     * the file front to back as it goes, so the copy is never held a second time as bytes.
     */
    private static final class Copy implements StampedCopy {
        private final PDDocument document;
        private final ParsedFonts fonts;
        private boolean written;
        private boolean failed;
        private boolean closed;

        Copy(PDDocument document, ParsedFonts fonts) {
            this.document = document;
            this.fonts = fonts;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            if (written) {
                throw new IllegalStateException("a stamped copy is written once");
            }
            written = true;
            try {
                document.save(out);
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw new IOException("The stamped copy could not be written: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (closed) {
                return; // its fonts must go back to the pool once only: two copies cannot share them
            }
            closed = true;
            closeQuietly(document);
            if (!failed && fonts != null) {
                PARSED_FONTS.offer(fonts);
            }
        }
    }

    private static void closeQuietly(PDDocument document) {
        if (document != null) {
            try {
                document.close();
            } catch (IOException e) {
                // memory only: nothing to release that the collector will not
            }
        }
    }

    record Fonts(PDFont regular, PDFont bold) {
    }

    /** Read from the jar once: for the built fonts ({@link MarkFonts}) and for the fallback, subset per copy. */
    private static final Map<String, byte[]> FONT_FILES = Map.of(REGULAR, fontFile(REGULAR), BOLD, fontFile(BOLD));

    /**
     * Parsed fonts for the next copy whose marks the built fonts do not cover: parsing a TrueType font was a fifth of
     * a copy's cost. A parsed font reads its tables lazily from its own buffer, so it is used by one copy at a time:
     * taken from here, given back once its copy is saved (a copy that failed drops its fonts). There are never more
     * than the copies made at once.
     */
    private static final Queue<ParsedFonts> PARSED_FONTS = new ConcurrentLinkedQueue<>();

    /** The marks' fonts built once (ADR 0038, addenda), one set per copy being laid out at the same moment. */
    private static final Queue<MarkFonts> BUILT_FONTS = new ConcurrentLinkedQueue<>();

    private record ParsedFonts(TrueTypeFont regular, TrueTypeFont bold) {
        static ParsedFonts parse() throws IOException {
            return new ParsedFonts(parsed(REGULAR), parsed(BOLD));
        }

        private static TrueTypeFont parsed(String name) throws IOException {
            return new TTFParser().parse(new RandomAccessReadBuffer(FONT_FILES.get(name)));
        }
    }

    private static byte[] fontFile(String name) {
        try (InputStream font = PdfBoxStamper.class.getResourceAsStream(name)) {
            if (font == null) {
                throw new IllegalStateException("font " + name + " missing from the build");
            }
            return font.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("font " + name + " could not be read", e);
        }
    }

    /** The marks of one displayed page size; the first page's carry the handling instructions too. */
    record Layout(float width, float height, boolean first) {
    }

    static PDFormXObject drawMarks(PDDocument document, Layout layout, StampMarks marks, Fonts fonts)
            throws IOException {
        float width = layout.width();
        float height = layout.height();
        // PDFBox draws into a form only through the appearance-stream constructor (a form XObject all the same)
        PDAppearanceStream form = new PDAppearanceStream(document);
        form.setBBox(new PDRectangle(width, height));
        form.setResources(new PDResources());
        try (PDPageContentStream content = new PDPageContentStream(document, form,
                form.getCOSObject().createOutputStream(COSName.FLATE_DECODE))) {
            watermark(content, marks.watermark(), fonts.bold(), width, height);
            content.setNonStrokingColor(0f, 0f, 0f);
            float markingSize = fitting(fonts.bold(), marks.marking(), MARKING_SIZE, width - 2 * MARGIN);
            centred(content, fonts.bold(), markingSize, marks.marking(), width, height - MARGIN - markingSize);
            centred(content, fonts.bold(), markingSize, marks.marking(), width, MARGIN);
            float recipientSize = fitting(fonts.regular(), marks.recipientLine(), SMALL_SIZE, width - 2 * MARGIN);
            centred(content, fonts.regular(), recipientSize, marks.recipientLine(), width,
                    MARGIN + markingSize + 4f);
            if (layout.first()) {
                handlingInstructions(content, fonts.regular(), marks.handlingInstructions(), width,
                        height - MARGIN - markingSize - 6f);
            }
        }
        return form;
    }

    /** Maps the reader's view (origin bottom left of the displayed page, x to the right) into user space. */
    static Matrix toViewerCoordinates(PDRectangle box, int rotation) {
        float llx = box.getLowerLeftX();
        float lly = box.getLowerLeftY();
        float urx = box.getUpperRightX();
        float ury = box.getUpperRightY();
        return switch (rotation) {
            case 90 -> new Matrix(0, 1, -1, 0, urx, lly);
            case 180 -> new Matrix(-1, 0, 0, -1, urx, ury);
            case 270 -> new Matrix(0, -1, 1, 0, llx, ury);
            default -> new Matrix(1, 0, 0, 1, llx, lly);
        };
    }

    private static void watermark(PDPageContentStream content, String text, PDFont font, float width, float height)
            throws IOException {
        PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
        translucent.setNonStrokingAlphaConstant(WATERMARK_OPACITY);
        double angle = Math.atan2(height, width);
        float diagonal = (float) Math.hypot(width, height);
        float size = fitting(font, text, 60f, diagonal * 0.8f);
        float textWidth = advance(font, text, size);
        content.saveGraphicsState();
        content.setGraphicsStateParameters(translucent);
        content.setNonStrokingColor(0.75f, 0f, 0f);
        content.beginText();
        content.setFont(font, size);
        Matrix placed = Matrix.getTranslateInstance(width / 2f, height / 2f);
        placed.concatenate(Matrix.getRotateInstance(angle, 0, 0));
        placed.concatenate(Matrix.getTranslateInstance(-textWidth / 2f, -size / 3f));
        content.setTextMatrix(placed);
        content.showText(text);
        content.endText();
        content.restoreGraphicsState();
    }

    private static void handlingInstructions(PDPageContentStream content, PDFont font, String text, float width,
                                             float top) throws IOException {
        float size = SMALL_SIZE + 1f;
        float line = size * 1.25f;
        float y = top - line;
        for (String wrapped : wrap(font, size, "Handling instructions: " + text, width - 2 * MARGIN)) {
            centred(content, font, size, wrapped, width, y);
            y -= line;
        }
    }

    private static void centred(PDPageContentStream content, PDFont font, float size, String text, float width,
                                float baseline) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset((width - advance(font, text, size)) / 2f, baseline);
        content.showText(text);
        content.endText();
    }

    private static List<String> wrap(PDFont font, float size, String text, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (advance(font, candidate, size) > maxWidth && !current.isEmpty()) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        if (!current.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    /** The preferred size, made smaller when the text would not fit the width (narrow pages). */
    private static float fitting(PDFont font, String text, float preferred, float maxWidth) throws IOException {
        float natural = advance(font, text, preferred);
        return natural <= maxWidth ? preferred : preferred * maxWidth / natural;
    }

    private static float advance(PDFont font, String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }
}
