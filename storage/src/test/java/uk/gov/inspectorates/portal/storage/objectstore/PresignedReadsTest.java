package uk.gov.inspectorates.portal.storage.objectstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PresignedReads} against a one-connection HTTP server that answers what each test needs. */
class PresignedReadsTest {

    private static final String SIGNATURE = "X-Amz-Signature=0123456789abcdef";

    private final PresignedReads reads = new PresignedReads(new OkHttpClient(), Duration.ofMillis(500));
    private ServerSocket server;
    private final CompletableFuture<String> request = new CompletableFuture<>();
    private final CompletableFuture<Boolean> clientClosed = new CompletableFuture<>();
    private final CountDownLatch testOver = new CountDownLatch(1);

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws IOException {
        testOver.countDown();
        server.close();
    }

    @Test
    void aMissingObjectIsFileNotFound() throws Exception {
        answer(error(404, "NoSuchKey", "The specified key does not exist."), false);
        assertThrows(FileNotFoundException.class, () -> reads.get(url(), "objects/a", 0, -1));
        assertEquals(0, reads.open());
    }

    @Test
    void anyOtherAnswerIsAnIoFailureWithTheStoresCodeAndMessageButNotTheSignedUrl() throws Exception {
        answer(error(403, "AccessDenied", "Request has expired"), false);
        IOException failure = assertThrows(IOException.class, () -> reads.get(url(), "objects/a", 0, -1));
        assertFalse(failure instanceof FileNotFoundException);
        assertTrue(failure.getMessage().contains("HTTP 403 AccessDenied: Request has expired"), failure.getMessage());
        assertFalse(failure.getMessage().contains(SIGNATURE), "the signed URL stays in the process's memory");
    }

    @Test
    void aRangedReadAsksForItsRangeAndRefusesAWholeObjectAnsweredInstead() throws Exception {
        answer(ok(200, new byte[100]), false);
        IOException failure = assertThrows(IOException.class, () -> reads.get(url(), "objects/a", 10, 20));
        assertTrue(failure.getMessage().contains("HTTP 200"), failure.getMessage());
        assertTrue(request.get(10, TimeUnit.SECONDS).contains("\r\nRange: bytes=10-29\r\n"), request.get());
    }

    @Test
    void aReadFromAnOffsetToTheEndIsAnOpenRange() throws Exception {
        byte[] tail = "the rest".getBytes(StandardCharsets.US_ASCII);
        answer(ok(206, tail), false);
        try (InputStream in = reads.get(url(), "objects/a", 5, -1)) {
            assertArrayEquals(tail, in.readAllBytes());
        }
        assertTrue(request.get(10, TimeUnit.SECONDS).contains("\r\nRange: bytes=5-\r\n"), request.get());
        assertEquals(0, reads.open());
    }

    @Test
    void aWholeReadSendsNoRangeAndReadsTheBody() throws Exception {
        byte[] body = new byte[700_000];
        new java.util.Random(7).nextBytes(body);
        answer(ok(200, body), false);
        try (InputStream in = reads.get(url(), "objects/a", 0, -1)) {
            assertEquals(1, reads.open());
            assertArrayEquals(body, in.readAllBytes());
        }
        assertFalse(request.get(10, TimeUnit.SECONDS).contains("Range:"), request.get());
        assertEquals(0, reads.open());
    }

    @Test
    void aBodyCutShortIsAFailureNotAnEnd() throws Exception {
        byte[] head = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        answer(concat(head, new byte[400]), true);
        try (InputStream in = reads.get(url(), "objects/a", 0, -1)) {
            IOException failure = assertThrows(IOException.class, in::readAllBytes);
            assertTrue(failure.getMessage().contains("400 of 1000"), failure.getMessage());
        }
    }

    @Test
    void aStoreThatStopsSendingFailsTheReadAfterTheReadTimeout() throws Exception {
        byte[] head = "HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        answer(concat(head, new byte[1000]), false);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (InputStream in = reads.get(url(), "objects/a", 0, -1)) {
                assertThrows(SocketTimeoutException.class, () -> in.readNBytes(new byte[1_000_000], 0, 1_000_000));
            }
        });
    }

    @Test
    void aBodyClosedPartWayClosesTheConnection() throws Exception {
        answer(ok(200, new byte[4 * 1024 * 1024]), false);
        InputStream in = reads.get(url(), "objects/a", 0, -1);
        assertEquals(1024, in.readNBytes(1024).length);
        in.close();
        assertEquals(0, reads.open());
        assertTrue(clientClosed.get(10, TimeUnit.SECONDS), "the store sees the connection closed");
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/bucket/objects/a?" + SIGNATURE);
    }

    /** Serves one connection: records the request, sends {@code response}, then waits for the client to close. */
    private void answer(byte[] response, boolean closeAfter) {
        Thread thread = new Thread(() -> {
            try (Socket accepted = server.accept()) {
                InputStream in = accepted.getInputStream();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    head.write(b);
                }
                request.complete(head.toString(StandardCharsets.US_ASCII));
                OutputStream out = accepted.getOutputStream();
                try {
                    out.write(response);
                    out.flush();
                } catch (IOException clientGone) {
                    clientClosed.complete(true);
                    return;
                }
                if (closeAfter) {
                    return;
                }
                accepted.setSoTimeout(10_000);
                try {
                    clientClosed.complete(in.read() < 0);
                } catch (IOException reset) {
                    clientClosed.complete(true);
                }
                testOver.await();
            } catch (IOException | InterruptedException ignored) {
                // the test is over
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    private static byte[] ok(int status, byte[] body) {
        String head = "HTTP/1.1 " + status + (status == 206 ? " Partial Content" : " OK") + "\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        return concat(head.getBytes(StandardCharsets.US_ASCII), body);
    }

    private static byte[] error(int status, String code, String message) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>";
        return ("HTTP/1.1 " + status + " Error\r\nContent-Type: application/xml\r\nContent-Length: " + xml.length()
                + "\r\n\r\n" + xml).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
