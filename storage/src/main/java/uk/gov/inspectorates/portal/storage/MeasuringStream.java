package uk.gov.inspectorates.portal.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Counts the bytes read through it and, when given a digest, hashes them. */
final class MeasuringStream extends FilterInputStream {

    private final MessageDigest digest;
    private long count;

    MeasuringStream(InputStream in, MessageDigest digest) {
        super(in);
        this.digest = digest;
    }

    long count() {
        return count;
    }

    String hexDigest() {
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b != -1) {
            count++;
            if (digest != null) {
                digest.update((byte) b);
            }
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            count += n;
            if (digest != null) {
                digest.update(b, off, n);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) {
        return 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
