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
