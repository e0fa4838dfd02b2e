package uk.gov.inspectorates.portal.security.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.inspectorates.portal.auditverifier.Checkpoint;
import uk.gov.inspectorates.portal.auditverifier.SigningKeys;

/** The audit signing key: kept in its own owner-only BCFKS keystore, stable across restarts, checked by the tool. */
class Ed25519CheckpointSignerTest {

    @TempDir
    Path folder;

    private static final char[] PASSWORD = "test-password".toCharArray();

    @Test
    void aCheckpointSignedByThePortalVerifiesWithThePublishedKeyAlone() throws Exception {
        Path keystore = folder.resolve("audit-signing.bcfks");
        Ed25519CheckpointSigner signer = Ed25519CheckpointSigner.openOrCreate(keystore, PASSWORD, true);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)));
        Checkpoint unsigned = new Checkpoint(41, new byte[32], Instant.parse("2026-12-06T09:00:00Z"), signer.keyId(),
                new byte[0]);
        Checkpoint checkpoint = new Checkpoint(41, new byte[32], unsigned.at(), signer.keyId(),
                signer.sign(unsigned.payload()));
        assertTrue(SigningKeys.verifies(SigningKeys.fromPem(signer.verificationKeyPem()), checkpoint));

        Ed25519CheckpointSigner reopened = Ed25519CheckpointSigner.openOrCreate(keystore, PASSWORD, false);
        assertEquals(signer.keyId(), reopened.keyId(), "the same key after a restart");
        Ed25519CheckpointSigner another = Ed25519CheckpointSigner.openOrCreate(folder.resolve("other.bcfks"),
                PASSWORD, true);
        assertNotEquals(signer.keyId(), another.keyId());
        assertFalse(SigningKeys.verifies(SigningKeys.fromPem(another.verificationKeyPem()), checkpoint));
    }

    @Test
    void productionNeverCreatesAKey() {
        assertThrows(NoSuchFileException.class,
                () -> Ed25519CheckpointSigner.openOrCreate(folder.resolve("missing.bcfks"), PASSWORD, false));
        assertFalse(Files.exists(folder.resolve("missing.bcfks")));
    }
}
