package uk.gov.inspectorates.portal.storage.objectstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MinioObjectStoreTest {

    private static S3ProxyServer server;
    private static MinioObjectStore store;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start();
        store = server.newStore("bucket-" + UUID.randomUUID());
    }

    @AfterAll
    static void stopServer() throws Exception {
        store.close();
        server.close();
    }

    @BeforeEach
    void emptyBucket() throws IOException {
        for (String key : store.keys()) {
            store.delete(key);
        }
    }

    @Test
    void putsGetsListsAndDeletes() throws IOException {
        byte[] small = random(1000);
        byte[] large = random(9 * 1024 * 1024);
        store.put("objects/a", new ByteArrayInputStream(small), small.length);
        store.put("objects/nested/b", new ByteArrayInputStream(large), -1);

        assertEquals(List.of("objects/a", "objects/nested/b"), store.keys().stream().sorted().toList());
        try (InputStream in = store.get("objects/nested/b")) {
            assertArrayEquals(large, in.readAllBytes());
        }
        try (InputStream in = store.get("objects/a")) {
            assertArrayEquals(small, in.readAllBytes());
        }

        store.delete("objects/a");
        assertEquals(List.of("objects/nested/b"), store.keys());
        assertThrows(FileNotFoundException.class, () -> store.get("objects/a"));
    }

    @Test
    void aReadClosedPartWayStopsItsReaderAndFreesTheConnection() throws Exception {
        byte[] large = new byte[16 * 1024 * 1024];
        store.put("objects/big", new ByteArrayInputStream(large), large.length);

        InputStream in = store.get("objects/big");
        assertEquals(1024, in.readNBytes(1024).length);
        in.close(); // a client gone part way through its download

        ((ReadAhead) in).finished().get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(0, store.connectionsInUse(), "the store's connection is closed or back in the pool");
        try (InputStream again = store.get("objects/big")) {
            assertEquals(large.length, again.readAllBytes().length, "the store serves the next read as before");
        }
    }

    @Test
    void aRangedGetReadsTheBytesAskedForAndAMissingObjectIsNotFound() throws Exception {
        byte[] content = random(3 * 1024 * 1024 + 17);
        store.put("objects/ranged", new ByteArrayInputStream(content), content.length);

        try (InputStream in = store.get("objects/ranged", 1_000_001, 700_000)) {
            assertArrayEquals(java.util.Arrays.copyOfRange(content, 1_000_001, 1_700_001), in.readAllBytes());
        }
        try (InputStream in = store.get("objects/ranged", 3 * 1024 * 1024, -1)) {
            assertArrayEquals(java.util.Arrays.copyOfRange(content, 3 * 1024 * 1024, content.length),
                    in.readAllBytes());
        }
        assertThrows(FileNotFoundException.class, () -> store.get("objects/none", 10, 10));
        assertEquals(0, store.connectionsInUse());
    }

    @Test
    void createBucketIfMissingIsIdempotentAndMakesTheStoreReachable() throws IOException {
        store.createBucketIfMissing();
        assertDoesNotThrow(store::checkReachable);
    }

    @Test
    void checkReachableFailsForAMissingBucket() throws Exception {
        try (MinioObjectStore missing = new MinioObjectStore(server.endpoint(), S3ProxyServer.ACCESS_KEY,
                S3ProxyServer.SECRET_KEY, "no-such-bucket", S3ProxyServer.REGION)) {
            assertThrows(IOException.class, missing::checkReachable);
        }
    }

    @Test
    void checkReachableFailsForWrongCredentials() throws Exception {
        try (MinioObjectStore wrong = new MinioObjectStore(server.endpoint(), S3ProxyServer.ACCESS_KEY,
                "wrong-secret", store.bucket(), S3ProxyServer.REGION)) {
            IOException failure = assertThrows(IOException.class, wrong::checkReachable);
            assertTrue(failure.getMessage().contains(store.bucket()), failure.getMessage());
        }
    }

    @Test
    void aStreamFailingDuringAMultipartUploadLeavesNothingAndIsRethrownUnchanged() throws IOException {
        IOException tooLarge = new IOException("upload exceeds the size cap");
        InputStream failing = new FailingStream(20L * 1024 * 1024, tooLarge);

        IOException thrown = assertThrows(IOException.class, () -> store.put("objects/partial", failing, -1));

        assertSame(tooLarge, thrown);
        assertEquals(List.of(), store.keys());
        assertEquals(List.of(), store.incompleteUploads());
    }

    @Test
    void aStreamShorterThanTheDeclaredLengthLeavesNothing() {
        byte[] content = random(100);
        assertThrows(IOException.class, () -> store.put("objects/short", new ByteArrayInputStream(content), 200));
        assertDoesNotThrow(() -> assertEquals(List.of(), store.keys()));
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
