package uk.gov.inspectorates.portal.security.keystore;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Enumeration;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A signing key and its certificate read from files: a PKCS#12 keystore, or a PEM private key (PKCS#8) with a PEM
 * certificate. For local runs and tests only, {@link #generateIfMissing} makes an RSA key pair and a self-signed
 * certificate (owner-only files); production brings its own.
 */
public record SigningKeyFiles(PrivateKey privateKey, X509Certificate certificate) {

    public static final String KEY_FILE = "signing-key.pem";
    public static final String CERTIFICATE_FILE = "signing-certificate.pem";

    /**
     * @param keyFile     a {@code .p12}/{@code .pfx} keystore (its first key entry), or a PEM PKCS#8 private key
     * @param certificate the PEM certificate; ignored for a keystore, which holds its own
     * @param password    the keystore's password; ignored for PEM
     */
    public static SigningKeyFiles read(Path keyFile, Path certificate, char[] password) throws IOException {
        String name = keyFile.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".p12") || name.endsWith(".pfx")) {
                return fromKeystore(keyFile, password);
            }
            if (certificate == null) {
                throw new IOException("a PEM signing key needs its certificate file too");
            }
            return new SigningKeyFiles(pemPrivateKey(keyFile), pemCertificate(certificate));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the signing key " + keyFile + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code signing-key.pem} and {@code signing-certificate.pem} of the folder, making them first if absent. */
    public static SigningKeyFiles generateIfMissing(Path folder, String subjectName) throws IOException {
        Path key = folder.resolve(KEY_FILE);
        Path certificate = folder.resolve(CERTIFICATE_FILE);
        if (!Files.isRegularFile(key) || !Files.isRegularFile(certificate)) {
            generate(key, certificate, subjectName);
        }
        return read(key, certificate, null);
    }

    /** The certificate as base64 DER, without PEM armour (as SAML metadata and identity provider consoles take it). */
    public String certificateBase64() {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void generate(Path key, Path certificate, String subjectName) throws IOException {
        Files.createDirectories(key.getParent());
        Files.setPosixFilePermissions(key.getParent(), PosixFilePermissions.fromString("rwx------"));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name subject = new X500Name("CN=" + subjectName.replaceAll("[,=+<>#;\"\\\\]", " "));
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(128, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(3650))), subject, pair.getPublic());
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            writeOwnerOnly(key, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            writeOwnerOnly(certificate, pem("CERTIFICATE", cert.getEncoded()));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot generate a signing key: " + e.getMessage(), e);
        }
    }

    private static SigningKeyFiles fromKeystore(Path file, char[] password) throws IOException,
            GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
            String alias = aliases.nextElement();
            if (store.isKeyEntry(alias)) {
                return new SigningKeyFiles((PrivateKey) store.getKey(alias, password),
                        (X509Certificate) store.getCertificate(alias));
            }
        }
        throw new IOException("no private key in " + file);
    }

    private static PrivateKey pemPrivateKey(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IOException(file + " is not a PEM PKCS#8 private key (BEGIN PRIVATE KEY); convert it with "
                    + "openssl pkcs8 -topk8 -nocrypt");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").strip());
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(spec);
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePrivate(spec);
        }
    }

    private static X509Certificate pemCertificate(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
