package uk.gov.inspectorates.portal.security.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
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
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("a keystore password is required");
        }
        try {
            if (!Files.exists(keystore)) {
                if (!createIfMissing) {
                    throw new NoSuchFileException(keystore.toString(), null,
                            "audit signing keystore not found (and creating one was not allowed)");
                }
                create(keystore, password);
            }
            KeyStore store = KeyStore.getInstance("BCFKS", new BouncyCastleProvider());
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, password);
            }
            PrivateKey key = (PrivateKey) store.getKey(ALIAS, password);
            if (key == null) {
                throw new IOException("the audit signing keystore " + keystore + " has no entry " + ALIAS);
            }
            return new Ed25519CheckpointSigner(key, store.getCertificate(ALIAS).getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot open the audit signing keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path keystore, char[] password) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=Inspectorates portal audit checkpoints");
        X509Certificate certificate;
        try {
            certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()), Date.from(now), Date.from(now.plus(3650, ChronoUnit.DAYS)),
                    name, pair.getPublic()).build(new JcaContentSignerBuilder("Ed25519").build(pair.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
        KeyStore store = KeyStore.getInstance("BCFKS", new BouncyCastleProvider());
        store.load(null, null);
        store.setKeyEntry(ALIAS, pair.getPrivate(), password, new java.security.cert.Certificate[] {certificate});
        Path parent = keystore.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.createFile(keystore, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(keystore, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            store.store(out, password);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            Files.deleteIfExists(keystore);
            throw e;
        }
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
