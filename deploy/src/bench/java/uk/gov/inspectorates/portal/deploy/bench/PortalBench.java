package uk.gov.inspectorates.portal.deploy.bench;

import io.minio.MinioClient;
import uk.gov.inspectorates.portal.deploy.Folders;
import uk.gov.inspectorates.portal.deploy.PortFinder;
import uk.gov.inspectorates.portal.deploy.EmbeddedObjectStoreServer;
import uk.gov.inspectorates.portal.deploy.EmbeddedPortalSettings;
import uk.gov.inspectorates.portal.deploy.EmbeddedPostgresServer;
import uk.gov.inspectorates.portal.deploy.PayaraMicroProcess;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static uk.gov.inspectorates.portal.deploy.bench.Stats.f;
import static uk.gov.inspectorates.portal.deploy.bench.Stats.mib;

/**
 * The portal's benchmarks, in one run ({@code scripts/bench}, or {@code mvn -B -q -pl deploy -Pbench verify}), printed
 * as one summary table ({@link BenchTable}) and written as markdown to {@code bench.summary}
 * ({@code deploy/target/bench-summary.md}): every ratio of issue 19 against its baseline measured in the same run.
 * <ol>
 *   <li>bare cipher: {@code EnvelopeCipher} decrypt in memory vs a plain copy of the same bytes (context);</li>
 *   <li>uploads and downloads through the real portal (Payara Micro with the WAR, embedded PostgreSQL, S3Proxy,
 *       clamd; JSON API over loopback HTTP) vs a plain MinIO-SDK put / get of the same bytes to the same S3Proxy and
 *       clamd alone scanning them ({@link TransferBench});</li>
 *   <li>the heap of the portal's JVM ({@code -Xmx256m}) during each size's round trips and one more streamed
 *       round trip of {@code bench.heapRunMiB};</li>
 *   <li>stamped downloads against PDFBox's own load + full save of the same report ({@code StampBench}).</li>
 * </ol>
 * A measure that fails is a row saying why, and the exit code is then 1; a missed target is a result (exit 0).
 *
 * <p>System properties: {@code bench.sizes} (MiB, comma-separated; default 64,256), {@code bench.reps} (3),
 * {@code bench.heapRunMiB} (512), {@code bench.portalXmx} (1g: a 256 MiB PDF is checked in memory), {@code bench.pdfCheckMiB} (300), {@code bench.cipherMiB} (256),
 * {@code bench.cipherReps} (5), {@code bench.microJar}, {@code bench.war}, {@code bench.workDir},
 * {@code bench.summary}, {@code bench.keep} (keep the work folder), {@code bench.portalJvmArgs} (extra options of the portal's JVM).
 */
public final class PortalBench {

    private static final String PORTAL_BUCKET = "portal-documents";
    private static final String PLAIN_BUCKET = "bench-plain";
    private static final String REGION = "eu-west-2";
    private static final String DEMO_PASSWORD = "Demo-portal-2026!";

    private final Path work;
    private final BenchTable table = new BenchTable();
    private final List<String> notes = new ArrayList<>();

