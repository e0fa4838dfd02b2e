package uk.gov.inspectorates.portal.deploy.bench;

import com.sun.net.httpserver.HttpServer;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Http;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static uk.gov.inspectorates.portal.deploy.bench.Stats.f;

/**
 * Where a download's time goes (docs/adr/0037, addendum): the same document fetched several ways, alternating within
 * each round, so that every way sees the same minutes of a shared machine.
 * <ul>
 *   <li>the portal's download read with the JDK's HttpClient and with OkHttp (the client the MinIO SDK's plain GET
 *       uses): how much of the gap is the client's;</li>
 *   <li>the plain GET with the MinIO SDK (OkHttp) and with the JDK's HttpClient (a presigned URL): the same question
 *       from the store's side;</li>
 *   <li>a relay without decryption, session, database or audit (an HTTP server in this JVM that GETs the plain object
 *       with the SDK and writes it to its client, 256 KiB at a time), read with OkHttp: what a second hop alone
 *       costs on this machine, the floor for any portal that sits between the client and the store;</li>
 *   <li>the time to the response's headers (the portal's fixed cost before the first byte: session, gate, audit row,
 *       the store's first answer) against the plain GET's;</li>
 *   <li>the CPU each way costs: of the portal's process, and of this JVM (S3Proxy, the client, the relay). On a
 *       machine whose cores are all busy, a way cannot take less time than its CPU seconds over the cores.</li>
 * </ul>
 * Every byte read is compared with the upload. The figures go to the log and the summary's notes; the table's row
 * stays the portal download against the plain GET ({@link TransferBench}).
 */
final class DownloadProbe implements AutoCloseable {

    private static final int RELAY_BUFFER = 256 * 1024;

    private final URI portal;
    private final long portalPid;
    private final String cookie;
    private final MinioClient minio;
    private final String bucket;
    private final OkHttpClient ok;
    private final HttpClient jdk;
    private final HttpServer relay;
    private final ExecutorService relayThreads = Executors.newFixedThreadPool(2);

