package uk.gov.inspectorates.portal.core.document;

/**
 * Scans content for malware as it streams past (clamd in production). A scan is a session: the intake feeds it
 * every byte of the file, in order, exactly once, in the same pass that encrypts the bytes into storage, then asks
 * for the {@link ScanVerdict}. Any failure of the scanner (not reachable, connection lost, timeout, an error reply)
 * is a {@link ScanningUnavailable}: a file is never accepted unscanned.
 */
public interface ContentScanner {

    /** Opens a scan session. @throws ScanningUnavailable when the scanner cannot be reached */
    ScanSession start();

    /**
     * Opens a scan session for a file of the type detected from its first bytes, before any byte is scanned: a
     * scanner may scan some types differently (docs/adr/0036: containers whole, others in parallel windows).
     * @throws ScanningUnavailable when the scanner cannot be reached
     * @throws ScanningBusy when the scanner's queue stays full
     */
    default ScanSession start(String detectedType) {
        return start();
    }

    /**
     * A second scan of a file whose first scan ran out of time ({@link ScanVerdict.Finding#TIMED_OUT}), its bytes
     * read back from storage; it may wait longer for room, and a second time-out is {@link ScanningBusy}.
     */
    default ScanSession rescan(String detectedType) {
        return start(detectedType);
    }

    /** Throws {@link ScanningUnavailable} unless the scanner answers; used by readiness checks. */
    void checkAvailable();

    /** One file's scan. Not thread-safe; {@link #close()} abandons a scan that has no verdict yet. */
    interface ScanSession extends AutoCloseable {

        /** Passes the next bytes of the file to the scanner. @throws ScanningUnavailable when that fails */
        void feed(byte[] bytes, int offset, int length);

        /** Ends the file and waits for the scanner's verdict. @throws ScanningUnavailable when there is none */
        ScanVerdict verdict();

        @Override
        void close();
    }
}
