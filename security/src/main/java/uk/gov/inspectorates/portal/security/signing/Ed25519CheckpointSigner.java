package uk.gov.inspectorates.portal.security.signing;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;
import uk.gov.inspectorates.portal.auditverifier.SigningKeys;
import uk.gov.inspectorates.portal.core.audit.CheckpointSigner;

/**
 * Signs the audit trail's checkpoints with a dedicated Ed25519 key (docs/adr/0031), held in a BCFKS keystore outside
 * the database (entry {@value #ALIAS}, with a self-signed certificate as BCFKS keeps private keys with a chain): not the
 * removal certificates' key, so either can be rotated or revoked alone. Created on first start outside production;
 * production provides the file (every node of a cluster the same). The signature is plain Ed25519 over the payload,
 * so audit-verifier's tool and {@code openssl pkeyutl -verify -rawin} both check it with the published key alone.
 */
public final class Ed25519CheckpointSigner implements CheckpointSigner {

    static final String ALIAS = "audit-checkpoint-signing";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    Ed25519CheckpointSigner(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.keyId = SigningKeys.keyId(publicKey);
    }

    public static Ed25519CheckpointSigner openOrCreate(Path keystore, char[] password, boolean createIfMissing)
            throws IOException {
        KeyPair pair = Ed25519Keystore.openOrCreate(keystore, password, createIfMissing, ALIAS, "audit signing keystore",
                "Inspectorates portal audit checkpoints");
        return new Ed25519CheckpointSigner(pair.getPrivate(), pair.getPublic());
    }

    @Override
    public byte[] sign(byte[] payload) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(payload);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing an audit checkpoint failed", e);
        }
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public String verificationKeyPem() {
        return SigningKeys.toPem(publicKey);
    }
}
