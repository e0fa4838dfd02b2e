package uk.gov.inspectorates.portal.core.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Makes the stamped copy of an embargoed document as it is served: the pre-publication watermark across every
 * page, the classification marking at the top and bottom of every page, the handling instructions on the first
 * page and the recipient line that names the reader. The copy is never stored.
 *
 * <p>Guarantees: the output is a complete rewrite of the document (never an incremental update, which would keep
 * the original unstamped bytes at its front); no byte of the input or output is written to disk. Not guaranteed:
 * that a determined reader cannot remove the marks from their copy; the recipient line is there so that a leaked
 * page names its reader.
 */
public interface Stamper {

    /**
     * Marks every page of the whole document in {@code original}; the copy is written out later, by
     * {@link StampedCopy#writeTo}, as it is produced. Everything that can refuse the document happens here, before a
     * byte of the copy exists. The array is the stamper's until the copy is closed: it is read where it is, never
     * copied (the store decrypts into it, ADR 0038), so the caller must neither change nor reuse it meanwhile. The
     * stamper never changes it.
     *
     * @throws UnstampableDocument when the document cannot be read or stamped
     */
    StampedCopy stamped(byte[] original, StampMarks marks);

    /**
     * Stamps the document and writes the whole copy to {@code stamped} at once.
     *
     * @throws UnstampableDocument when the document cannot be read, stamped or written; nothing usable has been
     *                             written
     */
    default void stamp(byte[] original, StampMarks marks, OutputStream stamped) {
        try (StampedCopy copy = stamped(original, marks)) {
            copy.writeTo(stamped);
        } catch (IOException e) {
            throw new UnstampableDocument("The stamped copy could not be written: " + e.getMessage(), e);
        }
    }

    /** The largest document this stamper takes: it holds the whole document in memory until the copy is written. */
    long maxDocumentBytes();

    /** The document could not be stamped; it must not be served at all. */
    final class UnstampableDocument extends RuntimeException {
        public UnstampableDocument(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
