package uk.gov.inspectorates.portal.deploy.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.gov.inspectorates.portal.deploy.EmbeddedPortalSettings;
import uk.gov.inspectorates.portal.deploy.bench.DemoCode;

/**
 * One signed-in person for the load test's set-up, its single-stream measure and its check afterwards (the load
 * itself is Gatling's): cookie jar, CSRF token, JSON calls, a multipart evidence upload from a file, downloads
 * hashed as they stream.
 */
final class LoadClient {

    private static final Pattern CSRF = Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{32})\"");
    static final String SESSION_COOKIE = "portal_session";

    private final URI base;
    private final String username;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String csrfToken = "";

    private LoadClient(URI base, String username) {
        this.base = base;
        this.username = username;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static LoadClient signIn(URI base, String username, String password) throws IOException, InterruptedException {
        LoadClient api = new LoadClient(base, username);
        HttpResponse<String> response = api.postJson("api/v1/session", "{\"username\":\"" + username
                + "\",\"password\":\"" + password + "\",\"otp\":\"" + DemoCode.next(username) + "\"}");
        Matcher token = CSRF.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IOException("sign-in of " + username + " gave " + response.statusCode() + ": " + response.body());
        }
        api.csrfToken = token.group(1);
        return api;
    }

    String username() {
        return username;
    }

    String csrfToken() {
        return csrfToken;
    }

    /** The session cookie's value, for Gatling's virtual users acting as this person. */
    String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(SESSION_COOKIE))
                .map(HttpCookie::getValue).findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie for " + username));
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").header("X-CSRF-Token", csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code POST .../documents}: the classification, then the file, streamed from disk. */
    HttpResponse<String> uploadEvidence(String requestPath, LoadDocument file) throws IOException, InterruptedException {
        String boundary = "----load-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"classification\":{\"tier\":\"OFFICIAL\"}}\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"evidence.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                HttpRequest.BodyPublishers.ofFile(file.path()), HttpRequest.BodyPublishers.ofByteArray(tail));
        return client.send(HttpRequest.newBuilder(base.resolve(requestPath + "/documents"))
                .timeout(Duration.ofMinutes(20)).header("X-CSRF-Token", csrfToken)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> putBytes(String path, byte[] bytes) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5))
                .header("X-CSRF-Token", csrfToken).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code POST .../documents} naming a completed resumable upload instead of sending the file. */
    HttpResponse<String> shareUpload(String requestPath, String uploadId) throws IOException, InterruptedException {
        String boundary = "----load-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"classification\":{\"tier\":\"OFFICIAL\"}}\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"upload\"\r\n\r\n" + uploadId + "\r\n--" + boundary + "--\r\n";
        return client.send(HttpRequest.newBuilder(base.resolve(requestPath + "/documents"))
                .timeout(Duration.ofMinutes(5)).header("X-CSRF-Token", csrfToken)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends part {@code number} over a raw connection and drops it (a TCP reset) after half of its bytes: what a
     * lost mobile or office connection does to an upload in flight.
     */
    void dropPartHalfway(String uploadId, int number, byte[] part) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoLinger(true, 0);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/v1/uploads/" + uploadId + "/parts/" + number + " HTTP/1.1\r\nHost: " + base.getHost()
                    + ":" + base.getPort() + "\r\nCookie: " + SESSION_COOKIE + "=" + sessionCookie()
                    + "\r\nX-CSRF-Token: " + csrfToken + "\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + part.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(part, 0, part.length / 2);
            out.flush();
        }
    }

    /** {@code POST /api/v1/reports}: a valid embargoed report's details, then the file. */
    HttpResponse<String> shareReport(LoadDocument file) throws IOException, InterruptedException {
        String boundary = "----load-" + UUID.randomUUID();
        String metadata = "{\"title\":\"Joint targeted area inspection of Northdale\",\"reportType\":"
                + "\"OFSTED_CHILDREN_IN_NEED_LOOKED_AFTER_CARE_LEAVERS\",\"subject\":\"Northdale local authority area\","
                + "\"classification\":{\"tier\":\"OFFICIAL_SENSITIVE\",\"descriptor\":\"PERSONAL\"},\"attestations\":"
                + "{\"subjectHadChanceToComment\":true,\"contentFinal\":true,\"subjectHasFinalUnderEmbargo\":true}}";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        return client.send(HttpRequest.newBuilder(base.resolve("api/v1/reports")).timeout(Duration.ofMinutes(5))
                .header("X-CSRF-Token", csrfToken).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file.path()), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Status and the SHA-256 of the body, hashed as it arrives. */
    record Download(int status, String sha256, long bytes) {
    }

    Download download(String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            CountingStream counting = new CountingStream(body);
            String sha = LoadDocument.sha256(counting);
            return new Download(response.statusCode(), sha, counting.count);
        }
    }

    static String idOf(String json) {
        Matcher id = ID.matcher(json);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return id.group(1);
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
