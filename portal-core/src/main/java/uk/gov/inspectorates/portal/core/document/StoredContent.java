package uk.gov.inspectorates.portal.core.document;

import java.util.Objects;

/**
 * Where and how a document's content is stored: the opaque object key, its wrapped data key, the plaintext
 * size and SHA-256 (for manifests and integrity checks) and the stored (ciphertext) size.
 */
public record StoredContent(String objectKey, WrappedKey dataKey, long plaintextBytes, long storedBytes,
                            String plaintextSha256) {
    public StoredContent {
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(dataKey, "dataKey");
        Objects.requireNonNull(plaintextSha256, "plaintextSha256");
    }
}
