package uk.gov.inspectorates.portal.core.document;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * Where stored bytes live (an S3-compatible bucket in production). It sees only ciphertext: callers encrypt
 * before {@link #put} and decrypt after {@link #get}. Keys are opaque and reveal nothing about the document.
 */
@PersistencePort
public interface ObjectStore {

    /**
     * Stores the stream under the key. {@code length} is the exact byte count, or -1 when unknown.
     * If reading {@code content} fails, the exception propagates and nothing is left under the key.
     */
    void put(String key, InputStream content, long length) throws IOException;

    InputStream get(String key) throws IOException;

    /**
     * Bytes {@code [offset, offset + length)} of the object, or from {@code offset} to its end when {@code length} is
     * -1 (a resumed download need not fetch what it skips). By default the whole object is read and the bytes before
     * {@code offset} dropped; a store that can answer ranged reads does so.
     */
    default InputStream get(String key, long offset, long length) throws IOException {
        InputStream in = get(key);
        try {
            in.skipNBytes(offset);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return length < 0 ? in : new java.io.FilterInputStream(in) {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left == 0) {
                    return -1;
                }
                int b = super.read();
                left -= b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left == 0) {
                    return len == 0 ? 0 : -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                left -= Math.max(n, 0);
                return n;
            }
        };
    }

    void delete(String key) throws IOException;

    /** Every key in the store (for sweeps and tests; not for request paths). */
    List<String> keys() throws IOException;

    /** A stored object as listed: its key and when it was last written (by the store's clock). */
    record Listed(String key, Instant lastModified) {
    }

    /** Every object with its last-modified time (for the orphan sweep; not for request paths). */
    List<Listed> list() throws IOException;

    /** Throws when the store does not answer; used by readiness checks. */
    void checkReachable() throws IOException;
}
