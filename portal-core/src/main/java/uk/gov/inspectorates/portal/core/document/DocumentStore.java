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

    /** Deletes the stored object; deleting one that is already gone is not an error. */
    void delete(StoredContent content) throws IOException;
}
