package uk.gov.inspectorates.portal.core.document;

import java.util.Arrays;
import java.util.Objects;

/** A data key encrypted ("wrapped") under a key-encryption key named by {@code wrappingKeyId}. */
public record WrappedKey(String wrappingKeyId, byte[] ciphertext) {

    public WrappedKey {
        Objects.requireNonNull(wrappingKeyId, "wrappingKeyId");
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrappedKey that
                && wrappingKeyId.equals(that.wrappingKeyId)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * wrappingKeyId.hashCode() + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "WrappedKey[" + wrappingKeyId + ", " + ciphertext.length + " bytes]";
    }
}
