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
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An Ed25519 key pair in a BCFKS keystore of its own (with a self-signed certificate carrying the public half): opened,
 * or (when allowed, outside production) created owner-only. The removal certificates' and the audit checkpoints' keys
 * are each kept this way; in a cluster every node opens the same file.
 */
final class Ed25519Keystore {

    private Ed25519Keystore() {
    }

    /** The key pair under {@code alias}; {@code what} names the keystore in errors, {@code commonName} its certificate. */
    static KeyPair openOrCreate(Path keystore, char[] password, boolean createIfMissing, String alias, String what,
                                String commonName) throws IOException {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("a keystore password is required");
        }
        try {
            if (!Files.exists(keystore)) {
                if (!createIfMissing) {
                    throw new NoSuchFileException(keystore.toString(), null,
                            what + " not found (and creating one was not allowed)");
                }
                create(keystore, password, alias, commonName);
            }
            KeyStore store = KeyStore.getInstance("BCFKS", new BouncyCastleProvider());
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, password);
            }
            PrivateKey key = (PrivateKey) store.getKey(alias, password);
            if (key == null) {
                throw new IOException("the " + what + " " + keystore + " has no entry " + alias);
            }
            return new KeyPair(store.getCertificate(alias).getPublicKey(), key);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot open the " + what + " " + keystore + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path keystore, char[] password, String alias, String commonName)
            throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=" + commonName);
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
        store.setKeyEntry(alias, pair.getPrivate(), password, new java.security.cert.Certificate[] {certificate});
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
}
