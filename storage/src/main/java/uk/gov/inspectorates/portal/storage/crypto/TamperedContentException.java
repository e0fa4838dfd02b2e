package uk.gov.inspectorates.portal.storage.crypto;

import java.io.IOException;

/**
 * Stored ciphertext failed authentication: altered, truncated, extended, reordered, bound to another object, or
 * decrypted with the wrong key. No byte of the failing segment has been released.
 */
public class TamperedContentException extends IOException {

    public TamperedContentException(String message) {
        super(message);
    }

    public TamperedContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
