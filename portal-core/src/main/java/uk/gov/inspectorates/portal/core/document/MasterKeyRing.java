package uk.gov.inspectorates.portal.core.document;

import java.util.Set;

/**
 * The master keys that wrap key-encryption keys, kept outside the database. New wrappings use the current (newest)
 * master key; older ones remain for unwrapping until no key-encryption key is wrapped under them any more.
 */
public interface MasterKeyRing {

    /** The alias of the master key new wrappings use. */
    String currentAlias();

    /** Every master key alias held, current included. */
    Set<String> aliases();

    /** Wraps under the current master key; {@code associatedData} is authenticated and must be given to unwrap. */
    WrappedKey wrap(byte[] key, byte[] associatedData);

    /** @throws IllegalStateException when the master key is unknown or the wrapped key does not authenticate */
    byte[] unwrap(WrappedKey wrapped, byte[] associatedData);
}
