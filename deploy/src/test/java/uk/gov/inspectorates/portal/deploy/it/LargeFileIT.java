package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.deploy.PayaraMicroProcess;
import uk.gov.inspectorates.portal.deploy.PortFinder;

/**
 * A 5 GiB file (1 GiB when the disk cannot hold 2 × 5 GiB; system property {@code portal.test.largeFileMiB}
 * to choose) uploads through the resumable API
 * into a portal whose heap is capped at 256 MiB: every part is streamed through encryption into S3 parts and the
 * assembled object is read back through windowed malware scanning. As a PDF it is too large to be checked for active
 * content in memory (docs/adr/0018), so it is refused at completion and discarded, never kept unchecked. The file is
 * generated on the fly (nothing of it on disk on the client's side); the portal's heap is watched through
 * {@code /metrics} while it runs. (The large streamed download returns with JTAI evidence, served unstamped.)
 */
class LargeFileIT {

    private static final long MIB = 1024 * 1024;
    private static final int PART = (int) (8 * MIB);
    /** The size: over clamd's 4 GB single-scan limit and far over the heap. */
    private static final long FULL_MIB = 5120;
    /** When the disk cannot hold S3Proxy's parts and the assembled object (2 × the file, plus room). */
    private static final long FALLBACK_MIB = 1024;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{32})\"");
    private static final Pattern USED = Pattern.compile("(?m)^(?:base_)?memory_usedHeap_bytes(?:\\{[^}]*})?\\s+([0-9.eE+]+)");
    private static final Pattern MAX = Pattern.compile("(?m)^(?:base_)?memory_maxHeap_bytes(?:\\{[^}]*})?\\s+([0-9.eE+]+)");

    @Test
    void aFiveGibFileStreamsThroughAPortalWithA256MibHeapAndIsRefusedAsTooLargeToCheckForActiveContent() throws Exception {
        Path work = TestEnvironment.workDirectory().resolve("large-file");
        long length = Long.getLong("portal.test.largeFileMiB", defaultMib()) * MIB;
        try (PayaraMicroProcess portal = PayaraMicroProcess.start(Path.of(System.getProperty("payara.microJar")),
                TestEnvironment.warFile(), PortFinder.freePort(), environment(length), List.of("-Xmx256m"),
                work.resolve("payara.log"), work.resolve("payara.pid"))) {
            portal.awaitReady(Duration.ofSeconds(150));
            URI base = URI.create("http://127.0.0.1:" + portal.port() + "/");
            HeapPeak heap = new HeapPeak(base);
            heap.start();
            try {
                roundTrip(base, length);
            } finally {
                heap.finish();
            }
            System.out.printf("[large-file] portal heap: max %d MiB, peak used seen %d MiB%n",
                    heap.max / MIB, heap.peak.get() / MIB);
            assertTrue(heap.max > 0 && heap.max <= 256 * MIB, "the portal ran with a heap of at most 256 MiB");
        }
    }

    private static void roundTrip(URI base, long length) throws Exception {
        PortalApi inspector = PortalApi.signedIn(base, "ofsted.inspector");
        long t0 = System.nanoTime();
        HttpResponse<String> started = inspector.postJson("/api/v1/uploads",
                "{\"purpose\":\"REPORT\",\"fileName\":\"large.pdf\",\"length\":" + length + "}");
        assertEquals(201, started.statusCode(), started.body());
        String upload = "/api/v1/uploads/" + idOf(started.body());

        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        int parts = (int) ((length + PART - 1) / PART);
        for (int n = 1; n <= parts; n++) {
            byte[] part = partOf(n, length);
            sent.update(part);
            HttpResponse<String> stored = inspector.putBytes(upload + "/parts/" + n, part);
            assertEquals(200, stored.statusCode(), "part " + n + ": " + stored.body());
        }
        long t1 = System.nanoTime();
        HttpResponse<String> completed = inspector.postJson(upload + "/completion", "{}", Duration.ofMinutes(30));
        long t2 = System.nanoTime();
        // Every PDF is checked for active content, in memory (docs/adr/0018): one this size cannot be, so once the
        // whole file has been read back through the windowed scan it is refused, and discarded, rather than kept
        // unchecked (it could never have been served either: a stamped copy is made in memory too, ADR 0013).
        assertEquals(422, completed.statusCode(), completed.body());
        assertTrue(completed.body().contains("document-too-complex"), completed.body());
        assertTrue(completed.body().contains("too large to be checked for active content"), completed.body());
        assertEquals(404, inspector.get(upload).statusCode(), "the refused upload is discarded");
        System.out.printf("[large-file] %d MiB: parts sent in %.0f s (%.0f MiB/s), completion (assemble, read back, "
                        + "scan, refuse) %.0f s; %s sent%n", length / MIB, secs(t1 - t0),
                length / MIB / secs(t1 - t0), secs(t2 - t1), HexFormat.of().formatHex(sent.digest()));
    }

    private static long defaultMib() throws IOException {
        long usable = Files.getFileStore(TestEnvironment.workDirectory()).getUsableSpace();
        if (usable >= (2 * FULL_MIB + 2048) * MIB) {
            return FULL_MIB;
        }
        System.out.printf("[large-file] only %d MiB free for the object store: %d MiB instead of %d MiB%n",
                usable / MIB, FALLBACK_MIB, FULL_MIB);
        return FALLBACK_MIB;
    }

    /** Part n of the file: a PDF header, then pseudo-random bytes (no compression can shortcut them). */
    private static byte[] partOf(int n, long length) {
        int size = (int) Math.min(PART, length - (long) (n - 1) * PART);
        byte[] bytes = new byte[size];
        SplittableRandom random = new SplittableRandom(n);
        for (int i = 0; i + 8 <= size; i += 8) {
            long r = random.nextLong();
            for (int b = 0; b < 8; b++) {
                bytes[i + b] = (byte) (r >>> (8 * b));
            }
        }
        if (n == 1) {
            byte[] header = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(header, 0, bytes, 0, header.length);
        }
        return bytes;
    }

    /** The shared environment's settings, a cap above the file, and scan windows within the test clamd's limit. */
    private static Map<String, String> environment(long length) {
        Map<String, String> properties = TestEnvironment.portalSettings();
        properties.put("portal.upload.max-bytes", Long.toString(length + MIB));
        properties.put("portal.upload.part-bytes", Integer.toString(PART));
        properties.put("portal.scan.window-bytes", Long.toString(TestEnvironment.UPLOAD_MAX_BYTES));
        properties.put("portal.scan.overlap-bytes", Long.toString(MIB));
        return PayaraMicroProcess.asEnvironment(properties);
    }

    private static String idOf(String json) {
        Matcher m = ID.matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
    }

    /** Polls the portal's heap every 200 ms. */
    private static final class HeapPeak extends Thread {
        private final HttpClient client = HttpClient.newHttpClient();
        private final URI metrics;
        private final AtomicLong peak = new AtomicLong();
        private volatile long max;
        private volatile boolean running = true;

        HeapPeak(URI base) {
            super("heap-peak");
            setDaemon(true);
            this.metrics = base.resolve("metrics");
        }

        @Override
        public void run() {
            while (running) {
                try {
                    String body = client.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    Matcher used = USED.matcher(body);
                    if (used.find()) {
                        peak.accumulateAndGet((long) Double.parseDouble(used.group(1)), Math::max);
                    }
                    Matcher m = MAX.matcher(body);
                    if (m.find()) {
                        max = (long) Double.parseDouble(m.group(1));
                    }
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a missed sample is not a failure
                }
            }
        }

        void finish() throws InterruptedException {
            running = false;
            interrupt();
            join(5000);
        }
    }
}
