package uk.gov.inspectorates.portal.core.document;

import java.io.IOException;
import java.util.List;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * An object written in parts over many requests (S3 multipart upload): parts may arrive in any order and be sent
 * again; nothing is visible under the key until {@link #completeParts}. Like {@link ObjectStore}, it sees only
 * ciphertext.
 */
@PersistencePort
public interface ObjectParts {

    /** Starts an object in parts under the key; returns the store's id for it. */
    String startParts(String key) throws IOException;

    /** Stores part {@code number} (1-based) of exactly these bytes, replacing an earlier copy; returns its tag. */
    String putPart(String key, String partsId, int number, byte[] bytes, int length) throws IOException;

    /** Makes the object from its parts, in order of their tags (part 1 first). */
    void completeParts(String key, String partsId, List<String> tags) throws IOException;

    /** Drops the parts received so far; dropping parts already dropped or completed is not an error. */
    void abortParts(String key, String partsId) throws IOException;
}
