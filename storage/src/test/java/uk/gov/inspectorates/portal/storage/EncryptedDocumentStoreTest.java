package uk.gov.inspectorates.portal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.storage.crypto.EnvelopeCipher;
import uk.gov.inspectorates.portal.storage.crypto.TamperedContentException;
import uk.gov.inspectorates.portal.storage.objectstore.FailingStream;
import uk.gov.inspectorates.portal.storage.objectstore.MinioObjectStore;
import uk.gov.inspectorates.portal.storage.objectstore.S3ProxyServer;

class EncryptedDocumentStoreTest {

    private static final KeyScope SCOPE = KeyScope.report("report-1");

    private static S3ProxyServer server;
    private static MinioObjectStore objects;
    private EncryptedDocumentStore documents;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start();
        objects = server.newStore("docs-" + UUID.randomUUID());
    }

    @AfterAll
    static void stopServer() throws Exception {
        objects.close();
        server.close();
    }

    @BeforeEach
    void emptyStore() throws IOException {
        for (String key : objects.keys()) {
            objects.delete(key);
        }
        documents = new EncryptedDocumentStore(objects, new TestKeyService(), new EnvelopeCipher());
    }

    @Test
    void roundTripsAFewMegabytesByteForByte() throws Exception {
        byte[] plaintext = random(3 * 1024 * 1024 + 123);

        StoredContent stored = documents.store(SCOPE, new ByteArrayInputStream(plaintext));

        assertEquals(plaintext.length, stored.plaintextBytes());
        assertEquals(EnvelopeCipher.ciphertextLength(plaintext.length), stored.storedBytes());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plaintext)),
                stored.plaintextSha256());
        assertTrue(stored.objectKey().matches("objects/[0-9a-f]{32}"), stored.objectKey());
        assertEquals(List.of(stored.objectKey()), objects.keys());
        try (InputStream in = documents.open(stored)) {
            assertArrayEquals(plaintext, in.readAllBytes());
        }
    }

    @Test
    void opensFromAnyByteWithRangedReadsOfTheStore() throws Exception {
        int segment = EnvelopeCipher.DEFAULT_SEGMENT_SIZE;
        byte[] plaintext = random(5 * segment + 77);
        StoredContent stored = documents.store(SCOPE, new ByteArrayInputStream(plaintext));
        for (long from : new long[] {0, 1, segment, 3L * segment + 17, plaintext.length - 1, plaintext.length}) {
            try (InputStream in = documents.open(stored, from)) {
                assertArrayEquals(Arrays.copyOfRange(plaintext, (int) from, plaintext.length), in.readAllBytes(),
                        "from " + from);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> documents.open(stored, plaintext.length + 1L));
    }

    @Test
    void eachDocumentGetsItsOwnObjectKeyAndDataKey() throws IOException {
        StoredContent first = documents.store(SCOPE, new ByteArrayInputStream(new byte[10]));
        StoredContent second = documents.store(SCOPE, new ByteArrayInputStream(new byte[10]));

        assertNotEquals(first.objectKey(), second.objectKey());
        assertNotEquals(first.dataKey(), second.dataKey());
    }

    @Test
    void storesAnEmptyDocument() throws IOException {
        StoredContent stored = documents.store(SCOPE, new ByteArrayInputStream(new byte[0]));

        assertEquals(0, stored.plaintextBytes());
        try (InputStream in = documents.open(stored)) {
            assertEquals(0, in.readAllBytes().length);
        }
    }

    @Test
    void noPlaintextReachesTheStorageDirectory() throws IOException {
        String marker = "MARKER-" + UUID.randomUUID();
        ByteArrayOutputStream plaintext = new ByteArrayOutputStream();
        for (int i = 0; i < 2000; i++) {
            plaintext.writeBytes(("case file line " + i + " " + marker + "\n").getBytes(StandardCharsets.UTF_8));
        }

        StoredContent stored = documents.store(SCOPE, new ByteArrayInputStream(plaintext.toByteArray()));

        List<Path> files = server.filesWithContent();
        assertFalse(files.isEmpty(), "the test must see the stored object's file");
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        for (Path file : files) {
            assertFalse(contains(Files.readAllBytes(file), needle), "plaintext marker found in " + file);
            assertFalse(file.toString().contains(marker));
        }
        try (InputStream in = documents.open(stored)) {
            assertTrue(contains(in.readAllBytes(), needle), "the marker must be in the decrypted document");
        }
    }

    @Test
    void anUploadFailingMidwayLeavesNoObjectAndNoPartFiles() throws IOException {
        List<Path> before = server.filesWithContent();
        List<Path> inFlight = new ArrayList<>();
        IOException sizeCap = new IOException("upload exceeds the size cap");
        InputStream failing = new FailingStream(20L * 1024 * 1024, sizeCap, (byte) 'p',
                () -> inFlight.addAll(server.filesWithContent()));

        IOException thrown = assertThrows(IOException.class, () -> documents.store(SCOPE, failing));

        assertSame(sizeCap, thrown);
        assertTrue(inFlight.size() > before.size(), "parts should have been on disk while uploading: " + inFlight);
        assertEquals(List.of(), objects.keys());
        assertEquals(List.of(), objects.incompleteUploads());
        assertEquals(before, server.filesWithContent(), "files left behind by the failed upload");
    }

    @Test
    void aByteRewrittenOnDiskMakesOpenFail() throws IOException {
        StoredContent stored = documents.store(SCOPE, new ByteArrayInputStream(random(200_000)));
        Path file = storedFile(stored);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);

        assertThrows(TamperedContentException.class, () -> {
            try (InputStream in = documents.open(stored)) {
                in.readAllBytes();
            }
        });
    }

    @Test
    void aTruncatedObjectOnDiskMakesOpenFail() throws IOException {
        StoredContent stored = documents.store(SCOPE, new ByteArrayInputStream(random(200_000)));
        Path file = storedFile(stored);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));

        assertThrows(TamperedContentException.class, () -> {
            try (InputStream in = documents.open(stored)) {
                in.readAllBytes();
            }
        });
    }

    @Test
    void anObjectSwappedForAnotherOnDiskMakesOpenFail() throws IOException {
        StoredContent first = documents.store(SCOPE, new ByteArrayInputStream(random(1000)));
        StoredContent second = documents.store(SCOPE, new ByteArrayInputStream(random(1000)));
        Files.write(storedFile(first), Files.readAllBytes(storedFile(second)));

        assertThrows(TamperedContentException.class, () -> documents.open(first).readAllBytes());
    }

    @Test
    void deleteRemovesTheObject() throws IOException {
        StoredContent stored = documents.store(SCOPE, new ByteArrayInputStream(random(1000)));

        Path file = storedFile(stored);

        documents.delete(stored);

        assertEquals(List.of(), objects.keys());
        assertFalse(Files.exists(file), file + " still exists");
    }

    private static Path storedFile(StoredContent stored) {
        String name = stored.objectKey().substring(stored.objectKey().indexOf('/') + 1);
        List<Path> matches = server.filesWithContent().stream()
                .filter(path -> path.getFileName().toString().equals(name))
                .toList();
        assertEquals(1, matches.size(), "expected one file for " + stored.objectKey() + ": " + matches);
        return matches.get(0);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
