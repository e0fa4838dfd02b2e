package uk.gov.inspectorates.portal.storage.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restore checks the whole bucket copy before it replaces the database (docs/adr/0046). */
class BucketBackupVerifyTest {

    @TempDir
    Path folder;

    @Test
    void aBackupWhoseCopiesMatchTheirManifestIsCounted() throws Exception {
        saved("00000000", "documents/a", "first object");
        saved("00000001", "documents/b", "second object");

        assertEquals(2, BucketBackup.verify(folder));
    }

    @Test
    void aDamagedCopyIsNamedBeforeAnythingIsRestored() throws Exception {
        saved("00000000", "documents/a", "first object");
        saved("00000001", "documents/b", "second object");
        Files.writeString(folder.resolve("objects").resolve("00000001"), "second objecT");

        IOException refused = assertThrows(IOException.class, () -> BucketBackup.verify(folder));
        assertTrue(refused.getMessage().contains("documents/b"), refused.getMessage());
    }

    @Test
    void aTruncatedCopyIsRefusedToo() throws Exception {
        saved("00000000", "documents/a", "first object");
        Files.writeString(folder.resolve("objects").resolve("00000000"), "first");

        assertThrows(IOException.class, () -> BucketBackup.verify(folder));
    }

    private void saved(String file, String key, String content) throws Exception {
        Path objects = Files.createDirectories(folder.resolve("objects"));
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Files.write(objects.resolve(file), bytes);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Files.writeString(folder.resolve(BucketBackup.MANIFEST), file + " " + bytes.length + " " + digest + " " + key
                + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
