package uk.gov.inspectorates.portal.core.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A stamped copy, every page already marked, held in memory until it is written out once to whoever serves it:
 * it is written as it is produced, so it is never held a second time as bytes. Closing it gives back its memory (and
 * its share of the stamping budget); close it whether or not it was written.
 */
public interface StampedCopy extends AutoCloseable {

    /**
     * Writes the whole copy. It may fail part way, with part of the copy written: the caller must then abort what it
     * is serving (an incomplete body), never complete it.
     */
    void writeTo(OutputStream out) throws IOException;

    @Override
    void close();
}
