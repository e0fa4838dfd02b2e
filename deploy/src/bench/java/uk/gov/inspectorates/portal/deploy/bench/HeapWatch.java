package uk.gov.inspectorates.portal.deploy.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap of the portal's JVM while something runs, seen two ways:
 * <ul>
 *   <li>MicroProfile Metrics ({@code GET /metrics}: {@code base_memory_usedHeap_bytes},
 *       {@code base_memory_maxHeap_bytes}) polled every {@code interval};</li>
 *   <li>the JVM's GC log ({@code -Xlog:gc:file=...}): the heap in use just before each collection in the window,
 *       which is where the heap peaks (polling can miss a short peak between two samples).</li>
 * </ul>
 */
final class HeapWatch implements AutoCloseable {

    private static final Pattern USED = Pattern.compile("(?m)^(?:base_)?memory_usedHeap_bytes(?:\\{[^}]*})?\\s+([0-9.eE+]+)");
    private static final Pattern MAX = Pattern.compile("(?m)^(?:base_)?memory_maxHeap_bytes(?:\\{[^}]*})?\\s+([0-9.eE+]+)");
    /** e.g. {@code GC(12) Pause Young (Normal) (G1 Evacuation Pause) 120M->30M(256M) 4.123ms} */
    private static final Pattern GC = Pattern.compile("GC\\(\\d+\\) (Pause[^\\n]*?) (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    /** The bench portal's metrics token (portal.metrics.token): the metrics answer only a scraper that sends it. */
    static final String METRICS_TOKEN = "bench-metrics-token-" + java.util.UUID.randomUUID();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI metrics;
    private final Path gcLog;
    private final long gcLogStart;
    private final Thread poller;
    private volatile boolean running = true;
    private volatile long peakUsed = -1;
    private volatile long maxHeap = -1;
    private volatile int samples;

    private HeapWatch(URI metrics, Path gcLog, Duration interval) throws IOException {
        this.metrics = metrics;
        this.gcLog = gcLog;
        this.gcLogStart = Files.isRegularFile(gcLog) ? Files.size(gcLog) : 0;
        this.poller = new Thread(() -> poll(interval), "heap-watch");
        this.poller.setDaemon(true);
        this.poller.start();
    }

    static HeapWatch start(URI base, Path gcLog, Duration interval) throws IOException {
        return new HeapWatch(base.resolve("metrics"), gcLog, interval);
    }

    /** One reading of {@code /metrics}: {used, max} in bytes, or empty when the metrics are not there. */
    static Optional<long[]> sample(HttpClient client, URI metrics) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(metrics)
                    .timeout(Duration.ofSeconds(5)).header("Accept", "text/plain")
                    .header("Authorization", "Bearer " + METRICS_TOKEN).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher used = USED.matcher(response.body());
            Matcher max = MAX.matcher(response.body());
            if (response.statusCode() == 200 && used.find()) {
                return Optional.of(new long[] {(long) Double.parseDouble(used.group(1)),
                        max.find() ? (long) Double.parseDouble(max.group(1)) : -1});
            }
        } catch (IOException e) {
            // no sample this time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** The lines of {@code /metrics} that mention the heap (to diagnose a metric name that did not match). */
    static String heapLines(URI base) {
        try {
            HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String body = c.send(HttpRequest.newBuilder(base.resolve("metrics")).timeout(Duration.ofSeconds(5))
                    .header("Accept", "text/plain").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            return String.join(" | ", body.lines().filter(l -> l.toLowerCase().contains("heap")).limit(8).toList());
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    private void poll(Duration interval) {
        while (running) {
            sample(client, metrics).ifPresent(s -> {
                samples++;
                peakUsed = Math.max(peakUsed, s[0]);
                maxHeap = s[1];
            });
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        try {
            poller.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The heap peak seen by polling {@code /metrics} (bytes; -1 without samples). */
    long polledPeak() {
        return peakUsed;
    }

    long polledMaxHeap() {
        return maxHeap;
    }

    int samples() {
        return samples;
    }

    /**
     * {largest heap-before-GC, its capacity, number of collections, largest heap-after-GC (what stayed live)} in
     * the GC log written since the start.
     */
    long[] gcLogPeak() throws IOException {
        if (!Files.isRegularFile(gcLog)) {
            return new long[] {-1, -1, 0, -1};
        }
        byte[] all = Files.readAllBytes(gcLog);
        String window = new String(all, (int) Math.min(gcLogStart, all.length),
                (int) (all.length - Math.min(gcLogStart, all.length)), StandardCharsets.UTF_8);
        long peak = -1;
        long capacity = -1;
        int collections = 0;
        long peakAfter = -1;
        for (String line : List.of(window.split("\\R"))) {
            Matcher m = GC.matcher(line);
            if (m.find()) {
                collections++;
                long before = bytes(m.group(2), m.group(3));
                peakAfter = Math.max(peakAfter, bytes(m.group(4), m.group(5)));
                if (before > peak) {
                    peak = before;
                    capacity = bytes(m.group(6), m.group(7));
                }
            }
        }
        return new long[] {peak, capacity, collections, peakAfter};
    }

    private static long bytes(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            default -> n << 30;
        };
    }
}
