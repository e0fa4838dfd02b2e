package uk.gov.inspectorates.portal.security.stamping;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.NumberFormatUtil;
import uk.gov.inspectorates.portal.security.stamping.MarksLayout.Layout;
import uk.gov.inspectorates.portal.security.stamping.MarksLayout.Text;

/**
 * Writes the marks with the built fonts ({@link MarkFonts}) without PDFBox's text machinery (ADR 0038, third
 * addendum): every character's glyph code and advance were looked up once per JVM, through PDFBox, in the same fonts,
 * so a width here is PDFBox's {@code getStringWidth} and a code its {@code encode}; the form's content stream is then
 * written straight out with the operators PDFBox's content stream would write. Laying the two forms out through
 * PDFBox's per-string encoding and look-ups was half of what the marks cost a copy in a JVM that has served a few
 * dozen copies. The fonts are named in the form's resources by their built objects, which {@link MarkFonts#handOver}
 * replaces with the copy's clones.
 */
final class GlyphTablePen implements MarksLayout.Pen {

    private static final COSName REGULAR = COSName.getPDFName("F1");
    private static final COSName BOLD = COSName.getPDFName("F2");
    private static final COSName TRANSLUCENT = COSName.getPDFName("GS1");
    /** As PDFBox's content stream writes its numbers. */
    private static final int FRACTION_DIGITS = 4;

    private final Glyphs regular;
    private final Glyphs bold;
    private final COSDictionary regularFont;
    private final COSDictionary boldFont;

    GlyphTablePen(PDFont regular, PDFont bold, Set<Integer> repertoire) throws IOException {
        this.regular = new Glyphs(regular, repertoire);
        this.bold = new Glyphs(bold, repertoire);
        this.regularFont = regular.getCOSObject();
        this.boldFont = bold.getCOSObject();
    }

    @Override
    public float width(boolean isBold, String text) {
        return (isBold ? bold : regular).width(text);
    }

    @Override
    public PDFormXObject form(PDDocument document, Layout layout, List<Text> texts) throws IOException {
        StringBuilder content = new StringBuilder(1024);
        for (Text text : texts) {
            COSName font = text.bold() ? BOLD : REGULAR;
            if (text.watermark()) {
                content.append("q\n/").append(TRANSLUCENT.getName()).append(" gs\n");
                for (float component : MarksLayout.WATERMARK_RGB) {
                    number(content, component);
                }
                content.append("rg\nBT\n/").append(font.getName()).append(' ');
                number(content, text.size()).append("Tf\n");
                Matrix at = text.watermarkAt();
                for (float value : new float[] {at.getScaleX(), at.getShearY(), at.getShearX(), at.getScaleY(),
                        at.getTranslateX(), at.getTranslateY()}) {
                    number(content, value);
                }
                content.append("Tm\n");
                show(content, text);
                content.append("ET\nQ\n0 0 0 rg\n");
            } else {
                content.append("BT\n/").append(font.getName()).append(' ');
                number(content, text.size()).append("Tf\n");
                number(content, text.x());
                number(content, text.y()).append("Td\n");
                show(content, text);
                content.append("ET\n");
            }
        }
        PDFormXObject form = new PDFormXObject(document);
        form.setBBox(new PDRectangle(layout.width(), layout.height()));
        form.setResources(new PDResources(resources()));
        try (OutputStream out = form.getCOSObject().createOutputStream(COSName.FLATE_DECODE)) {
            out.write(content.toString().getBytes(StandardCharsets.US_ASCII));
        }
        return form;
    }

    /** The form's resources: the built fonts (replaced by the copy's clones) and the watermark's translucency. */
    private COSDictionary resources() {
        COSDictionary fonts = new COSDictionary();
        fonts.setItem(REGULAR, regularFont);
        fonts.setItem(BOLD, boldFont);
        COSDictionary translucent = new COSDictionary();
        translucent.setItem(COSName.TYPE, COSName.EXT_G_STATE);
        translucent.setFloat(COSName.CA_NS, MarksLayout.WATERMARK_OPACITY);
        COSDictionary states = new COSDictionary();
        states.setItem(TRANSLUCENT, translucent);
        COSDictionary resources = new COSDictionary();
        resources.setItem(COSName.FONT, fonts);
        resources.setItem(COSName.EXT_G_STATE, states);
        for (COSDictionary inside : List.of(fonts, translucent, states, resources)) {
            inside.setDirect(true); // written inside the form's dictionary: no objects of their own
        }
        return resources;
    }

    private void show(StringBuilder content, Text text) {
        content.append('<');
        (text.bold() ? bold : regular).hex(text.text(), content);
        content.append("> Tj\n");
    }

    private static StringBuilder number(StringBuilder content, float value) {
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException(value + " is not a finite number");
        }
        byte[] digits = new byte[32];
        int length = NumberFormatUtil.formatFloatFast(value, FRACTION_DIGITS, digits);
        if (length < 0) {
            content.append(new BigDecimal(Float.toString(value)).setScale(FRACTION_DIGITS, RoundingMode.HALF_EVEN)
                    .stripTrailingZeros().toPlainString());
        } else {
            for (int i = 0; i < length; i++) {
                content.append((char) digits[i]);
            }
        }
        return content.append(' ');
    }

    /** One font's glyph codes (Identity-H: two bytes a glyph) and advances, by code point. */
    private static final class Glyphs {
        private static final char[] HEX = "0123456789ABCDEF".toCharArray();
        private final String fontName;
        private final char[] codes;
        private final float[] widths;

        Glyphs(PDFont font, Set<Integer> repertoire) throws IOException {
            fontName = font.getName();
            int last = repertoire.stream().mapToInt(Integer::intValue).max().orElse(0);
            codes = new char[last + 1];
            widths = new float[last + 1];
            for (int codePoint : repertoire) {
                String character = new String(Character.toChars(codePoint));
                byte[] code;
                try {
                    code = font.encode(character);
                } catch (IllegalArgumentException noGlyph) {
                    continue; // as in PDFBox, drawing it is refused (below)
                }
                if (code.length != 2) {
                    throw new IllegalStateException("the built fonts are Identity-H: two bytes a glyph");
                }
                codes[codePoint] = (char) ((code[0] & 0xff) << 8 | code[1] & 0xff);
                widths[codePoint] = font.getStringWidth(character);
            }
        }

        /** The sum of the characters' advances, in the order PDFBox adds them. */
        float width(String text) {
            float width = 0;
            for (int i = 0; i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                width += widths[glyph(codePoint)];
                i += Character.charCount(codePoint);
            }
            return width;
        }

        void hex(String text, StringBuilder out) {
            for (int i = 0; i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                char code = codes[glyph(codePoint)];
                out.append(HEX[code >> 12 & 0xf]).append(HEX[code >> 8 & 0xf]).append(HEX[code >> 4 & 0xf])
                        .append(HEX[code & 0xf]);
                i += Character.charCount(codePoint);
            }
        }

        /** The code point as an index, or PDFBox's refusal for a character the font has no glyph for. */
        private int glyph(int codePoint) {
            if (codePoint >= codes.length || codes[codePoint] == 0) {
                throw new IllegalArgumentException(
                        String.format("No glyph for U+%04X in font %s", codePoint, fontName));
            }
            return codePoint;
        }
    }
}
