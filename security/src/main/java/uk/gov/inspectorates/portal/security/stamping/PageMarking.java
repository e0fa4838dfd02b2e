package uk.gov.inspectorates.portal.security.stamping;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import uk.gov.inspectorates.portal.core.report.StampMarks;
import uk.gov.inspectorates.portal.security.stamping.MarksLayout.Layout;

/**
 * Marks the pages of one copy (for {@link PdfBoxStamper}). Every page draws the marks: they are laid out once per displayed page size as a form XObject that each page of
 * that size draws from its own appended content, in its own viewer coordinates. Laying out and encoding the text
 * per page was most of a copy's cost (ADR 0038); what each page shows is the same.
 *
 * <p>The content a page gains is shared as well (ADR 0038, addendum): one {@code q} stream in front of every
 * page's original content, and one {@code Q q <matrix> cm /PortalStampN Do Q} stream for all pages with the same
 * marks and the same crop box and turn. What each page draws is what PDFBox's append-with-reset wrote before
 * (the original content in q/Q, then the marks in the viewer's coordinates); only the number of streams in the
 * copy changes, from two new ones per page to a handful. A page whose resources already use the form's name for
 * something else gets a name and a stream of its own.
 */
final class PageMarking {
    private final PDDocument document;
    private final StampMarks marks;
    private final MarksLayout.Pen pen;
    private final Map<Layout, Drawn> drawn = new HashMap<>();
    private final Map<Placement, COSStream> placed = new HashMap<>();
    private COSStream saveState;
    /** The last page's placement (not the first page's: its marks differ), reused while pages look alike. */
    private Placed last;

    PageMarking(PDDocument document, StampMarks marks, MarksLayout.Pen pen) {
        this.document = document;
        this.marks = marks;
        this.pen = pen;
    }

