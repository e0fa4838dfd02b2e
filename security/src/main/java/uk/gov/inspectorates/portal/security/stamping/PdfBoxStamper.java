package uk.gov.inspectorates.portal.security.stamping;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
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
            MarksLayout.Pen pen;
            if (MarkFonts.covers(marks)) {
                built = builtFonts();
                pen = built.pen();
            } else {
                parsed = PARSED_FONTS.poll();
                if (parsed == null) {
                    parsed = ParsedFonts.parse();
                }
                pen = new PdfBoxPen(PDType0Font.load(document, parsed.regular(), true),
                        PDType0Font.load(document, parsed.bold(), true));
            }
            PageMarking marking = new PageMarking(document, marks, pen);
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
            built = null; // a failed copy drops its fonts, as it does the parsed ones: no state of it goes back
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
}
