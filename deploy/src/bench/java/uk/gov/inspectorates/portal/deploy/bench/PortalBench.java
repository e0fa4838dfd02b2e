package uk.gov.inspectorates.portal.deploy.bench;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import uk.gov.inspectorates.portal.deploy.Folders;
import uk.gov.inspectorates.portal.deploy.PortFinder;
import uk.gov.inspectorates.portal.deploy.EmbeddedObjectStoreServer;
import uk.gov.inspectorates.portal.deploy.EmbeddedPortalSettings;
import uk.gov.inspectorates.portal.deploy.EmbeddedPostgresServer;
import uk.gov.inspectorates.portal.deploy.PayaraMicroProcess;

import java.io.ByteArrayInputStream;
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
import static uk.gov.inspectorates.portal.deploy.bench.Stats.median;
import static uk.gov.inspectorates.portal.deploy.bench.Stats.mib;
import static uk.gov.inspectorates.portal.deploy.bench.Stats.rate;

/**
 * The portal's benchmarks, in one run ({@code mvn -B -q -pl deploy -Pbench verify}, or {@code scripts/bench}):
 * <ol>
 *   <li>bare cipher: {@code EnvelopeCipher} encrypt/decrypt in memory vs a plain copy of the same bytes;</li>
 *   <li>end to end: an encrypted upload + download through the real portal (Payara Micro with the WAR, embedded
 *       PostgreSQL, S3Proxy; JSON API over loopback HTTP) vs a plain MinIO-SDK put + get of the same bytes to
 *       the same S3Proxy; warm-up first, then alternating repetitions (portal, plain, portal, plain, ...);
 *       medians and the ratio plain time / portal time;</li>
 *   <li>heap: the high-water mark of the portal's JVM (started with {@code -Xmx256m}) during one more round
 *       trip of the largest size, streamed, from {@code /metrics} polling and from the GC log.</li>
 * </ol>
 *
 * <p>Also clamd alone ({@link ClamdBench}), before Payara starts.
 *
 * <p>System properties: {@code bench.sizes} (MiB, comma-separated; default 64,256), {@code bench.reps} (3),
 * {@code bench.heapRunMiB} (512), {@code bench.portalXmx} (256m), {@code bench.cipherMiB} (256),
 * {@code bench.cipherReps} (5), {@code bench.clamdMiB} (64), {@code bench.clamdReps} (2), {@code bench.microJar}, {@code bench.war}, {@code bench.workDir},
 * {@code bench.keep} (keep the work folder).
 */
public final class PortalBench {

    private static final String PORTAL_BUCKET = "portal-documents";
    private static final String PLAIN_BUCKET = "bench-plain";
    private static final String REGION = "eu-west-2";
    private static final String DEMO_PASSWORD = "Demo-portal-2026!";
    /** As the portal's MinioObjectStore (multipart in 8 MiB parts), so both paths upload the same way. */
    private static final long PART_SIZE = 8L * 1024 * 1024;

    private final Path work;
    private final List<String> report = new ArrayList<>();

