package uk.gov.inspectorates.portal.storage.objectstore;

import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;
import okhttp3.OkHttpClient;

/**
 * An object's body read through a GET URL presigned in this process, with the JDK's {@code HttpURLConnection}
 * (docs/adr/0037, addendum of session 22). The MinIO SDK reads a body through Okio, at most one 8 KiB segment per
 * socket read: some 32,000 receive calls and buffer hand-overs per 256 MiB on the download's read-ahead thread.
 * {@code HttpURLConnection} passes a read larger than its 8 KiB buffer straight to the socket, so the read-ahead
 * chunk (256 KiB) is filled with a few large reads. Everything else stays the SDK's: it signs the URL (the same
 * credentials and region; the URL is used at once and never leaves this object, nor appears in a message), and the
 * connection gets the store client's trust, hostname check, proxy and timeouts. The read timeout is the socket's
 * {@code SO_TIMEOUT}: no watchdog thread.
 */
final class PresignedReads {

    /** How long a URL signed for one read is valid: it is fetched at once. */
    static final Duration URL_LIFETIME = Duration.ofMinutes(1);

    private static final int ERROR_BODY_LIMIT = 16 * 1024;
    private static final Pattern CODE = Pattern.compile("<Code>([^<]{1,200})</Code>");
    private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]{1,500})</Message>");

    private final OkHttpClient http;
    private final int readTimeoutMillis;
    private final AtomicInteger open = new AtomicInteger();

    /**
     * @param http        the store's client, whose trust, hostname check, proxy and connect timeout are used
     * @param readTimeout how long a read of the body may wait for the store (the socket's {@code SO_TIMEOUT})
     */
    PresignedReads(OkHttpClient http, Duration readTimeout) {
        this.http = http;
        this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
        if (readTimeoutMillis <= 0) {
            throw new IllegalArgumentException("the store's read timeout must be positive");
        }
    }

    /**
     * The body of a GET of {@code url} from {@code offset} ({@code length} -1: to the end), once the store has
     * answered 200 (206 for a range). A missing object is a {@link FileNotFoundException}; any other answer an
     * {@link IOException} with the store's code and message. Close the stream: read to its end, the connection goes
     * back to the JDK's keep-alive cache; closed part way, it is closed.
     */
    InputStream get(URI url, String key, long offset, long length) throws IOException {
        Proxy proxy = http.proxy();
        HttpURLConnection connection = (HttpURLConnection) (proxy == null ? url.toURL().openConnection()
                : url.toURL().openConnection(proxy));
        if (connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(http.sslSocketFactory());
            https.setHostnameVerifier(http.hostnameVerifier());
        }
        connection.setConnectTimeout(http.connectTimeoutMillis());
        connection.setReadTimeout(readTimeoutMillis);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        boolean ranged = offset > 0 || length > 0;
        if (ranged) {
            connection.setRequestProperty("Range",
                    "bytes=" + offset + "-" + (length > 0 ? String.valueOf(offset + length - 1) : ""));
        }
        boolean handedOver = false;
        try {
            int status = connection.getResponseCode();
            if (status != (ranged ? 206 : 200)) {
                throw refusal(connection, status, key);
            }
            long expected = connection.getContentLengthLong();
            if (expected < 0) {
                throw new IOException("object store: reading object " + key + " failed: no Content-Length");
            }
            InputStream body = new Body(connection, connection.getInputStream(), expected, key);
            handedOver = true;
            return body;
        } finally {
            if (!handedOver) {
                connection.disconnect();
            }
        }
    }

    /** Bodies handed out and not yet closed (for tests: none once all are closed). */
    int open() {
        return open.get();
    }

    private static IOException refusal(HttpURLConnection connection, int status, String key) throws IOException {
        String body = "";
        InputStream error = connection.getErrorStream();
        if (error != null) {
            try (error) {
                body = new String(error.readNBytes(ERROR_BODY_LIMIT), StandardCharsets.UTF_8);
            }
        }
        String code = first(CODE, body);
        if (status == 404 && "NoSuchKey".equals(code)) {
            return new FileNotFoundException("no object " + key);
        }
        String message = first(MESSAGE, body);
        return new IOException("object store: reading object " + key + " failed: HTTP " + status
                + (code.isEmpty() ? "" : " " + code) + (message.isEmpty() ? "" : ": " + message));
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : "";
    }

    /** The response body: checks its length at the end, frees or closes the connection when closed. */
    private final class Body extends FilterInputStream {

        private final HttpURLConnection connection;
        private final long expected;
        private final String key;
        private final byte[] one = new byte[1];
        private long received;
        private boolean ended;
        private boolean closed;

        Body(HttpURLConnection connection, InputStream in, long expected, String key) {
            super(in);
            this.connection = connection;
            this.expected = expected;
            this.key = key;
            open.incrementAndGet();
        }

        @Override
        public int read() throws IOException {
            return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                received += n;
            } else if (n < 0) {
                if (received != expected) {
                    throw new IOException("object store: reading object " + key + " failed: the store sent "
                            + received + " of " + expected + " bytes");
                }
                ended = true;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            received += skipped;
            return skipped;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (ended || received == expected) {
                    in.close(); // read to its end: the connection goes back to the keep-alive cache
                } else {
                    connection.disconnect(); // part way: the rest is not wanted, the connection is closed
                }
            } finally {
                open.decrementAndGet();
            }
        }
    }
}
