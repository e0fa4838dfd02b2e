package uk.gov.inspectorates.portal.security.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.inspectorates.portal.core.inspection.ExportRecord;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.removal.RemovalCertificate;
import uk.gov.inspectorates.portal.core.removal.RequestTally;
import uk.gov.inspectorates.portal.core.removal.SignedCertificate;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.DurationUnit;

/** The removal certificates' signing key in its BCFKS keystore, and the canonical signed bytes. */
class Ed25519CertificateSignerTest {

    private static final char[] TEST_PASSWORD = "test signing keystore password".toCharArray();
    private static final Instant AT = Instant.parse("2027-07-01T10:00:00Z");

    @TempDir
    Path folder;

    @Test
    void theKeyIsCreatedOwnerOnlyOnFirstStartAndTheSameKeyIsOpenedAfter() throws Exception {
        Path keystore = folder.resolve("keys/test-removal-signing.bcfks");
        Ed25519CertificateSigner first = Ed25519CertificateSigner.openOrCreate(keystore, TEST_PASSWORD, true);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)));
        Ed25519CertificateSigner again = Ed25519CertificateSigner.openOrCreate(keystore, TEST_PASSWORD, false);
        assertEquals(first.keyId(), again.keyId());
        assertEquals(first.verificationKeyPem(), again.verificationKeyPem());
        assertThrows(NoSuchFileException.class, () -> Ed25519CertificateSigner.openOrCreate(
                folder.resolve("missing.bcfks"), TEST_PASSWORD, false), "production provides the keystore");
        assertThrows(java.io.IOException.class, () -> Ed25519CertificateSigner.openOrCreate(keystore,
                "wrong password".toCharArray(), false));
    }

    @Test
    void theCanonicalBytesAreStableSortedJsonAndTheSignatureVerifiesWithThePublishedKeyAlone() throws Exception {
        Ed25519CertificateSigner signer = Ed25519CertificateSigner.openOrCreate(folder.resolve("test.bcfks"),
                TEST_PASSWORD, true);
        SignedCertificate signed = signer.sign(certificate("Northdale \"North\" Police"));
        String json = new String(signed.canonical(), StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{\"certificateId\":\"rc-1\",\"closedAt\":\"2027-06-01T15:00:00Z\","), json);
        assertTrue(json.contains("\"agencyName\":\"Northdale \\\"North\\\" Police\""), json);
        assertTrue(json.contains("\"participants\":[\"HMIC\",\"OFSTED\"]"), json);
        assertTrue(json.contains("\"policy\":{\"amount\":20,\"category\":\"JTAI_AFTER_CLOSURE\",\"unit\":\"WORKING_DAYS\"}"),
                json);
        assertTrue(json.contains("\"exportsBeforeRemoval\":[{\"bytes\":300,\"documents\":2,\"exportId\":\"e-1\""), json);
        assertFalse(json.replace("Northdale \\\"North\\\" Police", "").replace("policy:retention", "")
                .matches("(?s).*\\s.*"), "no insignificant whitespace: " + json);
        assertArrayEquals(signed.canonical(), signer.sign(certificate("Northdale \"North\" Police")).canonical(),
                "the same certificate, the same bytes");

        String pem = signer.verificationKeyPem();
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n") && pem.endsWith("-----END PUBLIC KEY-----\n"));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64
                .getMimeDecoder().decode(pem.replace("-----BEGIN PUBLIC KEY-----", "")
                        .replace("-----END PUBLIC KEY-----", "")))));
        verifier.update(signed.canonical());
        assertTrue(verifier.verify(signed.signature()));
        verifier.update(signer.sign(certificate("Southdale Police")).canonical());
        assertFalse(verifier.verify(signed.signature()), "another certificate does not verify with this signature");
    }

    private static RemovalCertificate certificate(String agencyName) {
        return new RemovalCertificate("rc-1", "rm-1", "i-1", Inspectorate.OFSTED,
                Set.of(Inspectorate.OFSTED, Inspectorate.HMIC), Instant.parse("2027-06-01T15:00:00Z"),
                "JTAI_AFTER_CLOSURE", 20, DurationUnit.WORKING_DAYS, AT, AT, 2, 300, 340,
                List.of(new RemovalCertificate.AgencyTally("police", agencyName, 2, 300)),
                List.of(new RequestTally("r-1", Inspectorate.HMIC, "police", agencyName, 2, 300, 340)),
                List.of(new ExportRecord("e-1", "i-1", Inspectorate.HMIC, "hmic-lead", AT, 2, 300, "ab")),
                "policy:retention:JTAI_AFTER_CLOSURE", AT, AT);
    }
}
