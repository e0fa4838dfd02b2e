package uk.gov.inspectorates.portal.core.document;

import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * Wraps and unwraps per-object data keys under the key-encryption key (KEK) of a {@link KeyScope}; the KEKs are in
 * turn wrapped by a master key. The wrapping is bound to the object's identity and to the KEK, so a wrapped key
 * copied onto another object's record, or relabelled with another KEK, does not unwrap.
 */
@PersistencePort
public interface KeyService {

    /** Wraps the data key under the scope's KEK, creating that KEK on first use. */
    WrappedKey wrap(KeyScope scope, byte[] dataKey, String objectId);

    /**
     * @throws IllegalStateException when the key cannot be unwrapped (wrong object or scope, tampered, or the
     *                               scope's KEK destroyed)
     */
    byte[] unwrap(KeyScope scope, WrappedKey wrappedKey, String objectId);

    /**
     * Destroys the scope's KEK for good: its key material is deleted and only a tombstone is kept, so every data key
     * wrapped under it (and so every object of the scope, including copies in backups of the object store) can no
     * longer be decrypted, and the scope cannot be used again. Idempotent.
     *
     * @return true if a live KEK was destroyed by this call
     */
    boolean destroyScope(KeyScope scope);
}
