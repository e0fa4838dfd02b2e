package uk.gov.inspectorates.portal.core.removal;

/**
 * Signs removal certificates with the portal's signing key (a port: the key lives in a keystore outside the database).
 * The canonical form is fixed, so that anyone holding the published verification key can check the bytes served.
 */
public interface CertificateSigner {

    /** The certificate's canonical bytes and their signature. */
    SignedCertificate sign(RemovalCertificate certificate);

    /** The public verification key, PEM (SubjectPublicKeyInfo). */
    String verificationKeyPem();

    String keyId();
}
