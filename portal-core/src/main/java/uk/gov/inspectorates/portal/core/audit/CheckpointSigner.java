package uk.gov.inspectorates.portal.core.audit;

/**
 * Signs checkpoints with the dedicated audit signing key, whose private half lives in a keystore outside the database
 * (a port). Verifiers need only {@link #verificationKeyPem()}.
 */
public interface CheckpointSigner {

    /** The Ed25519 signature over the payload's bytes. */
    byte[] sign(byte[] payload);

    /** The first 16 hex digits of SHA-256 over the public key's encoding. */
    String keyId();

    /** The public key, PEM (SubjectPublicKeyInfo). */
    String verificationKeyPem();
}