    private PortalBench(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("bench.workDir", "target/bench-work")).toAbsolutePath();
        int exit = 0;
        try {
            new PortalBench(work).run();
        } catch (Exception | Error e) {
            System.err.println("[bench] FAILED: " + e);
            e.printStackTrace();
            exit = 1;
        } finally {
            if (!Boolean.getBoolean("bench.keep")) {
                Folders.deleteQuietly(work);
            }
        }
        System.exit(exit);
    }

    /** afterLastByte: of the upload, the time from the file's last byte sent to the portal's answer (0 for plain) */
    record Trip(double upload, double download, double afterLastByte) {
        double total() {
            return upload + download;
        }
    }

    private void run() throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("bench.sizes", "64,256").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
        int reps = Integer.getInteger("bench.reps", 3);
        int heapRunMiB = Integer.getInteger("bench.heapRunMiB", 512);
        String portalXmx = System.getProperty("bench.portalXmx", "256m");
        int cipherMiB = Integer.getInteger("bench.cipherMiB", 256);
        int cipherReps = Integer.getInteger("bench.cipherReps", 5);
        Path microJar = Path.of(System.getProperty("bench.microJar", "target/payara-micro.jar"));
        Path war = Path.of(System.getProperty("bench.war", "target/portal.war"));

        log(f("%s; %d CPUs; Java %s; bench JVM max heap %s", LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), mib(Runtime.getRuntime().maxMemory())));

        // ---- 1. bare cipher, before any server is started (nothing else competes for the CPUs)
        log(f("cipher: %d MiB in memory, %d reps after >= 3 warm-up rounds (>= 5 s)", cipherMiB, cipherReps));
        CipherBench.Result cipher = CipherBench.run(cipherMiB, cipherReps);

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

            try (BenchClamd clamd = BenchClamd.startIfAvailable(work.resolve("clamd"),
                    Long.parseLong(config.get("portal.upload.max-bytes")), config)) {
                log("malware scanning: " + clamd.description());
                report.add("Malware scanning: " + clamd.description());
                // clamd alone, before Payara runs (it would compete for the CPUs)
                int clamdMiB = Integer.getInteger("bench.clamdMiB", 64);
                int clamdReps = Integer.getInteger("bench.clamdReps", 2);
                log(f("clamd alone: %d MiB, %d reps", clamdMiB, clamdReps));
                List<String> clamdAlone = clamd.benchAlone(clamdMiB, clamdReps);
                clamdAlone.forEach(l -> log(l));
                int port = PortFinder.freePort();
                Path gcLog = work.resolve("payara-gc.log");
                t0 = System.nanoTime();
                try (PayaraMicroProcess payara = PayaraMicroProcess.start(microJar, war, port,
                        PayaraMicroProcess.asEnvironment(config),
                        List.of("-Xmx" + portalXmx, "-Xlog:gc:file=" + gcLog), // the later -Xmx wins over the launcher's
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
                    transfers(base, minio, sizes, reps, payara);
                    try {
                        heap(base, gcLog, heapRunMiB, payara);
                    } catch (IOException e) {
                        // e.g. a document clamd cannot scan within its MaxScanTime is refused (422), as it must be
                        log("heap run failed: " + e.getMessage());
                        report.add(f("== Heap run of %d MiB: FAILED: %s ==", heapRunMiB, e.getMessage()));
                    }
                }
                report.addAll(0, clamdAlone);
            }
        }
        printCipher(cipher);
        System.out.println();
        report.forEach(System.out::println);
    }

    // ---- 2. end to end

    private void transfers(URI base, MinioClient minio, List<Integer> sizes, int reps, PayaraMicroProcess payara)
            throws Exception {
        PortalClient inspector = PortalClient.signIn(base, "agency.uploader", DEMO_PASSWORD);
        PortalClient reader = PortalClient.signIn(base, "ofsted.lead", DEMO_PASSWORD);
        String requestPath = reader.openInspectionWithRequest();

        int smallest = sizes.stream().mapToInt(Integer::intValue).min().orElse(64);
        {
            byte[] doc = new BenchDocument((long) smallest << 20, 1).toByteArray();
            byte[] sink = new byte[doc.length];
            long t0 = System.nanoTime();
            for (int i = 0; i < 2; i++) {
                unique(doc);
                portalTrip(inspector, reader, doc, sink, requestPath);
                plainTrip(minio, doc, sink, "warm-up-" + i);
            }
            log(f("warm-up: 2 round trips of %d MiB each way in %.1f s", smallest, (System.nanoTime() - t0) / 1e9));
        }

        List<String> rows = new ArrayList<>();
        rows.add(f("%-8s %-7s %12s %12s %12s %14s %s", "size", "path", "upload MiB/s", "down MiB/s",
                "round trip s", "round MiB/s", " (median of " + reps + "; round-trip min-max s)"));
        List<String> ratios = new ArrayList<>();
        for (int size : sizes) {
            byte[] doc = new BenchDocument((long) size << 20, size).toByteArray();
            byte[] sink = new byte[doc.length];
            List<Trip> portal = new ArrayList<>();
            List<Trip> plain = new ArrayList<>();
            for (int rep = 0; rep < reps; rep++) {
                unique(doc);
                portal.add(portalTrip(inspector, reader, doc, sink, requestPath));
                plain.add(plainTrip(minio, doc, sink, "bench-" + size + "-" + rep));
                log(f("%d MiB #%d: portal %.2f s (up %.2f of which %.2f after the last byte, down %.2f), plain %.2f s (up %.2f, down %.2f)", size, rep,
                        portal.get(rep).total(), portal.get(rep).upload(), portal.get(rep).afterLastByte(), portal.get(rep).download(),
                        plain.get(rep).total(), plain.get(rep).upload(), plain.get(rep).download()));
            }
            rows.add(row(size, "portal", doc.length, portal));
            rows.add(row(size, "plain", doc.length, plain));
            double pu = median(portal.stream().map(Trip::upload).toList());
            double pd = median(portal.stream().map(Trip::download).toList());
            double pt = median(portal.stream().map(Trip::total).toList());
            double su = median(plain.stream().map(Trip::upload).toList());
            double sd = median(plain.stream().map(Trip::download).toList());
            double st = median(plain.stream().map(Trip::total).toList());
            ratios.add(f("%-8s plain_time/portal_time: upload %.2f, download %.2f, round trip %.2f  (target >= 0.95)",
                    size + " MiB", su / pu, sd / pd, st / pt));
            double after = median(portal.stream().map(Trip::afterLastByte).toList());
            ratios.add(f("%-8s portal upload %.2f s, of which %.2f s from the file's last byte sent to the answer "
                    + "(clamd's scan, the last part, the row; medians)", size + " MiB", pu, after));
        }
        report.add("== End to end: encrypted through the portal vs plain MinIO SDK, same bytes, same S3Proxy ==");
        report.addAll(rows);
        report.addAll(ratios);
        report.add("");
    }

    private static String row(int size, String path, long bytes, List<Trip> trips) {
        List<Double> totals = trips.stream().map(Trip::total).toList();
        return f("%-8s %-7s %12.1f %12.1f %12.2f %14.1f  (%.2f-%.2f)", size + " MiB", path,
                rate(bytes, median(trips.stream().map(Trip::upload).toList())),
                rate(bytes, median(trips.stream().map(Trip::download).toList())),
                median(totals), rate(2L * bytes, median(totals)), Stats.min(totals), Stats.max(totals));
    }

    private static Trip portalTrip(PortalClient inspector, PortalClient reader, byte[] doc, byte[] sink,
                                   String requestPath)
            throws Exception {
        long t0 = System.nanoTime();
        String id = inspector.upload(requestPath, doc);
        long t1 = System.nanoTime();
        int n = CipherBench.drain(reader.download(id), sink);
        long t2 = System.nanoTime();
        check(n, doc, sink, "portal");
        return new Trip((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t1 - inspector.lastFileByteNanos()) / 1e9);
    }

    private static Trip plainTrip(MinioClient minio, byte[] doc, byte[] sink, String key) throws Exception {
        long t0 = System.nanoTime();
        minio.putObject(PutObjectArgs.builder().bucket(PLAIN_BUCKET).object(key)
                .stream(new ByteArrayInputStream(doc), (long) doc.length, PART_SIZE)
                .contentType("application/octet-stream").build());
        long t1 = System.nanoTime();
        int n = CipherBench.drain(minio.getObject(GetObjectArgs.builder().bucket(PLAIN_BUCKET).object(key).build()), sink);
        long t2 = System.nanoTime();
        check(n, doc, sink, "plain");
        minio.removeObject(RemoveObjectArgs.builder().bucket(PLAIN_BUCKET).object(key).build());
        return new Trip((t1 - t0) / 1e9, (t2 - t1) / 1e9, 0);
    }

    /**
     * Makes the document's bytes new (16 random bytes in the middle of its padding) before each repetition:
     * clamd caches the verdict of content it has already scanned, so repeating identical bytes would time the
     * cache, not the scan.
     */
    private static void unique(byte[] doc) {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        System.arraycopy(random, 0, doc, doc.length / 2, random.length);
    }

    private static void check(int n, byte[] doc, byte[] sink, String path) throws IOException {
        if (n != doc.length || !Arrays.equals(doc, 0, n, sink, 0, n)) {
            throw new IOException(path + " download differs from the upload (" + n + " of " + doc.length + " bytes)");
        }
    }

    // ---- 3. heap

    private void heap(URI base, Path gcLog, int mebibytes, PayaraMicroProcess payara) throws Exception {
        PortalClient inspector = PortalClient.signIn(base, "agency.uploader", DEMO_PASSWORD);
        PortalClient reader = PortalClient.signIn(base, "ofsted.lead", DEMO_PASSWORD);
        String requestPath = reader.openInspectionWithRequest();
        BenchDocument doc = new BenchDocument((long) mebibytes << 20, 7);
        double up;
        double down;
        HeapWatch watch = HeapWatch.start(base, gcLog, Duration.ofMillis(100));
        try (watch) {
            long t0 = System.nanoTime();
            String id = inspector.upload(requestPath, doc::open, doc.size());
            long t1 = System.nanoTime();
            try (InputStream in = reader.download(id)) {
                doc.verify(in);
            }
            long t2 = System.nanoTime();
            up = (t1 - t0) / 1e9;
            down = (t2 - t1) / 1e9;
            Thread.sleep(300); // one more sample after the download
        }
        long[] gc = watch.gcLogPeak();
        if (watch.samples() == 0) {
            log("no heap metric in /metrics; its heap lines: " + HeapWatch.heapLines(base));
        }
        report.add(f("== Heap of the portal's JVM during a %d MiB round trip (streamed; upload %.1f MiB/s, download %.1f MiB/s) ==",
                mebibytes, rate(doc.size(), up), rate(doc.size(), down)));
        report.add(f("max heap (-Xmx)              %s", mib(watch.polledMaxHeap())));
        report.add(f("peak used, /metrics polling  %s  (%d samples, every 100 ms)", mib(watch.polledPeak()), watch.samples()));
        report.add(f("peak used, GC log            %s  (heap just before the largest of %d collections)",
                mib(gc[0]), gc[2]));
        report.add(f("largest heap right after GC  %s  (an upper bound of what stayed live: old-generation garbage included)",
                mib(gc[3])));
        report.add(f("process peak RSS (VmHWM)     %s  (since Payara's start)", vmHwm(payara.pid())));
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

    // ---- 1. cipher (printed last, with the rest)

    private void printCipher(CipherBench.Result r) {
        List<String> lines = new ArrayList<>();
        lines.add(f("== Bare cipher: EnvelopeCipher (JDK AES-256-GCM, 64 KiB segments), %d MiB in memory, median of %d ==",
                r.bytes() >> 20, r.reps()));
        lines.add(f("%-22s %10s %10s %s", "", "MiB/s", "seconds", " copy_time/op_time"));
        lines.add(f("%-22s %10.0f %10.3f %10.3f", "plain copy", rate(r.bytes(), r.copySeconds()), r.copySeconds(), 1.0));
        lines.add(f("%-22s %10.0f %10.3f %10.3f", "encrypt", rate(r.bytes(), r.encryptSeconds()), r.encryptSeconds(),
                r.copySeconds() / r.encryptSeconds()));
        lines.add(f("%-22s %10.0f %10.3f %10.3f", "decrypt", rate(r.bytes(), r.decryptSeconds()), r.decryptSeconds(),
                r.copySeconds() / r.decryptSeconds()));
        lines.add("");
        report.addAll(0, lines);
    }

    // ---- helpers

    private static void log(String message) {
        System.out.println("[bench] " + message);
        System.out.flush();
    }
}
