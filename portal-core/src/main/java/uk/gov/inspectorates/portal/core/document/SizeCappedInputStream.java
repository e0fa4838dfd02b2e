package uk.gov.inspectorates.portal.core.document;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails the read that would take the stream past its cap, so an oversized upload stops while streaming. */
final class SizeCappedInputStream extends FilterInputStream {

    static final class CapExceeded extends IOException {
        CapExceeded(long cap) {
            super("more than " + cap + " bytes");
        }
    }

    private final long cap;
    private long count;

    SizeCappedInputStream(InputStream in, long cap) {
        super(in);
        this.cap = cap;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) throws CapExceeded {
        count += n;
        if (count > cap) {
            throw new CapExceeded(cap);
        }
    }
}
