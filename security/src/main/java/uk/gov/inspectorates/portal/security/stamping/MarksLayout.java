package uk.gov.inspectorates.portal.security.stamping;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import uk.gov.inspectorates.portal.core.report.StampMarks;

/**
 * Where the marks go on a page of one displayed size (ADR 0013), in the reader's view of it: the watermark across
 * the diagonal, the marking centred at the top and at the bottom, the recipient line above the bottom marking and, on
 * the first page, the handling instructions under the top marking. This class only measures and places; a
 * {@link Pen} writes the placed text into a form: {@link GlyphTablePen} from the built fonts' tables, or
 * {@link PdfBoxPen} with PDFBox's text machinery for marks beyond them.
 */
final class MarksLayout {

    /**
     * Where the handling instructions are wrapped: any Unicode white space (an em space pasted from a word processor
     * too), never drawn itself. {@link MarkFonts#covers} leaves out the same characters.
     */
    static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    static final float MARGIN = 14f;
    static final float MARKING_SIZE = 11f;
    static final float SMALL_SIZE = 7f;
    static final float WATERMARK_OPACITY = 0.22f;
    /** The watermark's colour (RGB, a dark red), the same whichever pen draws it. */
    static final float[] WATERMARK_RGB = {0.75f, 0f, 0f};
    static final float WATERMARK_SIZE = 60f;

    private MarksLayout() {
    }

    /** The marks of one displayed page size; the first page's carry the handling instructions too. */
    record Layout(float width, float height, boolean first) {
    }

    /**
     * One line of the marks. The watermark is placed by a text matrix ({@code watermarkAt}: translucent red, turned
     * along the diagonal); every other line starts at ({@code x}, {@code y}), in black.
     */
    record Text(boolean bold, float size, float x, float y, Matrix watermarkAt, String text) {
        boolean watermark() {
            return watermarkAt != null;
        }
    }

    /** Measures and writes the marks' text. */
    interface Pen {
        /** The advance of {@code text} at size 1000, as PDFBox's {@code PDFont.getStringWidth} gives it. */
        float width(boolean bold, String text) throws IOException;

        /** A new form of the layout's size in {@code document} that draws {@code texts}, the watermark first. */
        PDFormXObject form(PDDocument document, Layout layout, List<Text> texts) throws IOException;
    }

    static PDFormXObject draw(PDDocument document, Layout layout, StampMarks marks, Pen pen) throws IOException {
        return pen.form(document, layout, texts(layout, marks, pen));
    }

    /** The marks placed on a page of the layout's size: the watermark first. */
    static List<Text> texts(Layout layout, StampMarks marks, Pen pen) throws IOException {
        float width = layout.width();
        float height = layout.height();
        List<Text> texts = new ArrayList<>();
        texts.add(watermark(pen, marks.watermark(), width, height));
        float markingSize = fitting(pen, true, marks.marking(), MARKING_SIZE, width - 2 * MARGIN);
        texts.add(centred(pen, true, markingSize, marks.marking(), width, height - MARGIN - markingSize));
        texts.add(centred(pen, true, markingSize, marks.marking(), width, MARGIN));
        float recipientSize = fitting(pen, false, marks.recipientLine(), SMALL_SIZE, width - 2 * MARGIN);
        texts.add(centred(pen, false, recipientSize, marks.recipientLine(), width, MARGIN + markingSize + 4f));
        if (layout.first()) {
            float size = SMALL_SIZE + 1f;
            float line = size * 1.25f;
            float y = height - MARGIN - markingSize - 6f - line;
            for (String wrapped : wrap(pen, size, "Handling instructions: " + marks.handlingInstructions(),
                    width - 2 * MARGIN)) {
                texts.add(centred(pen, false, size, wrapped, width, y));
                y -= line;
            }
        }
        return texts;
    }

    private static Text watermark(Pen pen, String text, float width, float height) throws IOException {
        double angle = Math.atan2(height, width);
        float diagonal = (float) Math.hypot(width, height);
        float size = fitting(pen, true, text, WATERMARK_SIZE, diagonal * 0.8f);
        float textWidth = advance(pen, true, text, size);
        Matrix placed = Matrix.getTranslateInstance(width / 2f, height / 2f);
        placed.concatenate(Matrix.getRotateInstance(angle, 0, 0));
        placed.concatenate(Matrix.getTranslateInstance(-textWidth / 2f, -size / 3f));
        return new Text(true, size, 0f, 0f, placed, text);
    }

    private static Text centred(Pen pen, boolean bold, float size, String text, float width, float baseline)
            throws IOException {
        return new Text(bold, size, (width - advance(pen, bold, text, size)) / 2f, baseline, null, text);
    }

    private static List<String> wrap(Pen pen, float size, String text, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : WHITE_SPACE.split(text.strip())) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (advance(pen, false, candidate, size) > maxWidth && !current.isEmpty()) {
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
    private static float fitting(Pen pen, boolean bold, String text, float preferred, float maxWidth)
            throws IOException {
        float natural = advance(pen, bold, text, preferred);
        return natural <= maxWidth ? preferred : preferred * maxWidth / natural;
    }

    private static float advance(Pen pen, boolean bold, String text, float size) throws IOException {
        return pen.width(bold, text) / 1000f * size;
    }
}
