package uk.gov.inspectorates.portal.core.document;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Tees what is read into a scan session, so that the bytes flowing to encryption and storage are scanned in the
 * same pass (no copy, no temp file). A scanner failure fails the read with {@link ScanFailed}, which storage
 * treats like any failed read: the upload is aborted and nothing is left stored.
 */
final class ScanningInputStream extends FilterInputStream {

    /** A read failed because the scanner did; carries the {@link ScanningUnavailable}. */
    static final class ScanFailed extends IOException {
        ScanFailed(ScanningUnavailable cause) {
            super("malware scanning failed mid-stream", cause);
        }

        ScanningUnavailable unavailable() {
            return (ScanningUnavailable) getCause();
        }
    }

    private final ContentScanner.ScanSession session;

    ScanningInputStream(InputStream in, ContentScanner.ScanSession session) {
        super(in);
        this.session = session;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            feed(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            feed(buffer, offset, n);
        }
        return n;
    }

    /** Skipped bytes would go unscanned: they are read (and scanned) instead. */
    @Override
    public long skip(long n) throws IOException {
        byte[] discard = new byte[(int) Math.min(8192, Math.max(0, n))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(discard, 0, (int) Math.min(discard.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readLimit) {
        // not supported: a reset would feed bytes to the scanner twice
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void feed(byte[] bytes, int offset, int length) throws ScanFailed {
        try {
            session.feed(bytes, offset, length);
        } catch (ScanningUnavailable e) {
            throw new ScanFailed(e);
        }
    }
}
