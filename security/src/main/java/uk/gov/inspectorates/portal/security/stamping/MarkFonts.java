package uk.gov.inspectorates.portal.security.stamping;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import uk.gov.inspectorates.portal.core.report.StampMarks;

/**
 * The marks' two fonts built once (per copy made at the same time), not once per copy (ADR 0038, addendum of
 * 2026-12-06 evening): DejaVu Sans and DejaVu Sans Bold cut down to a fixed repertoire (Latin, Latin-1, Latin
 * Extended-A, which covers Welsh, the en dash and the usual punctuation), embedded whole, so no copy subsets a font.
 * The marks are laid out and encoded with these fonts' tables ({@link GlyphTablePen}), the fonts owned by a document
 * of their own; each copy then gets its own clone of the fonts' objects (dictionaries, widths, the already compressed
 * font programs read as they are), which replaces them in the copy's forms. Marks with a character outside the repertoire (a reader's name in
 * another script) are not drawn with these: {@link #covers} says so and the stamper falls back to the whole fonts,
 * subset per copy, as before.
 *
 * <p>One instance is used by one copy at a time (a copy's forms name this instance's font objects until they are
 * handed over, and PDFBox records its own state in those objects): the stamper pools them.
 */
final class MarkFonts {

    /** The characters the built fonts have: printable ASCII, Latin-1, Latin Extended-A, general punctuation, €, ™. */
    static final Set<Integer> REPERTOIRE = repertoire();

    /**
     * The tables a cut font keeps: the outlines, metrics, hinting, names and the character map. Not the layout tables
     * (GSUB, GPOS, GDEF, kern, MATH): the subsetter would copy them as they are, naming glyphs by their numbers in the
     * whole font, so a ligature in a reader's name ("ffi") could be looked up by a number that means another glyph in
     * the cut one. Without GSUB the marks are drawn letter by letter, with no ligature to look up (and laying them out
     * skips PDFBox's GSUB pass, which was most of the time spent drawing the text).
     */
    private static final List<String> KEPT_TABLES = List.of("head", "hhea", "maxp", "loca", "glyf", "hmtx", "cmap",
            "OS/2", "name", "post", "cvt ", "fpgm", "prep", "gasp");

    private final PDType0Font regular;
    private final PDType0Font bold;
    private final GlyphTablePen pen;
    private final Map<COSStream, byte[]> rawStreams = new IdentityHashMap<>();

    private MarkFonts(PDType0Font regular, PDType0Font bold) throws IOException {
        this.regular = regular;
        this.bold = bold;
        this.pen = new GlyphTablePen(regular, bold, REPERTOIRE);
        remember(regular.getCOSObject());
        remember(bold.getCOSObject());
    }

    static MarkFonts build(byte[] regularFile, byte[] boldFile) throws IOException {
        PDDocument owner = new PDDocument(); // lives as long as the fonts: never saved, only read from
        return new MarkFonts(PDType0Font.load(owner, cut(regularFile), false),
                PDType0Font.load(owner, cut(boldFile), false));
    }

    static boolean covers(StampMarks marks) {
        // the handling instructions are wrapped at white space, which is never drawn
        return marks.watermark().codePoints().allMatch(REPERTOIRE::contains)
                && marks.marking().codePoints().allMatch(REPERTOIRE::contains)
                && MarksLayout.WHITE_SPACE.matcher(marks.handlingInstructions()).replaceAll("").codePoints()
                        .allMatch(REPERTOIRE::contains)
                && marks.recipientLine().codePoints().allMatch(REPERTOIRE::contains);
    }

    /** Lays the marks out and writes them with these fonts, named by objects owned by this, never by a copy. */
    MarksLayout.Pen pen() {
        return pen;
    }

