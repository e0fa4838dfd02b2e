package uk.gov.inspectorates.portal.security.content;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Finds active content in a PDF (docs/adr/0018): anything a reader's PDF viewer could run, launch or hand out
 * beyond the page itself. It does not follow the document's structure from the catalog (where a hostile file can
 * hide things in places a walk forgets); it visits <em>every</em> object in the cross-reference table, compressed
 * object streams included, and every dictionary nested in one, and names the first thing found:
 * <ul>
 * <li>JavaScript: a {@code /JS} entry, or an action of type {@code /JavaScript} (document-level scripts, OpenAction,
 * additional actions (/AA) of the document, pages, annotations and fields, bookmarks: wherever the action hangs);</li>
 * <li>actions that leave the document or act on the reader's machine: {@code /Launch}, {@code /GoToR},
 * {@code /GoToE}, {@code /ImportData}, {@code /SubmitForm}, {@code /RichMediaExecute}, multimedia
 * ({@code /Rendition}, {@code /Movie}, {@code /Sound}); a {@code /URI} action to anything but http, https or
 * mailto (file:, smb:, javascript:...);</li>
 * <li>embedded files: an embedded-file stream, a file specification with {@code /EF}, a FileAttachment
 * annotation;</li>
 * <li>XFA forms ({@code /XFA}); RichMedia, 3D, Screen, Movie and Sound annotations.</li>
 * </ul>
 * Links to web pages and moves within the document (GoTo, Named actions) are not active content. The document is
 * parsed in memory only ({@link IOUtils#createMemoryOnlyStreamCache()}); stream contents are not decoded.
 */
final class PdfBoxActiveContent {

    private static final COSName JS = COSName.getPDFName("JS");
    private static final COSName XFA = COSName.getPDFName("XFA");
    private static final COSName EF = COSName.getPDFName("EF");
    private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");
    private static final int MAX_DEPTH = 64;

    /** Action types (the /S of an action) that are active content, with what the refusal calls them. */
    private static final Map<String, String> ACTIONS = Map.of(
            "JavaScript", "JavaScript",
            "Launch", "an action that launches a program",
            "GoToR", "a link that opens another file",
            "GoToE", "a link into an embedded file",
            "ImportData", "an action that imports data",
            "SubmitForm", "a form that submits data",
            "RichMediaExecute", "multimedia (RichMedia)",
            "Rendition", "multimedia (a rendition)",
            "Movie", "multimedia (a movie)",
            "Sound", "multimedia (a sound)");

    private static final Map<String, String> ANNOTATIONS = Map.of(
            "FileAttachment", "an attached file",
            "RichMedia", "multimedia (RichMedia)",
            "3D", "a 3D model",
            "Screen", "multimedia (a screen annotation)",
            "Movie", "multimedia (a movie)",
            "Sound", "multimedia (a sound)");

    private static final Set<String> SAFE_URI_SCHEMES = Set.of("http", "https", "mailto");

    private PdfBoxActiveContent() {
    }

    /** What a PDF says it is: readable or not, and the first active content found. */
    sealed interface Finding permits Clean, Active, Unreadable, PasswordNeeded {
    }

    record Clean() implements Finding {
    }

    /** @param what a phrase for the sender ("JavaScript") @param where the object, for the audit trail */
    record Active(String what, String where) implements Finding {
    }

    record Unreadable(String why) implements Finding {
    }

    record PasswordNeeded() implements Finding {
    }

    static Finding inspect(InputStream pdf) {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(pdf), "", null, null,
                IOUtils.createMemoryOnlyStreamCache())) {
            return firstActive(document).<Finding>map(found -> found).orElse(new Clean());
        } catch (InvalidPasswordException e) {
            return new PasswordNeeded();
        } catch (IOException | RuntimeException e) {
            return new Unreadable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Optional<Active> firstActive(PDDocument document) throws IOException {
        Optional<Active> inTrailer = walk(document.getDocument().getTrailer(), "trailer", 0);
        if (inTrailer.isPresent()) {
            return inTrailer;
        }
        Set<COSObjectKey> keys = new HashSet<>(document.getDocument().getXrefTable().keySet());
        for (COSObjectKey key : keys) {
            COSObject object = document.getDocument().getObjectFromPool(key);
            Optional<Active> found = walk(object.getObject(), "object " + key.getNumber(), 0);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Direct values only: an indirect reference is an object of the table, visited in its own turn. */
    private static Optional<Active> walk(COSBase value, String where, int depth) {
        if (value == null || value instanceof COSObject || depth > MAX_DEPTH) {
            return Optional.empty();
        }
        if (value instanceof COSDictionary dictionary) {
            Optional<Active> here = activeIn(dictionary, where);
            if (here.isPresent()) {
                return here;
            }
            for (COSBase nested : dictionary.getValues()) {
                Optional<Active> found = walk(nested, where, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (value instanceof COSArray array) {
            for (COSBase nested : array) {
                Optional<Active> found = walk(nested, where, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Active> activeIn(COSDictionary dictionary, String where) {
        if (dictionary.containsKey(JS)) {
            return Optional.of(new Active("JavaScript", where));
        }
        if (dictionary.containsKey(XFA)) {
            return Optional.of(new Active("an XFA form", where));
        }
        if (dictionary.containsKey(EF) || EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE))) {
            return Optional.of(new Active("an embedded file", where));
        }
        COSName subtype = dictionary.getCOSName(COSName.SUBTYPE);
        if (subtype != null && ANNOTATIONS.containsKey(subtype.getName())
                && (dictionary.containsKey(COSName.RECT) || COSName.ANNOT.equals(dictionary.getCOSName(COSName.TYPE)))) {
            return Optional.of(new Active(ANNOTATIONS.get(subtype.getName()), where));
        }
        COSName action = dictionary.getCOSName(COSName.S);
        if (action != null && ACTIONS.containsKey(action.getName())) {
            return Optional.of(new Active(ACTIONS.get(action.getName()), where));
        }
        if (COSName.URI.equals(action) && dictionary.getDictionaryObject(COSName.URI) instanceof COSString uri
                && !SAFE_URI_SCHEMES.contains(scheme(uri.getString()))) {
            return Optional.of(new Active("a link to a file or a program (" + scheme(uri.getString()) + ")", where));
        }
        return Optional.empty();
    }

    static String scheme(String uri) {
        String trimmed = uri.strip();
        int colon = trimmed.indexOf(':');
        return colon <= 0 ? "relative" : trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
    }
}
