package uk.gov.inspectorates.portal.storage.backup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import uk.gov.inspectorates.portal.core.document.ObjectStore;

/**
 * The object-store half of a backup: every object of the document bucket copied through the S3 API into a folder
 * ({@code objects/<n>}) with a manifest of key, size and SHA-256 ({@code objects.manifest}), and put back the same
 * way. The objects are ciphertext (docs/adr/0002): the folder holds no plaintext, and without the database's wrapped
 * keys and the master keystore it decrypts nothing.
 */
public final class BucketBackup {

    static final String MANIFEST = "objects.manifest";

    private BucketBackup() {
    }

    /** Copies every object of the store into {@code folder}; returns how many. */
    public static int backup(ObjectStore store, Path folder) throws IOException {
        Path objects = Files.createDirectories(folder.resolve("objects"));
        List<String> keys = store.keys();
        try (BufferedWriter manifest = Files.newBufferedWriter(folder.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            int n = 0;
            for (String key : keys) {
                Path file = objects.resolve(String.format("%08d", n++));
                MessageDigest sha256 = sha256();
                long size;
                try (InputStream in = new DigestInputStream(store.get(key), sha256);
                     OutputStream out = Files.newOutputStream(file)) {
                    size = in.transferTo(out);
                }
                manifest.write(file.getFileName() + " " + size + " " + HexFormat.of().formatHex(sha256.digest())
                        + " " + key + "\n");
            }
            return n;
        }
    }

    /**
     * Checks every object of the backup against its manifest (size and SHA-256) without putting anything anywhere;
     * returns how many. A restore runs this before it replaces the database, so that a damaged copy stops it while
     * nothing has changed yet.
     *
     * @throws IOException naming the first object whose copy does not match
     */
    public static int verify(Path folder) throws IOException {
        List<String[]> entries = entries(folder);
        for (String[] entry : entries) {
            checked(folder, entry);
        }
        return entries.size();
    }

    /**
     * Puts every object of the backup back into the store, each checked against its manifest digest first (a damaged
     * copy stops the restore with its key named); returns how many.
     */
    public static int restore(Path folder, ObjectStore store) throws IOException {
        int n = 0;
        for (String[] entry : entries(folder)) {
            Path file = checked(folder, entry);
            try (InputStream in = Files.newInputStream(file)) {
                store.put(entry[3], in, Long.parseLong(entry[1]));
            }
            n++;
        }
        return n;
    }

    /** The manifest's lines: file, size, SHA-256, key. */
    private static List<String[]> entries(Path folder) throws IOException {
        return Files.readAllLines(folder.resolve(MANIFEST), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).map(line -> line.split(" ", 4)).toList();
    }

    /** The entry's copy, read whole and compared with its manifest line. */
    private static Path checked(Path folder, String[] entry) throws IOException {
        Path file = folder.resolve("objects").resolve(entry[0]);
        MessageDigest sha256 = sha256();
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }
        if (size != Long.parseLong(entry[1]) || !HexFormat.of().formatHex(sha256.digest()).equals(entry[2])) {
            throw new IOException("the backup's copy of object " + entry[3] + " (" + file
                    + ") does not match its manifest: restore stopped");
        }
        return file;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
