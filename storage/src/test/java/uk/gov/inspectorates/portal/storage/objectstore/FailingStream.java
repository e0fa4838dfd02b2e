package uk.gov.inspectorates.portal.storage.objectstore;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Yields {@code bytes} filler bytes, then throws the given exception (an upload aborted midway). */
public final class FailingStream extends InputStream {

    private final IOException failure;
    private final byte filler;
    private final Runnable beforeFailure;
    private long remaining;

    public FailingStream(long bytes, IOException failure) {
        this(bytes, failure, (byte) 'x', () -> { });
    }

    /** {@code beforeFailure} runs once, just before the exception is thrown (to look at the upload in flight). */
    public FailingStream(long bytes, IOException failure, byte filler, Runnable beforeFailure) {
        this.remaining = bytes;
        this.failure = failure;
        this.filler = filler;
        this.beforeFailure = beforeFailure;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (remaining == 0) {
            beforeFailure.run();
            throw failure;
        }
        int n = (int) Math.min(len, remaining);
        Arrays.fill(b, off, off + n, filler);
        remaining -= n;
        return n;
    }
}
