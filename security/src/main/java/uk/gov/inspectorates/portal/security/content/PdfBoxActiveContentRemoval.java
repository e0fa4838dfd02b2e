package uk.gov.inspectorates.portal.security.content;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Takes out of a loaded PDF whatever {@link PdfBoxActiveContent} would find (docs/adr/0018), before a copy is saved:
 * the backstop for documents stored before active content was refused at upload. Intake refuses such files, so for
 * anything uploaded since this changes nothing; it never adds anything, and a full save afterwards drops the objects
 * it made unreachable (scripts, embedded files).
 */
public final class PdfBoxActiveContentRemoval {

    private static final List<COSName> KEYS = List.of(COSName.getPDFName("JS"), COSName.getPDFName("XFA"),
            COSName.getPDFName("EF"), COSName.AA, COSName.getPDFName("RichMediaContent"),
            COSName.getPDFName("3DD"), COSName.getPDFName("Movie"), COSName.getPDFName("Sound"));
    private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");
    private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
    private static final int MAX_DEPTH = 64;

    private PdfBoxActiveContentRemoval() {
    }

    /** Removes active content in place; returns how many entries were removed (0 for a clean document). */
    public static int remove(PDDocument document) {
        int removed = 0;
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        if (catalog.getDictionaryObject(COSName.OPEN_ACTION) instanceof COSDictionary action
                && (PdfBoxActiveContent.activeAction(action) || action.containsKey(KEYS.get(0)))) {
            catalog.removeItem(COSName.OPEN_ACTION); // a GoTo, or a destination array, only moves the view: kept
            removed++;
        }
        if (catalog.getDictionaryObject(COSName.NAMES) instanceof COSDictionary names) {
            for (COSName tree : List.of(JAVASCRIPT, EMBEDDED_FILES)) {
                if (names.containsKey(tree)) {
                    names.removeItem(tree);
                    removed++;
                }
            }
        }
        List<COSBase> objects = new ArrayList<>();
        objects.add(document.getDocument().getTrailer());
        for (COSObjectKey key : new ArrayList<>(document.getDocument().getXrefTable().keySet())) {
            objects.add(document.getDocument().getObjectFromPool(key).getObject());
        }
        for (COSBase object : objects) {
            removed += clean(object, 0);
        }
        return removed;
    }

    private static int clean(COSBase value, int depth) {
        if (value == null || value instanceof COSObject || depth > MAX_DEPTH) {
            return 0;
        }
        int removed = 0;
        if (value instanceof COSDictionary dictionary) {
            removed += cleanDictionary(dictionary);
            for (COSBase nested : new ArrayList<>(dictionary.getValues())) {
                removed += clean(nested, depth + 1);
            }
        } else if (value instanceof COSArray array) {
            for (COSBase nested : array) {
                removed += clean(nested, depth + 1);
            }
        }
        return removed;
    }

    private static int cleanDictionary(COSDictionary dictionary) {
        int removed = 0;
        for (COSName key : KEYS) {
            if (dictionary.containsKey(key)) {
                dictionary.removeItem(key);
                removed++;
            }
        }
        if (PdfBoxActiveContent.activeAction(dictionary)) {
            // what is left of an action that did something outside the page does nothing
            for (COSName key : new ArrayList<>(dictionary.keySet())) {
                if (!COSName.TYPE.equals(key)) {
                    dictionary.removeItem(key);
                }
            }
            removed++;
        }
        if (PdfBoxActiveContent.activeAnnotation(dictionary)) {
            // kept as a hidden note so that the page's list of annotations stays as it was
            dictionary.setItem(COSName.SUBTYPE, COSName.getPDFName("Text"));
            dictionary.removeItem(COSName.FS);
            dictionary.setInt(COSName.F, 2);
            removed++;
        }
        if (dictionary.containsKey(COSName.A) && dictionary.getDictionaryObject(COSName.A) instanceof COSDictionary a
                && PdfBoxActiveContent.activeAction(a)) {
            dictionary.removeItem(COSName.A);
            removed++;
        }
        return removed;
    }

}
