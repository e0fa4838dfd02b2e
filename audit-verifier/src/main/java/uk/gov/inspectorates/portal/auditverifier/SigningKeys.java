package uk.gov.inspectorates.portal.auditverifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The audit signing key's public half as a verifier holds it: read from PEM (SubjectPublicKeyInfo, Ed25519), its key
 * id (the first 16 hex digits of SHA-256 over the key's encoding), and checking a checkpoint's signature.
 */
public final class SigningKeys {

    private SigningKeys() {
    }

    public static PublicKey fromPem(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in PEM (BEGIN PUBLIC KEY): "
                    + e.getMessage(), e);
        }
    }

    public static String toPem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()))
                    .substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the checkpoint names this key and its signature over its payload verifies with it. */
    public static boolean verifies(PublicKey key, Checkpoint checkpoint) {
        if (!keyId(key).equals(checkpoint.keyId())) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(checkpoint.payload());
            return signature.verify(checkpoint.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
