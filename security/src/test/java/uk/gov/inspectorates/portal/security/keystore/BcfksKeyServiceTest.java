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

class BcfksKeyServiceTest {

    private static final String OBJECT_ID = "objects/0123456789abcdef0123456789abcdef";

    @TempDir
    Path temp;

    private final char[] password = "correct horse battery staple".toCharArray();
    private final byte[] dataKey = bytes(32);

    @Test
    void wrapsAndUnwraps() throws IOException {
        BcfksKeyService keys = BcfksKeyService.openOrCreate(temp.resolve("master.bcfks"), password, true);

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
        WrappedKey wrapped = BcfksKeyService.openOrCreate(file, password, true).wrap(dataKey, OBJECT_ID);

        BcfksKeyService reopened = BcfksKeyService.openOrCreate(file, password, false);

        assertArrayEquals(dataKey, reopened.unwrap(wrapped, OBJECT_ID));
    }

    @Test
    void aKeyWrappedForOneObjectDoesNotUnwrapForAnother() throws IOException {
        BcfksKeyService keys = BcfksKeyService.openOrCreate(temp.resolve("master.bcfks"), password, true);
        WrappedKey wrapped = keys.wrap(dataKey, OBJECT_ID);

        assertThrows(IllegalStateException.class,
                () -> keys.unwrap(wrapped, "objects/ffffffffffffffffffffffffffffffff"));
    }

    @Test
    void aTamperedWrappedKeyDoesNotUnwrap() throws IOException {
        BcfksKeyService keys = BcfksKeyService.openOrCreate(temp.resolve("master.bcfks"), password, true);
        byte[] bytes = keys.wrap(dataKey, OBJECT_ID).ciphertext();
        bytes[20] ^= 1;

        assertThrows(IllegalStateException.class,
                () -> keys.unwrap(new WrappedKey(keys.masterKeyAlias(), bytes), OBJECT_ID));
    }

    @Test
    void aKeyWrappedByAnotherMasterKeyDoesNotUnwrap() throws IOException {
        BcfksKeyService first = BcfksKeyService.openOrCreate(temp.resolve("a.bcfks"), password, true);
        BcfksKeyService second = BcfksKeyService.openOrCreate(temp.resolve("b.bcfks"), password, true);
        WrappedKey wrapped = first.wrap(dataKey, OBJECT_ID);

        assertThrows(IllegalStateException.class, () -> second.unwrap(wrapped, OBJECT_ID));
        WrappedKey relabelled = new WrappedKey(second.masterKeyAlias(), wrapped.ciphertext());
        assertThrows(IllegalStateException.class, () -> second.unwrap(relabelled, OBJECT_ID));
    }

    @Test
    void aWrongPasswordFailsClearly() throws IOException {
        Path file = temp.resolve("master.bcfks");
        BcfksKeyService.openOrCreate(file, password, true);

        IOException failure = assertThrows(IOException.class,
                () -> BcfksKeyService.openOrCreate(file, "wrong password".toCharArray(), false));

        assertTrue(failure.getMessage().contains("wrong password"), failure.getMessage());
        assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
    }

    @Test
    void aMissingFileIsNotCreatedUnlessAllowed() {
        Path file = temp.resolve("missing.bcfks");

        assertThrows(NoSuchFileException.class, () -> BcfksKeyService.openOrCreate(file, password, false));
        assertFalse(Files.exists(file));
    }

    @Test
    void theCreatedFileIsOwnerOnlyAndSoAreCreatedDirectories() throws IOException {
        Path file = temp.resolve("keys/nested/master.bcfks");

        BcfksKeyService.openOrCreate(file, password, true);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("rwx------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent().getParent())));
    }

    @Test
    void aKeystoreOthersCanReadIsRefused() throws IOException {
        Path file = temp.resolve("master.bcfks");
        BcfksKeyService.openOrCreate(file, password, true);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        IOException failure = assertThrows(IOException.class,
                () -> BcfksKeyService.openOrCreate(file, password, false));
        assertTrue(failure.getMessage().contains("permissions"), failure.getMessage());
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
