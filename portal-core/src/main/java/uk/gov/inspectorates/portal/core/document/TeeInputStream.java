package uk.gov.inspectorates.portal.core.document;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Hands every byte read to each listener, in order, exactly once (skips are read, not skipped). */
final class TeeInputStream extends FilterInputStream {

    @FunctionalInterface
    interface Listener {
        /** A listener's failure fails the read. */
        void bytes(byte[] bytes, int offset, int length) throws IOException;
    }

    private final List<Listener> listeners;

    TeeInputStream(InputStream in, List<Listener> listeners) {
        super(in);
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            tell(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            tell(buffer, offset, n);
        }
        return n;
    }

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
        // a reset would tell the listeners the same bytes twice
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void tell(byte[] bytes, int offset, int length) throws IOException {
        for (Listener listener : listeners) {
            listener.bytes(bytes, offset, length);
        }
    }
}
