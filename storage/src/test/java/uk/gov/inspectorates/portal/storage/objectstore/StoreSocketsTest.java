package uk.gov.inspectorates.portal.storage.objectstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class StoreSocketsTest {

    @Test
    void aSocketAskedForNoReadTimeoutKeepsTheStoresOwn() throws Exception {
        try (Socket socket = new StoreSockets(Duration.ofSeconds(7)).createSocket()) {
            assertEquals(7_000, socket.getSoTimeout());
            socket.setSoTimeout(0);
            assertEquals(7_000, socket.getSoTimeout(), "no timeout is refused");
            socket.setSoTimeout(1_500);
            assertEquals(1_500, socket.getSoTimeout(), "a shorter one is taken");
        }
    }

    @Test
    void theStoreClientHasNoReadTimeoutOfItsOwnButItsSocketsDo() {
        OkHttpClient client = MinioObjectStore.storeClient(new OkHttpClient.Builder()
                .readTimeout(Duration.ofMinutes(5)).build());
        assertEquals(0, client.readTimeoutMillis(), "no Okio watchdog around each read");
        assertEquals(Duration.ofMinutes(5), ((StoreSockets) client.socketFactory()).readTimeout());
        assertEquals(List.of(Protocol.HTTP_1_1), client.protocols());
    }

    /** A store that sends the headers and then nothing: the body's read fails after the read timeout, as before. */
    @Test
    void aStoreThatStopsSendingStillFailsTheReadAfterTheReadTimeout() throws Exception {
        OkHttpClient client = MinioObjectStore.storeClient(new OkHttpClient.Builder()
                .readTimeout(Duration.ofMillis(300)).build());
        CountDownLatch done = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread silent = new Thread(() -> {
                try (Socket accepted = server.accept()) {
                    InputStream request = accepted.getInputStream();
                    request.read(new byte[4096]);
                    OutputStream out = accepted.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n" + "x".repeat(1000))
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    done.await();
                } catch (IOException | InterruptedException ignored) {
                    // the test is over
                }
            });
            silent.setDaemon(true);
            silent.start();
            Request request = new Request.Builder().url("http://127.0.0.1:" + server.getLocalPort() + "/object")
                    .build();
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try (Response response = client.newCall(request).execute()) {
                    InputStream body = response.body().byteStream();
                    assertThrows(SocketTimeoutException.class, () -> body.readNBytes(new byte[1_000_000], 0,
                            1_000_000));
                }
            });
        } finally {
            done.countDown();
        }
    }
}