    /**
     * Gives the copy's forms the copy's own clones of the fonts: every reference to this instance's fonts in the
     * forms' resources is replaced by a clone made in {@code document} (one per font per copy).
     */
    void handOver(PDDocument document, Iterable<PDResources> formResources) throws IOException {
        Map<COSBase, COSBase> clones = new IdentityHashMap<>();
        for (PDResources resources : formResources) {
            COSDictionary fonts = resources.getCOSObject().getCOSDictionary(COSName.FONT);
            if (fonts == null) {
                continue;
            }
            for (COSName name : fonts.keySet()) {
                COSBase font = fonts.getDictionaryObject(name);
                if (font == regular.getCOSObject() || font == bold.getCOSObject()) {
                    fonts.setItem(name, clone(document, font, clones));
                }
            }
        }
    }

    private COSBase clone(PDDocument document, COSBase value, Map<COSBase, COSBase> clones) throws IOException {
        if (value instanceof COSObject indirect) {
            return clone(document, indirect.getObject(), clones);
        }
        COSBase done = clones.get(value);
        if (done != null) {
            return done;
        }
        if (value instanceof COSStream stream) {
            // the encoded bytes are read where they are (never written to, so every copy may read the one array):
            // copying 46 KB of font programs into each copy's scratch buffers was a tenth of the marks' cost
            byte[] raw = rawStreams.get(stream);
            COSStream copy = new COSStream(null, new RandomAccessReadBuffer(raw).createView(0, raw.length));
            clones.put(value, copy);
            copyEntries(document, stream, copy, clones);
            return copy;
        }
        if (value instanceof COSDictionary dictionary) {
            COSDictionary copy = new COSDictionary();
            clones.put(value, copy);
            copyEntries(document, dictionary, copy, clones);
            return copy;
        }
        if (value instanceof COSArray array) {
            COSArray copy = new COSArray();
            clones.put(value, copy);
            for (int i = 0; i < array.size(); i++) {
                copy.add(clone(document, array.get(i), clones));
            }
            return copy;
        }
        return value; // names, numbers, strings, booleans: PDFBox never changes them in place here
    }

    private void copyEntries(PDDocument document, COSDictionary from, COSDictionary to,
                             Map<COSBase, COSBase> clones) throws IOException {
        for (Map.Entry<COSName, COSBase> entry : from.entrySet()) {
            if (!COSName.LENGTH.equals(entry.getKey())) {
                to.setItem(entry.getKey(), clone(document, entry.getValue(), clones));
            }
        }
    }

    /** Every stream's encoded bytes, read once here: clones copy them without decoding or compressing again. */
    private void remember(COSBase value) throws IOException {
        COSBase direct = value instanceof COSObject indirect ? indirect.getObject() : value;
        if (direct instanceof COSStream stream) {
            if (rawStreams.containsKey(stream)) {
                return;
            }
            try (InputStream in = stream.createRawInputStream()) {
                rawStreams.put(stream, in.readAllBytes());
            }
        }
        if (direct instanceof COSDictionary dictionary) {
            for (COSBase nested : dictionary.getValues()) {
                remember(nested);
            }
        } else if (direct instanceof COSArray array) {
            for (COSBase nested : array) {
                remember(nested);
            }
        }
    }

    private static TrueTypeFont cut(byte[] fontFile) throws IOException {
        TrueTypeFont whole = new TTFParser().parse(new RandomAccessReadBuffer(fontFile));
        TTFSubsetter subsetter = new TTFSubsetter(whole, KEPT_TABLES);
        subsetter.setPrefix("PORTAL+");
        subsetter.addAll(REPERTOIRE);
        ByteArrayOutputStream cut = new ByteArrayOutputStream();
        subsetter.writeToStream(cut);
        whole.close();
        return new TTFParser().parse(new RandomAccessReadBuffer(cut.toByteArray()));
    }

    private static Set<Integer> repertoire() {
        Set<Integer> codePoints = new TreeSet<>();
        IntStream.rangeClosed(0x20, 0x7e).forEach(codePoints::add);
        IntStream.rangeClosed(0xa0, 0x17f).forEach(codePoints::add);
        IntStream.rangeClosed(0x2010, 0x2027).forEach(codePoints::add);
        IntStream.rangeClosed(0x2030, 0x203a).forEach(codePoints::add);
        codePoints.add(0x20ac);
        codePoints.add(0x2122);
        return Set.copyOf(codePoints);
    }
}
