package uk.gov.inspectorates.portal.core.document;

import java.io.IOException;
import java.io.InputStream;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * Keeps document content encrypted at rest: each document under a fresh data key, in authenticated segments.
 */
@PersistencePort
public interface DocumentStore {

    /**
     * Encrypts and stores the plaintext as it streams in, its data key wrapped under the scope's key-encryption key.
     * If reading the plaintext fails (too large, client gone) the exception propagates and no byte of the document
     * remains stored.
     */
    StoredContent store(KeyScope scope, InputStream plaintext) throws IOException;

    /**
     * The plaintext, decrypted as it is read; every segment is authenticated before any of its bytes are returned,
     * and a tampered or truncated object makes the read fail with an {@link IOException}.
     */
    InputStream open(StoredContent content) throws IOException;

    /**
     * The plaintext from byte {@code from} on (a resumed download), with the same guarantees for every byte returned.
     * By default the bytes before are decrypted and dropped; a store that can start at the segment holding
     * {@code from} does so, without fetching or decrypting what is skipped.
     */
    default InputStream open(StoredContent content, long from) throws IOException {
        InputStream in = open(content);
        try {
            in.skipNBytes(from);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return in;
    }

    /** Deletes the stored object; deleting one that is already gone is not an error. */
    void delete(StoredContent content) throws IOException;
}
