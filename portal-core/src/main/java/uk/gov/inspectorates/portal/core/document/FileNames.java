package uk.gov.inspectorates.portal.core.document;

import java.nio.charset.StandardCharsets;

/**
 * The one normalisation of a file name as a sender declares it (docs/adr/0019), applied by intake to every upload
 * path before the name is used, stored or returned: only the last path element (after the last {@code /} or
 * {@code \}), without control characters (C0, DEL, C1), bidirectional formatting characters (U+061C, U+200E/F,
 * U+202A-202E, U+2066-2069), line and paragraph separators or unpaired surrogates, trimmed, and at most
 * {@link #MAX_BYTES} bytes of UTF-8 with its extension kept. A name with nothing left is refused.
 */
public final class FileNames {

    /** What common file systems allow for one name (ext4, NTFS in UTF-16 is more, S3 keys are not names). */
    public static final int MAX_BYTES = 255;
    /** An extension longer than this is not kept whole when a name is shortened: it is part of the name. */
    static final int MAX_EXTENSION_CHARS = 16;

    private FileNames() {
    }

    /** The name to keep; @throws UploadRejected (reason FILE_NAME) when nothing usable is left */
    public static String normalise(String declared) {
        String name = declared == null ? "" : declared;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (!unwanted(c)) {
                kept.appendCodePoint(c);
            }
        }
        String cleaned = kept.toString().strip();
        if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
            throw new UploadRejected(UploadRejected.Reason.FILE_NAME,
                    "The file name has no usable characters once folder names and control characters are removed."
                            + " Rename the file and upload it again",
                    "file name unusable (" + name.length() + " characters)");
        }
        return shortened(cleaned);
    }

    static boolean unwanted(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029
                || (c >= 0xD800 && c <= 0xDFFF); // unpaired: codePointAt returns a lone surrogate as itself
    }

    /** At most MAX_BYTES of UTF-8, cut at a character boundary, the extension (if short) kept whole. */
    private static String shortened(String name) {
        if (utf8Length(name) <= MAX_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot - 1 <= MAX_EXTENSION_CHARS ? name.substring(dot) : "";
        String base = extension.isEmpty() ? name : name.substring(0, dot);
        int budget = MAX_BYTES - utf8Length(extension);
        StringBuilder cut = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < base.length(); ) {
            int c = base.codePointAt(i);
            int size = utf8Length(new String(Character.toChars(c)));
            if (bytes + size > budget) {
                break;
            }
            cut.appendCodePoint(c);
            bytes += size;
            i += Character.charCount(c);
        }
        return cut.toString().strip() + extension;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
