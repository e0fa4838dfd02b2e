package uk.gov.inspectorates.portal.security.stamping;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import uk.gov.inspectorates.portal.security.stamping.MarksLayout.Layout;
import uk.gov.inspectorates.portal.security.stamping.MarksLayout.Text;

/**
 * Writes the marks with PDFBox's text machinery: for marks with characters beyond the built fonts (ADR 0038,
 * addenda), drawn with the whole DejaVu fonts, which PDFBox subsets when the copy is saved.
 */
record PdfBoxPen(PDFont regular, PDFont bold) implements MarksLayout.Pen {

    @Override
    public float width(boolean isBold, String text) throws IOException {
        return (isBold ? bold : regular).getStringWidth(text);
    }

    @Override
    public PDFormXObject form(PDDocument document, Layout layout, List<Text> texts) throws IOException {
        // PDFBox draws into a form only through the appearance-stream constructor (a form XObject all the same)
        PDAppearanceStream form = new PDAppearanceStream(document);
        form.setBBox(new PDRectangle(layout.width(), layout.height()));
        form.setResources(new PDResources());
        try (PDPageContentStream content = new PDPageContentStream(document, form,
                form.getCOSObject().createOutputStream(COSName.FLATE_DECODE))) {
            for (Text text : texts) {
                PDFont font = text.bold() ? bold : regular;
                if (text.watermark()) {
                    PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
                    translucent.setNonStrokingAlphaConstant(MarksLayout.WATERMARK_OPACITY);
                    content.saveGraphicsState();
                    content.setGraphicsStateParameters(translucent);
                    content.setNonStrokingColor(MarksLayout.WATERMARK_RGB[0], MarksLayout.WATERMARK_RGB[1],
                            MarksLayout.WATERMARK_RGB[2]);
                    content.beginText();
                    content.setFont(font, text.size());
                    content.setTextMatrix(text.watermarkAt());
                    content.showText(text.text());
                    content.endText();
                    content.restoreGraphicsState();
                    content.setNonStrokingColor(0f, 0f, 0f);
                } else {
                    content.beginText();
                    content.setFont(font, text.size());
                    content.newLineAtOffset(text.x(), text.y());
                    content.showText(text.text());
                    content.endText();
                }
            }
        }
        return form;
    }
}
