package uk.gov.inspectorates.portal.security.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.inspectorates.portal.core.document.WrappedKey;

class BcfksMasterKeyRingTest {

    private static final byte[] OBJECT_ID = "kek-v1 REPORT r-1 kek-1".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    private final char[] password = "correct horse battery staple".toCharArray();
    private final byte[] dataKey = bytes(32);

    @Test
    void wrapsAndUnwraps() throws IOException {
        BcfksMasterKeyRing keys = BcfksMasterKeyRing.openOrCreate(temp.resolve("master.bcfks"), password, true);

        WrappedKey wrapped = keys.wrap(dataKey, OBJECT_ID);

        assertEquals(keys.masterKeyAlias(), wrapped.wrappingKeyId());
        assertTrue(wrapped.wrappingKeyId().matches("master-[0-9a-f]{8}"), wrapped.wrappingKeyId());
        assertEquals(12 + 32 + 16, wrapped.ciphertext().length);
        assertArrayEquals(dataKey, keys.unwrap(wrapped, OBJECT_ID));
        assertNotEquals(wrapped, keys.wrap(dataKey, OBJECT_ID), "each wrapping uses a fresh nonce");
    }

    @Test
    void reopeningTheFileGivesTheSameMasterKey() throws IOException {
        Path file = temp.resolve("master.bcfks");
        WrappedKey wrapped = BcfksMasterKeyRing.openOrCreate(file, password, true).wrap(dataKey, OBJECT_ID);

        BcfksMasterKeyRing reopened = BcfksMasterKeyRing.openOrCreate(file, password, false);

        assertArrayEquals(dataKey, reopened.unwrap(wrapped, OBJECT_ID));
    }

    @Test
    void aKeyWrappedForOneObjectDoesNotUnwrapForAnother() throws IOException {
        BcfksMasterKeyRing keys = BcfksMasterKeyRing.openOrCreate(temp.resolve("master.bcfks"), password, true);
        WrappedKey wrapped = keys.wrap(dataKey, OBJECT_ID);

        assertThrows(IllegalStateException.class,
                () -> keys.unwrap(wrapped, "kek-v1 REPORT r-2 kek-1".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aTamperedWrappedKeyDoesNotUnwrap() throws IOException {
        BcfksMasterKeyRing keys = BcfksMasterKeyRing.openOrCreate(temp.resolve("master.bcfks"), password, true);
        byte[] bytes = keys.wrap(dataKey, OBJECT_ID).ciphertext();
        bytes[20] ^= 1;

        assertThrows(IllegalStateException.class,
                () -> keys.unwrap(new WrappedKey(keys.masterKeyAlias(), bytes), OBJECT_ID));
    }

    @Test
    void aKeyWrappedByAnotherMasterKeyDoesNotUnwrap() throws IOException {
        BcfksMasterKeyRing first = BcfksMasterKeyRing.openOrCreate(temp.resolve("a.bcfks"), password, true);
        BcfksMasterKeyRing second = BcfksMasterKeyRing.openOrCreate(temp.resolve("b.bcfks"), password, true);
        WrappedKey wrapped = first.wrap(dataKey, OBJECT_ID);

        assertThrows(IllegalStateException.class, () -> second.unwrap(wrapped, OBJECT_ID));
        WrappedKey relabelled = new WrappedKey(second.masterKeyAlias(), wrapped.ciphertext());
        assertThrows(IllegalStateException.class, () -> second.unwrap(relabelled, OBJECT_ID));
    }

    @Test
    void aWrongPasswordFailsClearly() throws IOException {
        Path file = temp.resolve("master.bcfks");
        BcfksMasterKeyRing.openOrCreate(file, password, true);

        IOException failure = assertThrows(IOException.class,
                () -> BcfksMasterKeyRing.openOrCreate(file, "wrong password".toCharArray(), false));

        assertTrue(failure.getMessage().contains("wrong password"), failure.getMessage());
        assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
    }

    @Test
    void aMissingFileIsNotCreatedUnlessAllowed() {
        Path file = temp.resolve("missing.bcfks");

        assertThrows(NoSuchFileException.class, () -> BcfksMasterKeyRing.openOrCreate(file, password, false));
        assertFalse(Files.exists(file));
    }

    @Test
    void theCreatedFileIsOwnerOnlyAndSoAreCreatedDirectories() throws IOException {
        Path file = temp.resolve("keys/nested/master.bcfks");

        BcfksMasterKeyRing.openOrCreate(file, password, true);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("rwx------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent().getParent())));
    }

    @Test
    void aKeystoreOthersCanReadIsRefused() throws IOException {
        Path file = temp.resolve("master.bcfks");
        BcfksMasterKeyRing.openOrCreate(file, password, true);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        IOException failure = assertThrows(IOException.class,
                () -> BcfksMasterKeyRing.openOrCreate(file, password, false));
        assertTrue(failure.getMessage().contains("permissions"), failure.getMessage());
    }

    @Test
    void aNewMasterKeyBecomesCurrentAndOlderOnesStillUnwrapUntilRemoved() throws IOException {
        Path file = temp.resolve("master.bcfks");
        BcfksMasterKeyRing keys = BcfksMasterKeyRing.openOrCreate(file, password, true);
        String first = keys.currentAlias();
        WrappedKey underFirst = keys.wrap(dataKey, OBJECT_ID);

        String second = keys.addMasterKey();

        assertNotEquals(first, second);
        assertEquals(second, keys.currentAlias());
        assertEquals(java.util.Set.of(first, second), keys.aliases());
        assertEquals(second, keys.wrap(dataKey, OBJECT_ID).wrappingKeyId());
        assertArrayEquals(dataKey, keys.unwrap(underFirst, OBJECT_ID));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(second, BcfksMasterKeyRing.openOrCreate(file, password, false).currentAlias(),
                "the newest key is current after reopening too");

        assertThrows(IllegalArgumentException.class, () -> keys.removeMasterKey(second));
        keys.removeMasterKey(first);

        assertEquals(java.util.Set.of(second), keys.aliases());
        assertThrows(IllegalStateException.class, () -> keys.unwrap(underFirst, OBJECT_ID));
    }

    @Test
    void aRunningPortalSeesAKeyAddedByAnotherProcess() throws IOException {
        Path file = temp.resolve("master.bcfks");
        BcfksMasterKeyRing portal = BcfksMasterKeyRing.openOrCreate(file, password, true);
        BcfksMasterKeyRing rotationCommand = BcfksMasterKeyRing.openOrCreate(file, password, false);

        String added = rotationCommand.addMasterKey();
        WrappedKey rewrapped = rotationCommand.wrap(dataKey, OBJECT_ID);

        assertArrayEquals(dataKey, portal.unwrap(rewrapped, OBJECT_ID));
        assertEquals(added, portal.currentAlias());
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
