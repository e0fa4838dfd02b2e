package uk.gov.inspectorates.portal.deploy.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One signed-in user of the portal's JSON API over loopback HTTP/1.1 (cookie jar + CSRF token). */
final class PortalClient {

    private static final Pattern CSRF = Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"[^\"]*?([^:\"]+)\"");
    private static final Pattern PROBLEM_DETAIL = Pattern.compile("\"detail\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{32})\"");
    private static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(20);
    /** As the MinIO SDK's own client: OkHttp, one connection pool for every download of the run. */
    private static final okhttp3.OkHttpClient DOWNLOADS = new okhttp3.OkHttpClient.Builder()
            .callTimeout(TRANSFER_TIMEOUT).readTimeout(Duration.ofMinutes(5)).followRedirects(false).build();

    private final URI base;
    private final HttpClient client;
    private final CookieManager cookies = new CookieManager();
    private String csrfToken = "";
    private volatile long lastFileByteNanos;

    private PortalClient(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static PortalClient signIn(URI base, String username, String password) throws IOException, InterruptedException {
        PortalClient api = new PortalClient(base);
        HttpResponse<String> response = api.client.send(HttpRequest.newBuilder(base.resolve("api/v1/session"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"otp\":\""
                                + DemoCode.next(username) + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IOException("sign-in of " + username + " gave " + response.statusCode() + ": " + response.body());
        }
        api.csrfToken = token.group(1);
        return api;
    }

    /**
     * As an inspection's lead inspector: opens a JTAI inspection of Northdale notified on the latest working day the
     * portal accepts, and requests key case-file documents of its children's services; returns the path
     * {@code inspections/{id}/requests/{id}} that evidence is uploaded to.
     */
    String openInspectionWithRequest() throws IOException, InterruptedException {
        String inspection = null;
        String refusal = "";
        for (int back = 0; back < 10 && inspection == null; back++) {
            String notified = LocalDate.now(ZoneId.of("Europe/London")).minusDays(back).toString();
            HttpResponse<String> opened = postJson("api/v1/inspections", "{\"localAuthorityArea\":\"northdale\","
                    + "\"theme\":\"Benchmark\",\"notifiedOn\":\"" + notified + "\",\"inspectorates\":[\"OFSTED\"],"
                    + "\"leadInspectorate\":\"OFSTED\"}");
            if (opened.statusCode() == 201) {
                inspection = idOf(opened.body());
            } else {
                refusal = opened.statusCode() + ": " + opened.body();
            }
        }
        if (inspection == null) {
            throw new IOException("no inspection could be opened: " + refusal);
        }
        HttpResponse<String> requested = postJson("api/v1/inspections/" + inspection + "/requests",
                "{\"agency\":\"northdale-childrens-services\",\"title\":\"Benchmark\",\"description\":\"Benchmark\","
                        + "\"items\":[\"KEY_CASE_FILE_DOCUMENTS\"]}");
        if (requested.statusCode() != 201) {
            throw new IOException("request gave " + requested.statusCode() + ": " + requested.body());
        }
        return "inspections/" + inspection + "/requests/" + idOf(requested.body());
    }

    /** As the agency's uploader: uploads evidence from bytes in memory to the request; returns the document's id. */
    String upload(String requestPath, byte[] pdf) throws IOException, InterruptedException {
        return upload(requestPath, pdf, "case-file.pdf", "application/pdf");
    }

    /** Uploads evidence of another type from bytes in memory (the name's extension must match the content). */
    String upload(String requestPath, byte[] bytes, String fileName, String contentType)
            throws IOException, InterruptedException {
        return upload(requestPath, HttpRequest.BodyPublishers.ofByteArray(bytes), fileName, contentType);
    }

    /** Uploads evidence streamed from {@code pdf} ({@code length} bytes); returns the document's id. */
    String upload(String requestPath, Supplier<InputStream> pdf, long length) throws IOException, InterruptedException {
        return upload(requestPath, pdf, length, "case-file.pdf", "application/pdf");
    }

    /** Uploads evidence streamed from {@code content} ({@code length} bytes); returns the document's id. */
    String upload(String requestPath, Supplier<InputStream> content, long length, String fileName, String contentType)
            throws IOException, InterruptedException {
        return upload(requestPath, HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(content), length), fileName, contentType);
    }

    private String upload(String requestPath, HttpRequest.BodyPublisher file, String fileName, String contentType)
            throws IOException, InterruptedException {
        String boundary = "----portal-bench-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + "{\"classification\":{\"tier\":\"OFFICIAL-SENSITIVE\",\"descriptor\":\"PERSONAL\"}}\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/v1/" + requestPath + "/documents"))
                .timeout(TRANSFER_TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-CSRF-Token", csrfToken)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(head.getBytes(StandardCharsets.UTF_8)),
                        file,
                        lastByteSent(HttpRequest.BodyPublishers.ofByteArray(tail.getBytes(StandardCharsets.US_ASCII)))))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("upload gave " + response.statusCode() + " " + problem(response.body()));
        }
        return idOf(response.body());
    }

    private HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("X-CSRF-Token", csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A problem+json body in short: its type's last part and its detail ("unavailable: Try again later."). */
    static String problem(String body) {
        Matcher type = PROBLEM_TYPE.matcher(body);
        Matcher detail = PROBLEM_DETAIL.matcher(body);
        if (!type.find()) {
            return body.length() > 200 ? body.substring(0, 200) + "…" : body;
        }
        return type.group(1) + (detail.find() ? ": " + detail.group(1) : "");
    }

    private static String idOf(String body) throws IOException {
        Matcher id = ID.matcher(body);
        if (!id.find()) {
            throw new IOException("no id in " + body);
        }
        return id.group(1);
    }

    /**
     * System.nanoTime() when the last upload handed the HTTP client its file's last byte (the client subscribes to
     * the closing boundary only then): what follows is the portal's work after the last byte, until its answer.
     */
    long lastFileByteNanos() {
        return lastFileByteNanos;
    }

    private HttpRequest.BodyPublisher lastByteSent(HttpRequest.BodyPublisher tail) {
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return tail.contentLength();
            }

            @Override
            public void subscribe(java.util.concurrent.Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                lastFileByteNanos = System.nanoTime();
                tail.subscribe(subscriber);
            }
        };
    }

    /** The session's cookies as a Cookie header, for another HTTP client ({@link DownloadProbe}). */
    String cookieHeader() {
        return cookies.getCookieStore().get(base).stream().map(Object::toString)
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /**
     * As an inspectorate's report sharer: shares {@code pdf} as a report under embargo to the default addressees (a
     * JTAI report of Northdale, OFFICIAL-SENSITIVE PERSONAL); returns the report's id.
     */
    String shareReport(byte[] pdf) throws IOException, InterruptedException {
        String boundary = "----portal-bench-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + "{\"title\":\"Joint targeted area inspection of Northdale\","
                + "\"reportType\":\"OFSTED_CHILDREN_IN_NEED_LOOKED_AFTER_CARE_LEAVERS\","
                + "\"subject\":\"Northdale local authority area\","
                + "\"classification\":{\"tier\":\"OFFICIAL_SENSITIVE\",\"descriptor\":\"PERSONAL\"},"
                + "\"attestations\":{\"subjectHadChanceToComment\":true,\"contentFinal\":true,"
                + "\"subjectHasFinalUnderEmbargo\":true}}\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"report.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("api/v1/reports"))
                .timeout(TRANSFER_TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-CSRF-Token", csrfToken)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(head.getBytes(StandardCharsets.UTF_8)),
                        HttpRequest.BodyPublishers.ofByteArray(pdf),
                        HttpRequest.BodyPublishers.ofByteArray(tail.getBytes(StandardCharsets.US_ASCII))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("report share gave " + response.statusCode() + " " + problem(response.body()));
        }
        return idOf(response.body());
    }

    /** {@code GET /api/v1/reports/{id}/content} as a stream (200 required): the reader's stamped copy. */
    InputStream stampedCopy(String reportId) throws IOException, InterruptedException {
        return content("api/v1/reports/" + reportId + "/content");
    }

    /**
     * {@code GET /api/v1/documents/{id}/content} as a stream (200 required): an evidence document's own bytes (an
     * embargoed report is served only as a stamped copy, which differs from the upload by design). Read with OkHttp,
     * the HTTP client of the MinIO SDK whose plain GET it is compared with, so that both sides of the download ratio
     * use the same client: on this machine the JDK's HttpClient reads the same 64 MiB object 2.4 times slower than
     * OkHttp ({@link DownloadProbe}, docs/adr/0037's addendum), which the portal would otherwise be charged with.
     */
    InputStream download(String id) throws IOException {
        return content("api/v1/documents/" + id + "/content");
    }

    private InputStream content(String path) throws IOException {
        okhttp3.Response response = DOWNLOADS.newCall(new okhttp3.Request.Builder()
                .url(base.resolve(path).toString())
                .header("Cookie", cookieHeader()).get().build()).execute();
        if (response.code() != 200) {
            String body;
            try (response) {
                body = new String(response.body().byteStream().readNBytes(2000), StandardCharsets.UTF_8);
            }
            throw new IOException("download of " + path + " gave " + response.code() + ": " + body);
        }
        return response.body().byteStream();
    }
}
