package uk.gov.inspectorates.portal.security.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFilesTest {

    @TempDir
    Path folder;

    @Test
    void aLocalKeyIsMadeOnceOwnerOnlyAndItsCertificateMatchesIt() throws Exception {
        SigningKeyFiles made = SigningKeyFiles.generateIfMissing(folder, "Test SP");
        SigningKeyFiles again = SigningKeyFiles.generateIfMissing(folder, "Test SP");

        assertArrayEquals(made.certificate().getEncoded(), again.certificate().getEncoded(), "made once, then kept");
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve(SigningKeyFiles.KEY_FILE))));
        assertTrue(made.certificate().getSubjectX500Principal().getName().contains("Test SP"));
        assertEquals("SHA256withRSA", made.certificate().getSigAlgName());
        assertSignsForItsCertificate(again);
    }

    @Test
    void aPkcs12KeystoreIsReadWithItsPassword() throws Exception {
        SigningKeyFiles pem = SigningKeyFiles.generateIfMissing(folder.resolve("pem"), "Test SP");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "changeit-test".toCharArray();
        store.setKeyEntry("sp", pem.privateKey(), password, new Certificate[] {pem.certificate()});
        Path p12 = folder.resolve("sp.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, password);
        }

        SigningKeyFiles read = SigningKeyFiles.read(p12, null, password);

        assertArrayEquals(pem.certificate().getEncoded(), read.certificate().getEncoded());
        assertSignsForItsCertificate(read);
    }

    private static void assertSignsForItsCertificate(SigningKeyFiles key) throws Exception {
        byte[] data = "AuthnRequest".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key.privateKey());
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(key.certificate());
        verifier.update(data);
        assertTrue(verifier.verify(signature));
    }
}
