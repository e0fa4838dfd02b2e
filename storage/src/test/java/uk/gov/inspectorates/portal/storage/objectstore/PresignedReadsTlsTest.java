package uk.gov.inspectorates.portal.storage.objectstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A store behind TLS (a generated, self-signed test certificate for 127.0.0.1): the download's connection trusts what
 * the store's client trusts, no more.
 */
class PresignedReadsTlsTest {

    private static final byte[] BODY = "ciphertext".getBytes(StandardCharsets.US_ASCII);

    private X509Certificate certificate;
    private SSLServerSocket server;

    @BeforeEach
    void serveOverTls() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=store.test");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64,
                new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(1))),
                name, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        char[] password = "test-only".toCharArray();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("store", keys.getPrivate(), password, new X509Certificate[] {certificate});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 1,
                InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::answer);
        thread.setDaemon(true);
        thread.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void readsFromAStoreItsClientTrusts() throws Exception {
        PresignedReads reads = new PresignedReads(clientTrusting(certificate), Duration.ofSeconds(10));
        try (InputStream in = reads.get(url(), "objects/a", 0, -1)) {
            assertArrayEquals(BODY, in.readAllBytes());
        }
    }

    @Test
    void refusesAStoreItsClientDoesNotTrust() {
        PresignedReads reads = new PresignedReads(new OkHttpClient(), Duration.ofSeconds(10));
        assertThrows(SSLException.class, () -> reads.get(url(), "objects/a", 0, -1));
    }

    private URI url() {
        return URI.create("https://127.0.0.1:" + server.getLocalPort() + "/bucket/objects/a?X-Amz-Signature=0");
    }

    private static OkHttpClient clientTrusting(X509Certificate certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("store", certificate);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        X509TrustManager trustManager = (X509TrustManager) trustManagers.getTrustManagers()[0];
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new X509TrustManager[] {trustManager}, null);
        return new OkHttpClient.Builder().sslSocketFactory(context.getSocketFactory(), trustManager).build();
    }

    /** Answers each connection with the body; a refused handshake just ends that connection. */
    private void answer() {
        while (!server.isClosed()) {
            try (Socket accepted = server.accept()) {
                InputStream in = accepted.getInputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    head.append((char) b);
                }
                OutputStream out = accepted.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + BODY.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(BODY);
                out.flush();
            } catch (IOException ignored) {
                // a refused handshake, or the test is over
            }
        }
    }
}
