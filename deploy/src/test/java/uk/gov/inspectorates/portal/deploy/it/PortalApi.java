package uk.gov.inspectorates.portal.deploy.it;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One person's session with the portal's JSON API: cookie jar, CSRF token, multipart uploads. */
final class PortalApi {

    private static final Pattern CSRF = Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{32})\"");

    private static final java.util.Map<String, PortalApi> SESSIONS = new java.util.HashMap<>();

    private final URI base;
    private final HttpClient client;
    private String csrfToken = "";

    private PortalApi(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private PortalApi(URI base, HttpClient client, String csrfToken) {
        this.base = base;
        this.client = client;
        this.csrfToken = csrfToken;
    }

    /** This session (cookies, CSRF token) sent to another address: another instance of a cluster (ClusterIT). */
    PortalApi via(URI otherBase) {
        return new PortalApi(otherBase, client, csrfToken);
    }

    static PortalApi anonymous(URI base) {
        return new PortalApi(base);
    }

    /**
     * A demo user's live session for this portal: the one from an earlier call while it still answers, else a new
     * sign-in. Reusing sessions keeps the suites fast although each TOTP code works once per user (only about three
     * sign-ins per user fit in 30 s). Use {@link #anonymous} and {@link #signIn} for a session of its own.
     */
    static PortalApi signedIn(URI base, String username) throws Exception {
        String key = base + " " + username;
        PortalApi cached;
        synchronized (SESSIONS) {
            cached = SESSIONS.get(key);
        }
        if (cached != null && cached.get("/api/v1/me").statusCode() == 200) {
            return cached;
        }
        PortalApi api = newSignIn(base, username);
        synchronized (SESSIONS) {
            SESSIONS.put(key, api);
        }
        return api;
    }

    /** Signs in as a demo user in a new session; fails the test unless the portal says 200. */
    static PortalApi newSignIn(URI base, String username) throws Exception {
        PortalApi api = new PortalApi(base);
        HttpResponse<String> response = api.signIn(username, TestEnvironment.demoPassword());
        if (response.statusCode() != 200) {
            throw new AssertionError("sign-in of " + username + " gave " + response.statusCode() + ": "
                    + response.body());
        }
        return api;
    }

    /** Signs in with a fresh code of the demo TOTP secret ({@link TotpCodes}). */
    HttpResponse<String> signIn(String username, String password) throws Exception {
        String code = TotpCodes.demo(username);
        HttpResponse<String> response = signIn(username, password, code);
        if (response.statusCode() != 200) {
            TotpCodes.unused(username, TotpCodes.demoSecret(), code);
        }
        return response;
    }

    HttpResponse<String> signIn(String username, String password, String otp) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                        + password + "\",\"otp\":\"" + otp + "\"}")));
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrfToken = token.group(1);
        }
        return response;
    }

    /**
     * {@code POST} of a page form ({@code name, value, name, value...}), with this session's CSRF token as the
     * {@code csrfToken} field when it has one.
     */
    HttpResponse<String> postForm(String path, String... namesAndValues) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(form(namesAndValues[i])).append('=')
                    .append(form(namesAndValues[i + 1]));
        }
        if (!csrfToken.isEmpty()) {
            body.append(body.length() == 0 ? "" : "&").append("csrfToken=").append(form(csrfToken));
        }
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** {@code POST} of a page form or a JSON body without this session's CSRF token (field or header). */
    HttpResponse<String> postWithoutToken(String path, String contentType, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String form(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<byte[]> getBytes(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** {@code GET} with extra headers (name, value, ...), e.g. {@code Range} and {@code If-Range}. */
    HttpResponse<byte[]> getBytes(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** {@code HEAD}: the status and headers only. */
    HttpResponse<String> head(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    /** {@code DELETE} with the session's CSRF token. */
    HttpResponse<String> delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("X-CSRF-Token", csrfToken).DELETE());
    }

    /** {@code POST} of a JSON body with the session's CSRF token. */
    HttpResponse<String> postJson(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("X-CSRF-Token", csrfToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** {@code PUT} of a JSON body with the session's CSRF token. */
    HttpResponse<String> putJson(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("X-CSRF-Token", csrfToken)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** {@code POST} of a page's form ({@code application/x-www-form-urlencoded}), as given: no token is added. */
    HttpResponse<String> postForm(String path, String urlEncodedFields) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncodedFields)));
    }

    /** {@code POST} of a JSON body that may take long to answer (e.g. completing a large upload). */
    HttpResponse<String> postJson(String path, String json, Duration timeout) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("X-CSRF-Token", csrfToken)
                .header("Content-Type", "application/json").timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET} whose body is read as it arrives (a large download). */
    HttpResponse<java.io.InputStream> getStream(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(30)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    /** {@code GET} as a stream, with extra headers (name, value, ...). */
    HttpResponse<java.io.InputStream> getStream(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(30)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** {@code PUT} of raw bytes with the session's CSRF token (a resumable upload's part). */
    HttpResponse<String> putBytes(String path, byte[] bytes) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("X-CSRF-Token", csrfToken)
                .header("Content-Type", "application/octet-stream").timeout(Duration.ofSeconds(120))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** {@code POST /api/v1/reports} of the metadata and the id of a completed resumable upload, no file. */
    HttpResponse<String> shareUploadedReport(String metadataJson, String uploadId) throws Exception {
        String boundary = "----portal-test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "Content-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n", metadataJson.getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "Content-Disposition: form-data; name=\"upload\"\r\n",
                uploadId.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return send(HttpRequest.newBuilder(uri("/api/v1/reports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-CSRF-Token", csrfToken)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    String csrfToken() {
        return csrfToken;
    }

    /** {@code POST /api/v1/reports} with the metadata part first, then the file. */
    HttpResponse<String> shareReport(String metadataJson, String fileName, byte[] file) throws Exception {
        return shareReport(metadataJson, fileName, file, true);
    }

    HttpResponse<String> shareReport(String metadataJson, String fileName, byte[] file, boolean withCsrfToken)
            throws Exception {
        String boundary = "----portal-test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (metadataJson != null) {
            part(body, boundary, "Content-Disposition: form-data; name=\"metadata\"\r\n"
                    + "Content-Type: application/json\r\n", metadataJson.getBytes(StandardCharsets.UTF_8));
        }
        if (file != null) {
            part(body, boundary, "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                    + "Content-Type: application/octet-stream\r\n", file);
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/reports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (withCsrfToken) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return send(request);
    }

    /**
     * A multipart {@code POST} to any path: the fields (name, value pairs, in order; names may repeat), then the file
     * (if any); with the session's CSRF token as the {@code X-CSRF-Token} header when {@code withCsrfHeader}.
     */
    HttpResponse<String> postMultipart(String path, java.util.List<String[]> fields, String fileName, byte[] file,
                                       boolean withCsrfHeader) throws Exception {
        String boundary = "----portal-test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : fields) {
            part(body, boundary, "Content-Disposition: form-data; name=\"" + field[0] + "\"\r\n",
                    field[1].getBytes(StandardCharsets.UTF_8));
        }
        if (file != null) {
            part(body, boundary, "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                    + "Content-Type: application/octet-stream\r\n", file);
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (withCsrfHeader) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return send(request);
    }

    /**
     * {@code POST /api/v1/reports} of a valid report whose request body is sent at about {@code bytesPerSecond}
     * (so that it is still in flight a while), metadata first.
     */
    HttpResponse<String> shareReportThrottled(String metadataJson, String fileName, byte[] file, int bytesPerSecond)
            throws Exception {
        String boundary = "----portal-test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "Content-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n", metadataJson.getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n", file);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] bytes = body.toByteArray();
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/reports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-CSRF-Token", csrfToken)
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ThrottledStream(bytes, bytesPerSecond)), bytes.length))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A multipart {@code POST} (fields, then the file) sent asynchronously whose body stops after the fields and the
     * file's first {@code sentBeforeHold} bytes until {@code hold} opens: the request is in flight, its file begun,
     * as long as the caller wants (UploadLimitsIT).
     */
    java.util.concurrent.CompletableFuture<HttpResponse<String>> postMultipartHeld(String path,
            java.util.List<String[]> fields, String fileName, byte[] file, int sentBeforeHold,
            java.util.concurrent.CountDownLatch hold, boolean withCsrfHeader) {
        String boundary = "----portal-test-" + UUID.randomUUID();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (String[] field : fields) {
            part(head, boundary, "Content-Disposition: form-data; name=\"" + field[0] + "\"\r\n",
                    field[1].getBytes(StandardCharsets.UTF_8));
        }
        head.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        head.write(file, 0, sentBeforeHold);
        byte[] before = head.toByteArray();
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        tail.write(file, sentBeforeHold, file.length - sentBeforeHold);
        tail.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] after = tail.toByteArray();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(before),
                                new HeldStream(after, hold))), before.length + after.length));
        if (withCsrfHeader) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Its bytes once the latch opens. */
    private static final class HeldStream extends java.io.InputStream {
        private final java.io.InputStream bytes;
        private final java.util.concurrent.CountDownLatch hold;

        HeldStream(byte[] bytes, java.util.concurrent.CountDownLatch hold) {
            this.bytes = new java.io.ByteArrayInputStream(bytes);
            this.hold = hold;
        }

        @Override
        public int read() throws java.io.IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            try {
                if (!hold.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new java.io.IOException("held too long");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
            return bytes.read(buffer, offset, length);
        }
    }

    /** Hands out its bytes in 16 KiB reads, pausing between them to keep to the rate. */
    private static final class ThrottledStream extends java.io.InputStream {
        private final byte[] bytes;
        private final int bytesPerSecond;
        private final long start = System.nanoTime();
        private int position;

        ThrottledStream(byte[] bytes, int bytesPerSecond) {
            this.bytes = bytes;
            this.bytesPerSecond = bytesPerSecond;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            long dueNanos = (long) position * 1_000_000_000L / bytesPerSecond;
            long waitNanos = dueNanos - (System.nanoTime() - start);
            if (waitNanos > 0) {
                try {
                    Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            int n = Math.min(Math.min(length, 16 * 1024), bytes.length - position);
            System.arraycopy(bytes, position, buffer, offset, n);
            position += n;
            return n;
        }
    }

    /** Shares a valid report and returns its id. */
    String shareValidReport(byte[] pdf) throws Exception {
        HttpResponse<String> response = shareReport(ReportMetadata.aReport().json(), "report.pdf", pdf);
        if (response.statusCode() != 201) {
            throw new AssertionError("share gave " + response.statusCode() + ": " + response.body());
        }
        return idOf(response.body());
    }

    static String idOf(String json) {
        Matcher id = ID.matcher(json);
        if (!id.find()) {
            throw new AssertionError("no id in " + json);
        }
        return id.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
