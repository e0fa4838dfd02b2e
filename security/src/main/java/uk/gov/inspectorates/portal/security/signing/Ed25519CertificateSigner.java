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
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
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
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("a keystore password is required");
        }
        try {
            if (!Files.exists(keystore)) {
                if (!createIfMissing) {
                    throw new NoSuchFileException(keystore.toString(), null,
                            "signing keystore not found (and creating one was not allowed)");
                }
                create(keystore, password);
            }
            KeyStore store = KeyStore.getInstance("BCFKS", new BouncyCastleProvider());
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, password);
            }
            PrivateKey key = (PrivateKey) store.getKey(ALIAS, password);
            if (key == null) {
                throw new IOException("the signing keystore " + keystore + " has no entry " + ALIAS);
            }
            return new Ed25519CertificateSigner(key, store.getCertificate(ALIAS).getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot open the signing keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path keystore, char[] password) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=Inspectorates portal removal certificates");
        X509Certificate certificate;
        try {
            certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()), Date.from(now), Date.from(now.plus(3650, ChronoUnit.DAYS)),
                    name, pair.getPublic()).build(new JcaContentSignerBuilder("Ed25519").build(pair.getPrivate())));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
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