    void stamp(PDPage page, boolean first) throws IOException {
        PDRectangle visible = page.getCropBox();
        int rotation = Math.floorMod(page.getRotation(), 360);
        // a report's pages mostly share one size and turn: the next such page skips the look-ups below
        Placed here = !first && last != null && last.shows(visible, rotation)
                ? last
                : placed(visible, rotation, first);
        if (!first) {
            last = here;
        }
        COSName name = nameIn(page, here.stamp);
        COSStream marksDrawn = name.equals(here.stamp.name()) ? here.sharedDrawing() : drawing(name, here.toViewer);
        COSArray contents = new COSArray();
        contents.add(saveState());
        COSBase existing = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
        if (existing instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                contents.add(array.get(i));
            }
        } else if (existing instanceof COSStream stream) {
            contents.add(stream);
        }
        contents.add(marksDrawn);
        page.getCOSObject().setItem(COSName.CONTENTS, contents);
    }

    private Placed placed(PDRectangle visible, int rotation, boolean first) throws IOException {
        boolean quarterTurn = rotation == 90 || rotation == 270;
        float width = quarterTurn ? visible.getHeight() : visible.getWidth();
        float height = quarterTurn ? visible.getWidth() : visible.getHeight();
        Layout layout = new Layout(width, height, first);
        Drawn stamp = drawn.get(layout);
        if (stamp == null) {
            stamp = new Drawn(MarksLayout.draw(document, layout, marks, pen),
                    COSName.getPDFName("PortalStamp" + drawn.size()));
            drawn.put(layout, stamp);
        }
        return new Placed(visible, rotation, stamp, PdfBoxStamper.toViewerCoordinates(visible, rotation));
    }

    /** The resources of the forms drawn so far: where the marks' fonts are named. */
    List<PDResources> formResources() {
        return drawn.values().stream().map(d -> d.form().getResources()).toList();
    }

    /** The form's shared name in the page's resources, or a name of its own where that one is taken. */
    private COSName nameIn(PDPage page, Drawn stamp) {
        // the page's own resources read directly (most pages have them); inherited or missing ones through PDFBox
        COSDictionary resources = page.getCOSObject().getCOSDictionary(COSName.RESOURCES);
        if (resources == null) {
            PDResources inherited = page.getResources();
            if (inherited == null) {
                inherited = new PDResources();
                page.setResources(inherited);
            }
            resources = inherited.getCOSObject();
        }
        COSDictionary xObjects = resources.getCOSDictionary(COSName.XOBJECT);
        if (xObjects == null) {
            xObjects = new COSDictionary();
            // inside the page's resources: a new dictionary is otherwise saved as an object of its own (300 more
            // objects to number, write and index for a 300-page report; ADR 0038, third addendum)
            xObjects.setDirect(true);
            resources.setItem(COSName.XOBJECT, xObjects);
        }
        COSBase there = xObjects.getDictionaryObject(stamp.name());
        if (there == null) {
            xObjects.setItem(stamp.name(), stamp.form());
            return stamp.name();
        }
        return there == stamp.form().getCOSObject() ? stamp.name() : new PDResources(resources).add(stamp.form());
    }

    /** Saves the graphics state before the original content: the marks are drawn in the state it started in. */
    private COSStream saveState() throws IOException {
        if (saveState == null) {
            saveState = stream(List.of(Operator.getOperator(OperatorName.SAVE)));
        }
        return saveState;
    }

    private COSStream drawing(COSName name, Matrix toViewer) {
        List<Object> tokens = new ArrayList<>();
        tokens.add(Operator.getOperator(OperatorName.RESTORE));
        tokens.add(Operator.getOperator(OperatorName.SAVE));
        for (float value : matrixValues(toViewer)) {
            tokens.add(new COSFloat(value));
        }
        tokens.add(Operator.getOperator(OperatorName.CONCAT));
        tokens.add(name);
        tokens.add(Operator.getOperator(OperatorName.DRAW_OBJECT));
        tokens.add(Operator.getOperator(OperatorName.RESTORE));
        try {
            return stream(tokens);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uncompressed: a few dozen bytes, not worth a deflater each. */
    private COSStream stream(List<?> tokens) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createOutputStream()) {
            new ContentStreamWriter(out).writeTokens(tokens);
        }
        return stream;
    }

    private static float[] matrixValues(Matrix matrix) {
        return new float[] {matrix.getScaleX(), matrix.getShearY(), matrix.getShearX(), matrix.getScaleY(),
                matrix.getTranslateX(), matrix.getTranslateY()};
    }

    /**
     * The marks as placed on a page of one crop box and turn: the form, the matrix into the reader's view, and the
     * stream that draws the form by its shared name there (made when a page first needs it).
     */
    private final class Placed {
        private final PDRectangle visible;
        private final int rotation;
        private final Drawn stamp;
        private final Matrix toViewer;
        private COSStream sharedDrawing;

        Placed(PDRectangle visible, int rotation, Drawn stamp, Matrix toViewer) {
            this.visible = visible;
            this.rotation = rotation;
            this.stamp = stamp;
            this.toViewer = toViewer;
        }

        boolean shows(PDRectangle box, int turn) {
            return turn == rotation && box.getLowerLeftX() == visible.getLowerLeftX()
                    && box.getLowerLeftY() == visible.getLowerLeftY()
                    && box.getUpperRightX() == visible.getUpperRightX()
                    && box.getUpperRightY() == visible.getUpperRightY();
        }

        COSStream sharedDrawing() {
            if (sharedDrawing == null) {
                sharedDrawing = placed.computeIfAbsent(Placement.of(stamp.name(), toViewer),
                        p -> drawing(stamp.name(), toViewer));
            }
            return sharedDrawing;
        }
    }

    /** A form and the name pages draw it by. */
    private record Drawn(PDFormXObject form, COSName name) {
    }

    /** Which form is drawn, and where: pages that share one share the stream that draws it. */
    private record Placement(COSName name, List<Float> matrix) {
        static Placement of(COSName name, Matrix matrix) {
            float[] v = matrixValues(matrix);
            return new Placement(name, List.of(v[0], v[1], v[2], v[3], v[4], v[5]));
        }
    }
}
