package uk.gov.inspectorates.portal.core.document;

/**
 * Wraps and unwraps per-object data keys. The wrapping is bound to the object's identity, so a wrapped key
 * copied onto another object's record does not unwrap.
 */
public interface KeyService {

    WrappedKey wrap(byte[] dataKey, String objectId);

    /** @throws IllegalStateException when the key cannot be unwrapped (wrong object, tampered, key destroyed) */
    byte[] unwrap(WrappedKey wrappedKey, String objectId);
}