    private PortalBench(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("bench.workDir", "target/bench-work")).toAbsolutePath();
        Path summary = Path.of(System.getProperty("bench.summary", "target/bench-summary.md")).toAbsolutePath();
        PortalBench bench = new PortalBench(work);
        int exit = 0;
        try {
            bench.run();
        } catch (Exception | Error e) {
            System.err.println("[bench] FAILED: " + e);
            e.printStackTrace();
            bench.table.failed("the run", "", "stopped: " + e);
        } finally {
            if (!Boolean.getBoolean("bench.keep")) {
                Folders.deleteQuietly(work);
            }
        }
        String markdown = bench.summary();
        Files.createDirectories(summary.getParent());
        Files.writeString(summary, markdown);
        System.out.println();
        System.out.println(markdown);
        System.out.println("[bench] written to " + summary);
        if (bench.table.anyFailed()) {
            System.err.println("[bench] at least one measure failed to run (its row says why)");
            exit = 1;
        }
        System.exit(exit);
    }

    private void run() throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("bench.sizes", "64,256").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
        int reps = Integer.getInteger("bench.reps", 3);
        int heapRunMiB = Integer.getInteger("bench.heapRunMiB", 512);
        String portalXmx = System.getProperty("bench.portalXmx", "1g");
        int cipherMiB = Integer.getInteger("bench.cipherMiB", 256);
        int cipherReps = Integer.getInteger("bench.cipherReps", 5);
        Path microJar = Path.of(System.getProperty("bench.microJar", "target/payara-micro.jar"));
        Path war = Path.of(System.getProperty("bench.war", "target/portal.war"));

        notes.add(f("Measured %s on %d CPUs (load average %s at the start), Java %s; sizes %s MiB, median of %d "
                        + "repetitions after a warm-up; portal at -Xmx%s.", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"),
                sizes.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")), reps, portalXmx));
        log(notes.get(0));

        // ---- 1. bare cipher, before any server is started (nothing else competes for the CPUs)
        log(f("cipher: %d MiB in memory, %d reps after >= 3 warm-up rounds (>= 5 s)", cipherMiB, cipherReps));
        String cipherMeasure = f("bare cipher: %%s vs plain copy, %d MiB in memory", cipherMiB);
        try {
            CipherBench.Result cipher = CipherBench.run(cipherMiB, cipherReps);
            cipherRow(f(cipherMeasure, "encrypt"), cipher, cipher.encryptSeconds());
            cipherRow(f(cipherMeasure, "decrypt"), cipher, cipher.decryptSeconds());
        } catch (IOException | RuntimeException e) {
            table.failed(f(cipherMeasure, "encrypt/decrypt"), "none (context)", e.toString());
        }

        // ---- 2. the servers
        Folders.deleteQuietly(work);
        Files.createDirectories(work);
        // private copies: a concurrent `mvn clean` or rebuild of target/ must not change what is measured
        microJar = Files.copy(microJar, work.resolve("payara-micro.jar"));
        war = Files.copy(war, work.resolve("portal.war"));
        log(f("portal WAR %s (%s, modified %s)", war, mib(Files.size(war)),
                Files.getLastModifiedTime(Path.of(System.getProperty("bench.war", "target/portal.war")))));
        long t0 = System.nanoTime();
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(work.resolve("postgres"), 0, false,
                     Optional.of(work.resolve("postgres.log")));
             EmbeddedObjectStoreServer objects = EmbeddedObjectStoreServer.start(work.resolve("objects"), 0,
                     PORTAL_BUCKET, PLAIN_BUCKET)) {
            log(f("PostgreSQL %s and S3Proxy %s ready in %.1f s", postgres.jdbcUrl(), objects.endpoint(),
                    (System.nanoTime() - t0) / 1e9));
            Path keys = work.resolve("keys");
            Files.createDirectories(keys);
            Files.setPosixFilePermissions(keys, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            Files.createDirectories(work.resolve("data"));

            long maxUpload = 2L * Math.max(heapRunMiB, sizes.stream().mapToInt(Integer::intValue).max().orElse(0)) << 20;
            Map<String, String> config = EmbeddedPortalSettings.of(postgres, objects, PORTAL_BUCKET,
                    keys.resolve("master.bcfks"), Base64.getUrlEncoder().withoutPadding().encodeToString(random),
                    work.resolve("data"));
            config.put("portal.demo.password", DEMO_PASSWORD);
            config.put("portal.upload.max-bytes", Long.toString(Math.max(maxUpload, 1L << 30)));
            // clamd scans the whole stream once it has it all: a 1 GiB+ scan on a busy 2-core machine can pass the
            // default 60 s (the portal then refuses the upload with a 503, as it must)
            config.put("portal.clamd.timeout-seconds", System.getProperty("bench.clamdTimeoutSeconds", "600"));
            // the benchmark PDF is checked for active content in memory: at 256 MiB it needs a larger limit than the
            // default 200 MiB, and a heap whose PDF-check share (0.6 at 2 bytes per byte) holds it: bench.portalXmx
            config.put("portal.upload.pdf-check-max-bytes", Long.toString(
                    Long.getLong("bench.pdfCheckMiB", 300) * 1024 * 1024));

            try (BenchClamd clamd = BenchClamd.startIfAvailable(work.resolve("clamd"),
                    Long.parseLong(config.get("portal.upload.max-bytes")), config)) {
                log("malware scanning: " + clamd.description());
                int port = PortFinder.freePort();
                Path gcLog = work.resolve("payara-gc.log");
                t0 = System.nanoTime();
                config.put("portal.metrics.token", HeapWatch.METRICS_TOKEN);
                try (PayaraMicroProcess payara = PayaraMicroProcess.start(microJar, war, port,
                        PayaraMicroProcess.asEnvironment(config),
                        portalJvmOptions(portalXmx, gcLog), // the later -Xmx wins over the launcher's
                        work.resolve("payara.log"), work.resolve("payara.pid"))) {
                    try {
                        payara.awaitReady(Duration.ofMinutes(5));
                    } catch (IOException e) {
                        System.err.println(payara.logTail(80));
                        throw e;
                    }
                    log(f("Payara Micro (-Xmx%s) ready in %.1f s, pid %d, port %d", portalXmx,
                            (System.nanoTime() - t0) / 1e9, payara.pid(), port));
                    URI base = URI.create("http://127.0.0.1:" + port + "/");
                    MinioClient minio = MinioClient.builder().endpoint(objects.endpoint())
                            .credentials(objects.accessKey(), objects.secretKey()).region(REGION).build();
                    PortalClient uploader = PortalClient.signIn(base, "agency.uploader", DEMO_PASSWORD);
                    PortalClient reader = PortalClient.signIn(base, "ofsted.lead", DEMO_PASSWORD);
                    String requestPath = reader.openInspectionWithRequest();
                    long maxHeap = bytes(portalXmx);
                    PortalLog portalLog = new PortalLog(work.resolve("payara.log"));
                    TransferBench transfers = new TransferBench(base, uploader, reader, requestPath, minio,
                            PLAIN_BUCKET, clamd.alone(), gcLog, portalLog, maxHeap, payara.pid());
                    transfers.run(sizes, reps, table);
                    notes.addAll(transfers.notes());
                    heapRun(base, uploader, reader, requestPath, gcLog, portalLog, heapRunMiB, maxHeap);
                    stampedOverHttp = stampedOverHttp(base, uploader, reader, requestPath, reps);
                    log("portal process peak RSS (VmHWM) since its start: " + vmHwm(payara.pid()));
                }
            }
        }

        // ---- 3. stamped downloads, in this JVM once the servers are gone
        stamped(reps);
        notes.add(f("Load average %s at the end. The 5 GiB round trip at -Xmx256m is LargeFileIT in the "
                + "`-Plarge-files` profile; the load test is a separate command (docs/performance.md, \"Load test\").", loadAverage()));
    }

    /**
     * The stamped-download rows: {@link StampBench} (the portal's stamper vs PDFBox's own load + full save of the
     * same report, in this JVM).
     */
    private void stamped(int reps) {
        try {
            List<StampBench.Row> rows = StampBench.run(work.resolve("stamp"), reps);
            rows.forEach(r -> table.stamped(r.measure(), r.ratio(), r.baselineSeconds(), r.measuredSeconds()));
            if (stampedOverHttp != null) {
                StampBench.Row inJvm = rows.get(0);
                double http = stampedOverHttp.stamped();
                table.context("stamped download 300 pages through the portal (HTTP)", http / inJvm.baselineSeconds(),
                        f("%.3f s (PDFBox load + save)", inJvm.baselineSeconds()),
                        f("%.3f s: the stamper in-JVM %.3f s, the same PDF unstamped through the portal %.3f s",
                                http, inJvm.measuredSeconds(), stampedOverHttp.unstamped()));
            }
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            log("stamped downloads failed: " + e);
            table.failed("stamped download 300 pages, 100 MiB image-heavy",
                    "≤ " + BenchTable.dec(BenchTable.STAMPED_TARGET), e.toString());
        }
    }

    /** Set while the portal runs, read once the stamped rows are measured (null if it could not be taken). */
    private StampedOverHttp.Result stampedOverHttp;

    private StampedOverHttp.Result stampedOverHttp(URI base, PortalClient uploader, PortalClient lead,
                                                   String requestPath, int reps) {
        try {
            StampedOverHttp.Result result = StampedOverHttp.run(base, DEMO_PASSWORD, uploader, lead, requestPath, reps);
            log(f("stamped download 300 pages through the portal: %.3f s; the same PDF unstamped %.3f s",
                    result.stamped(), result.unstamped()));
            return result;
        } catch (IOException | RuntimeException e) {
            log("stamped download through the portal failed: " + e);
            table.failed("stamped download 300 pages through the portal (HTTP)", "none (context)", e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void cipherRow(String measure, CipherBench.Result cipher, double seconds) {
        table.context(measure, cipher.copySeconds() / seconds, f("%.3f s (plain copy)", cipher.copySeconds()),
                f("%.3f s (%.0f MiB/s)", seconds, Stats.rate(cipher.bytes(), seconds)));
    }

    /** One more round trip of {@code mebibytes} of random bytes, streamed both ways, with the heap watched. */
    private void heapRun(URI base, PortalClient uploader, PortalClient reader, String requestPath, Path gcLog,
                         PortalLog portalLog, int mebibytes, long maxHeap) throws IOException {
        String measure = f("heap during %d MiB streamed round trip", mebibytes);
        RandomImage content = new RandomImage((long) mebibytes << 20, new SecureRandom().nextLong());
        int outOfMemory = portalLog.outOfMemoryErrors();
        HeapWatch watch = HeapWatch.start(base, gcLog, Duration.ofMillis(100));
        try (watch) {
            long t0 = System.nanoTime();
            String id = uploader.upload(requestPath, content::open, content.size(), RandomImage.FILE_NAME,
                    RandomImage.CONTENT_TYPE);
            long t1 = System.nanoTime();
            try (InputStream in = reader.download(id)) {
                content.verify(in);
            }
            long t2 = System.nanoTime();
            log(f("%s: upload %.1f MiB/s, download %.1f MiB/s", measure, Stats.rate(content.size(), (t1 - t0) / 1e9),
                    Stats.rate(content.size(), (t2 - t1) / 1e9)));
            Thread.sleep(300); // one more sample after the download
        } catch (IOException | InterruptedException e) {
            log(measure + " failed: " + e.getMessage());
            boolean outOfHeap = portalLog.outOfMemoryErrors() > outOfMemory;
            table.failed(measure, BenchTable.HEAP_TARGET, e.getMessage()
                    + (outOfHeap ? " (the portal ran out of heap: OutOfMemoryError in its log)" : ""));
            return;
        }
        long[] gc = watch.gcLogPeak();
        table.heap(new BenchTable.HeapReading(measure, Math.max(gc[0], watch.polledPeak()),
                watch.polledMaxHeap() > 0 ? watch.polledMaxHeap() : maxHeap, portalLog.outOfMemoryErrors() - outOfMemory));
    }

    private String summary() {
        StringBuilder out = new StringBuilder();
        if (!notes.isEmpty()) {
            out.append(notes.get(0)).append("\n\n");
        }
        out.append(table.markdown());
        notes.stream().skip(1).forEach(n -> out.append("\n").append(n).append("\n"));
        return out.toString();
    }

    /** -Xmx, the GC log, and {@code bench.portalJvmArgs} (space-separated, e.g. a JFR recording for a profile). */
    private static List<String> portalJvmOptions(String portalXmx, Path gcLog) {
        List<String> options = new ArrayList<>(List.of("-Xmx" + portalXmx, "-Xlog:gc:file=" + gcLog));
        Arrays.stream(System.getProperty("bench.portalJvmArgs", "").trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).forEach(options::add);
        return options;
    }

    /** "256m", "1g", "268435456" in bytes. */
    static long bytes(String jvmSize) {
        String s = jvmSize.trim().toLowerCase(java.util.Locale.ROOT);
        long unit = switch (s.charAt(s.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static String vmHwm(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:")).map(l -> {
                        long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
                        return mib(kb * 1024);
                    }).findFirst().orElse("n/a");
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
        System.out.flush();
    }
}
