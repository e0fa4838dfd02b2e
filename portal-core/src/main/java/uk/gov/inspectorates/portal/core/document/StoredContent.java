package uk.gov.inspectorates.portal.core.document;

import java.util.Objects;

/**
 * Where and how a document's content is stored: the key scope whose key-encryption key wraps its data key, the
 * opaque object key, its wrapped data key (whose wrapping key id names the KEK), the plaintext size and SHA-256
 * (for manifests and integrity checks) and the stored (ciphertext) size.
 */
public record StoredContent(KeyScope scope, String objectKey, WrappedKey dataKey, long plaintextBytes,
                            long storedBytes, String plaintextSha256) {
    public StoredContent {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(dataKey, "dataKey");
        Objects.requireNonNull(plaintextSha256, "plaintextSha256");
    }
}
