package uk.gov.inspectorates.portal.storage.objectstore;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Remembers the first exception thrown while reading the wrapped stream, so that it can be rethrown unchanged
 * after the SDK has wrapped it (callers rely on their own exception, e.g. a size cap, reaching them).
 */
final class RecordingStream extends FilterInputStream {

    private Throwable failure;

    RecordingStream(InputStream in) {
        super(in);
    }

    Throwable failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException | RuntimeException | Error e) {
            record(e);
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (IOException | RuntimeException | Error e) {
            record(e);
            throw e;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException | RuntimeException | Error e) {
            record(e);
            throw e;
        }
    }

    private void record(Throwable e) {
        if (failure == null) {
            failure = e;
        }
    }
}
