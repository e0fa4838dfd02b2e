package uk.gov.inspectorates.portal.core.report;

import java.io.InputStream;
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
     * Reads the whole document from {@code original} and writes the stamped copy to {@code stamped}.
     *
     * @throws UnstampableDocument when the document cannot be read or stamped; nothing usable has been written
     */
    void stamp(InputStream original, StampMarks marks, OutputStream stamped);

    /** The largest document this stamper takes: it holds the whole document in memory while stamping. */
    long maxDocumentBytes();

    /** The document could not be stamped; it must not be served at all. */
    final class UnstampableDocument extends RuntimeException {
        public UnstampableDocument(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