    DownloadProbe(URI portal, long portalPid, String cookie, MinioClient minio, String bucket) throws IOException {
        this.portal = portal;
        this.portalPid = portalPid;
        this.cookie = cookie;
        this.minio = minio;
        this.bucket = bucket;
        this.ok = new OkHttpClient.Builder().readTimeout(java.time.Duration.ofMinutes(5)).build();
        this.jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        this.relay = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        relay.createContext("/", exchange -> {
            String key = exchange.getRequestURI().getPath().substring(1);
            try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
                 OutputStream out = exchange.getResponseBody()) {
                long length = Long.parseLong(exchange.getRequestURI().getQuery().replace("length=", ""));
                exchange.sendResponseHeaders(200, length);
                byte[] buffer = new byte[RELAY_BUFFER];
                int n;
                while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                    out.write(buffer, 0, n);
                }
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        relay.setExecutor(relayThreads);
        relay.start();
    }

    /** Seconds per way (median of {@code rounds}), and notes. */
    Map<String, Double> run(String documentId, byte[] content, int rounds, String key) throws Exception {
        minio.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                .stream(new ByteArrayInputStream(content), (long) content.length, 8L * 1024 * 1024)
                .contentType("application/octet-stream").build());
        try {
            String presigned = minio.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Http.Method.GET)
                    .bucket(bucket).object(key).expiry(3600).build());
            URI relayUri = URI.create("http://127.0.0.1:" + relay.getAddress().getPort() + "/" + key + "?length="
                    + content.length);
            URI portalUri = portal.resolve("api/v1/documents/" + documentId + "/content");
            Map<String, List<Double>> seconds = new LinkedHashMap<>();
            byte[] sink = new byte[content.length];
            for (int round = 0; round < rounds; round++) {
                time(seconds, "portal, JDK HttpClient", content, sink, headers -> jdkGet(portalUri, true, headers));
                time(seconds, "portal, OkHttp", content, sink, headers -> okGet(portalUri.toString(), true, headers));
                time(seconds, "plain GET, MinIO SDK (OkHttp)", content, sink, headers -> {
                    long t0 = System.nanoTime();
                    InputStream in = minio.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
                    headers.add((System.nanoTime() - t0) / 1e9);
                    return in;
                });
                time(seconds, "plain GET, JDK HttpClient", content, sink,
                        headers -> jdkGet(URI.create(presigned), false, headers));
                time(seconds, "relay without decryption, OkHttp", content, sink,
                        headers -> okGet(relayUri.toString(), false, headers));
            }
            Map<String, Double> medians = new LinkedHashMap<>();
            seconds.forEach((way, values) -> medians.put(way, Stats.median(values)));
            return medians;
        } finally {
            minio.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        }
    }

    private interface Opener {
        InputStream open(List<Double> headerSeconds) throws Exception;
    }

    private void time(Map<String, List<Double>> seconds, String way, byte[] content, byte[] sink, Opener opener)
            throws Exception {
        List<Double> headers = seconds.computeIfAbsent(way + ": to the headers", k -> new ArrayList<>());
        long portalTicks = portalCpuTicks();
        long benchCpu = BENCH_JVM.getProcessCpuTime();
        long t0 = System.nanoTime();
        int n = CipherBench.drain(opener.open(headers), sink);
        double s = (System.nanoTime() - t0) / 1e9;
        double portalCpu = (portalCpuTicks() - portalTicks) / 100.0;
        double benchJvmCpu = (BENCH_JVM.getProcessCpuTime() - benchCpu) / 1e9;
        if (n != content.length || !java.util.Arrays.equals(content, 0, n, sink, 0, n)) {
            throw new IOException(way + ": the download differs from the upload (" + n + " of " + content.length + ")");
        }
        seconds.computeIfAbsent(way, k -> new ArrayList<>()).add(s);
        seconds.computeIfAbsent(way + ": CPU s of the portal", k -> new ArrayList<>()).add(portalCpu);
        seconds.computeIfAbsent(way + ": CPU s of S3Proxy + client (+ relay)", k -> new ArrayList<>()).add(benchJvmCpu);
    }

    private static final com.sun.management.OperatingSystemMXBean BENCH_JVM =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** utime + stime of the portal's process in clock ticks (USER_HZ, 100 on Linux). */
    private long portalCpuTicks() throws IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + portalPid + "/stat"),
                java.nio.charset.StandardCharsets.US_ASCII);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private InputStream jdkGet(URI uri, boolean signedIn, List<Double> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (signedIn) {
            request.header("Cookie", cookie);
        }
        long t0 = System.nanoTime();
        HttpResponse<InputStream> response = jdk.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        headers.add((System.nanoTime() - t0) / 1e9);
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException(uri.getPath() + " gave " + response.statusCode());
        }
        return response.body();
    }

    private InputStream okGet(String url, boolean signedIn, List<Double> headers) throws IOException {
        Request.Builder request = new Request.Builder().url(url).get();
        if (signedIn) {
            request.header("Cookie", cookie);
        }
        long t0 = System.nanoTime();
        Response response = ok.newCall(request.build()).execute();
        headers.add((System.nanoTime() - t0) / 1e9);
        if (response.code() != 200) {
            response.close();
            throw new IOException(url + " gave " + response.code());
        }
        return response.body().byteStream();
    }

    static String describe(int mebibytes, Map<String, Double> medians) {
        double plain = medians.get("plain GET, MinIO SDK (OkHttp)");
        StringBuilder out = new StringBuilder(f("Download probe, %d MiB (median seconds; ratio = plain GET, MinIO SDK / this):", mebibytes));
        medians.forEach((way, s) -> out.append(way.endsWith("to the headers") ? f(" %s %.4f;", way, s)
                : way.contains(": CPU s") ? f(" %s %.2f;", way, s) : f(" %s %.3f (%.2f);", way, s, plain / s)));
        return out.toString();
    }

    @Override
    public void close() {
        relay.stop(0);
        relayThreads.shutdownNow();
        ok.dispatcher().executorService().shutdown();
        ok.connectionPool().evictAll();
    }
}
