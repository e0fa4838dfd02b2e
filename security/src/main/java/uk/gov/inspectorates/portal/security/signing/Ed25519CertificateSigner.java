package uk.gov.inspectorates.portal.security.signing;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.removal.CertificateSigner;
import uk.gov.inspectorates.portal.core.removal.RemovalCertificate;
import uk.gov.inspectorates.portal.core.removal.SignedCertificate;

/**
 * Signs removal certificates with the portal's Ed25519 signing key (docs/adr/0030), held in a BCFKS keystore outside
 * the database (entry {@value #ALIAS}, with a self-signed certificate as BCFKS stores private keys with a chain). The
 * signature is plain Ed25519 over the canonical bytes, so {@code openssl pkeyutl -verify -rawin} checks it with the
 * published key alone. The key id is the first 16 hex digits of the SHA-256 of the public key's encoding.
 */
public final class Ed25519CertificateSigner implements CertificateSigner {

    static final String ALIAS = "removal-certificate-signing";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    Ed25519CertificateSigner(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        try {
            this.keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()))
                    .substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens the signing keystore, or (when allowed) creates it owner-only with a new key pair. In a cluster every node
     * must open the same file: production provides it.
     */
    public static Ed25519CertificateSigner openOrCreate(Path keystore, char[] password, boolean createIfMissing)
            throws IOException {
        KeyPair pair = Ed25519Keystore.openOrCreate(keystore, password, createIfMissing, ALIAS, "signing keystore",
                "Inspectorates portal removal certificates");
        return new Ed25519CertificateSigner(pair.getPrivate(), pair.getPublic());
    }

    @Override
    public SignedCertificate sign(RemovalCertificate certificate) {
        byte[] canonical = CanonicalCertificateJson.of(certificate);
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(canonical);
            return new SignedCertificate(certificate.id(), certificate.removalId(), certificate.inspectionId(),
                    certificate.leadInspectorate(), certificate.participants(), certificate.issuedAt(), canonical,
                    signature.sign(), keyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing a removal certificate failed", e);
        }
    }

    @Override
    public String verificationKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    @Override
    public String keyId() {
        return keyId;
    }
}
