package uk.gov.inspectorates.portal.deploy.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import uk.gov.inspectorates.portal.deploy.EmbeddedClamd;
import uk.gov.inspectorates.portal.deploy.EmbeddedObjectStoreServer;
import uk.gov.inspectorates.portal.deploy.EmbeddedPortalSettings;
import uk.gov.inspectorates.portal.deploy.EmbeddedPostgresServer;
import uk.gov.inspectorates.portal.deploy.PayaraMicroProcess;
import uk.gov.inspectorates.portal.deploy.PortFinder;

/**
 * The load test (docs/adr/0039; {@code scripts/load}): starts the portal on loopback as the benchmark does (Payara
 * Micro with the WAR of this working tree, embedded PostgreSQL, S3Proxy, clamd), seeds agency uploaders and what the
 * other people need through the portal's API, measures one upload alone (the single-stream rate), runs the day-2 rush
 * ({@link DayTwoRush}, Gatling) with droppers beside it, then downloads every upload that was answered 201 and
 * compares it with what was sent (SHA-256). Prints one row per concurrency step and the checks, writes them to
 * {@code load.summary}, and exits 1 when a check fails. A program, not a JUnit test: its checks are the failures that
 * decide the exit code (and scripts/load's).
 */
public final class LoadRun {

    private static final String BUCKET = "portal-documents";
    private static final String PASSWORD = "Demo-portal-2026!";
    private static final long MIB = 1024 * 1024;
    private static final int[] POOL_MIB = {1, 2, 5, 10, 20, 50};

    private LoadRun() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run());
    }

    private static int run() throws Exception {
        List<Integer> steps = Arrays.stream(System.getProperty("load.steps", "10,50,100,200").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        int stepSeconds = Integer.getInteger("load.stepSeconds", 60);
        int users = Integer.getInteger("load.users", 50);
        int largeMiB = Integer.getInteger("load.largeMiB", 256);
        int largeCount = Integer.getInteger("load.largeCount", 2);
        double p95Bound = Double.parseDouble(System.getProperty("load.p95BoundSeconds", "60"));
        String portalXmx = System.getProperty("load.portalXmx", "2g");
        Path work = Path.of(System.getProperty("load.workDir", "target/load-work")).toAbsolutePath();
        Path summary = Path.of(System.getProperty("load.summary", "target/load-summary.md"));
        Path microJar = Path.of(System.getProperty("load.microJar", "target/payara-micro.jar"));
        Path war = Path.of(System.getProperty("load.war", "target/portal.war"));

        deleteRecursively(work);
        Files.createDirectories(work);
        microJar = Files.copy(microJar, work.resolve("payara-micro.jar"));
        war = Files.copy(war, work.resolve("portal.war"));
        log("files: the pool of 1-50 MiB PDFs and " + largeCount + " of " + largeMiB + " MiB");
        List<Map<String, Object>> pool = new ArrayList<>();
        Files.createDirectories(work.resolve("files"));
        for (int size : POOL_MIB) {
            for (int copy = 0; copy < 2; copy++) {
                pool.add(fed(LoadDocument.write(work.resolve("files/pool-" + size + "-" + copy + ".pdf"),
                        size * MIB + 12_345L * copy, size * 10L + copy)));
            }
        }
        List<Map<String, Object>> large = new ArrayList<>();
        for (int i = 0; i < largeCount; i++) {
            large.add(fed(LoadDocument.write(work.resolve("files/large-" + i + ".pdf"), largeMiB * MIB + i, 9000 + i)));
        }
        long maxUpload = Math.max(64 * MIB, (largeMiB + 8) * MIB);

        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(work.resolve("postgres"), 0, false,
                     Optional.of(work.resolve("postgres.log")));
             EmbeddedObjectStoreServer objects = EmbeddedObjectStoreServer.start(work.resolve("objects"), 0, BUCKET)) {
            Path keys = work.resolve("keys");
            Files.createDirectories(keys);
            Files.setPosixFilePermissions(keys, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String keystorePassword = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path keystore = keys.resolve("master.bcfks");
            Files.createDirectories(work.resolve("data"));
            Map<String, String> config = EmbeddedPortalSettings.of(postgres, objects, BUCKET, keystore,
                    keystorePassword, work.resolve("data"));
            config.put("portal.demo.password", PASSWORD);
            config.put("portal.upload.max-bytes", Long.toString(maxUpload));
            config.put("portal.upload.pdf-check-max-bytes", Long.toString(maxUpload));
            config.put("portal.clamd.timeout-seconds", "600");
            Optional<Path> clamdExecutable = EmbeddedClamd.executable();
            if (clamdExecutable.isEmpty()) {
                throw new IllegalStateException("clamd is not installed (scripts/install-deps installs it)");
            }
            Path clamdDir = work.resolve("clamd");
            EmbeddedClamd.writeEicarSignature(clamdDir.resolve("db"));
            try (EmbeddedClamd clamd = EmbeddedClamd.start(clamdExecutable.get(), clamdDir, clamdDir.resolve("db"), 0,
                    maxUpload, clamdDir.resolve("clamd.log"))) {
                config.put("portal.clamd.host", clamd.host());
                config.put("portal.clamd.port", Integer.toString(clamd.port()));
                int port = PortFinder.freePort();
                try (PayaraMicroProcess payara = PayaraMicroProcess.start(microJar, war, port,
                        PayaraMicroProcess.asEnvironment(config), portalJvmOptions(portalXmx),
                        work.resolve("payara.log"), work.resolve("payara.pid"))) {
                    try {
                        payara.awaitReady(Duration.ofMinutes(5));
                    } catch (IOException e) {
                        System.err.println(payara.logTail(80));
                        throw e;
                    }
                    log("portal ready on port " + port + " (-Xmx" + portalXmx + "), pid " + payara.pid());
                    return rush(URI.create("http://127.0.0.1:" + port + "/"), postgres, keystore, keystorePassword,
                            payara.pid(), steps, stepSeconds, users, pool, large, p95Bound, clamdCores(), summary,
                            work);
                }
            }
        }
    }

    private static int rush(URI base, EmbeddedPostgresServer postgres, Path keystore, String keystorePassword,
                            long pid, List<Integer> steps, int stepSeconds, int users, List<Map<String, Object>> pool,
                            List<Map<String, Object>> large, double p95Bound, int clamdCores, Path summary, Path work)
            throws Exception {
        // ---- people and what they act on, through the portal's API
        LoadClient lead = LoadClient.signIn(base, "ofsted.lead", PASSWORD);
        String inspection = openInspection(lead);
        LoadClient ofsted = LoadClient.signIn(base, "ofsted.inspector", PASSWORD);
        LoadClient cqc = LoadClient.signIn(base, "cqc.inspector", PASSWORD);
        Map<String, String> requestOf = new HashMap<>();
        Map<String, String> readerOf = new HashMap<>();
        Map<String, LoadClient> readers = Map.of("ofsted.inspector", ofsted, "cqc.inspector", cqc);
        Map<String, String> agencyRequest = Map.of(
                "northdale-childrens-services", request(ofsted, inspection, "northdale-childrens-services"),
                "northdale-icb", request(cqc, inspection, "northdale-icb"));
        Map<String, String> agencyReader = Map.of("northdale-childrens-services", "ofsted.inspector",
                "northdale-icb", "cqc.inspector");
        List<LoadClient> uploaders = new ArrayList<>();
        for (String agency : List.of("northdale-childrens-services", "northdale-icb")) {
            for (String username : LoadPeople.seedUploaders(postgres, keystore, keystorePassword, agency, users / 2)) {
                uploaders.add(LoadClient.signIn(base, username, PASSWORD));
                requestOf.put(username, agencyRequest.get(agency));
                readerOf.put(username, agencyReader.get(agency));
            }
        }
        log(uploaders.size() + " agency uploaders seeded and signed in");
        String report = shareReport(ofsted);
        List<Map<String, Object>> uploaderFeed = uploaders.stream().map(u -> {
            String[] path = requestOf.get(u.username()).split("/");
            return Map.<String, Object>of("cookie", u.sessionCookie(), "csrf", u.csrfToken(), "inspection", path[3],
                    "request", path[5], "reader", readerOf.get(u.username()));
        }).toList();
        List<Map<String, Object>> inspectorFeed = List.of(session(ofsted, Map.of("inspection", inspection)),
                session(cqc, Map.of("inspection", inspection)));
        List<Map<String, Object>> readerFeed = List.of(
                session(LoadClient.signIn(base, "cqc.reader", PASSWORD), Map.of("report", report)),
                session(LoadClient.signIn(base, "hmic.reader", PASSWORD), Map.of("report", report)));
        List<Map<String, Object>> siroFeed = List.of(session(LoadClient.signIn(base, "ofsted.siro", PASSWORD),
                Map.of()));

        // ---- one upload alone: the single-stream rate the 200 step is measured against
        LoadClient alone = uploaders.get(0);
        LoadDocument fifty = document(pool.get(pool.size() - 1));
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> uploaded = alone.uploadEvidence(requestOf.get(alone.username()), fifty);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (uploaded.statusCode() != 201) {
                throw new IllegalStateException("single upload gave " + uploaded.statusCode() + ": " + uploaded.body());
            }
            Recorder.kept(LoadClient.idOf(uploaded.body()), readerOf.get(alone.username()), fifty.sha256(),
                    fifty.size());
            rates.add(fifty.size() / (double) MIB / seconds);
        }
        double singleStream = rates.stream().sorted().toList().get(1);
        log(String.format("single-stream upload of %d MiB: %.1f MiB/s (median of 3: %s); clamd can use %d cores",
                fifty.size() / MIB, singleStream, rates.stream().map(r -> String.format("%.1f", r)).toList(),
                clamdCores));

        // ---- the rush
        LoadPlan.current = new LoadPlan(base.toString(), steps, stepSeconds, uploaderFeed, pool, large,
                inspectorFeed, readerFeed, siroFeed, Integer.getInteger("load.drainSeconds", 300));
        int gatling;
        try (PortalWatch watch = new PortalWatch(pid);
             Droppers droppers = new Droppers(2, uploaders.subList(uploaders.size() - 2, uploaders.size()), pool,
                     requestOf, readerOf)) {
            try {
                gatling = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {"-s", DayTwoRush.class.getName(),
                        "-rf", work.resolve("gatling").toString()});
            } catch (RuntimeException crashed) {
                crashed.printStackTrace();
                gatling = -1;
            }
            droppers.close();
            long start = DayTwoRush.startedAtMillis;
            List<String> lines = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            lines.add("| step (concurrent uploads) | uploads 201 | 429 | 503 | other errors | upload MiB/s | "
                    + "requests/s | p50 s | p95 s | p99 s | portal heap max MiB | portal CPU (cores) |");
            lines.add("|---|---|---|---|---|---|---|---|---|---|---|---|");
            String broke = null;
            double topThroughput = 0;
            Map<String, Long> errorsByType = new TreeMap<>();
            Map<String, Long> busyByRule = new TreeMap<>();
            for (int i = 0; i < steps.size(); i++) {
                long from = start + (long) i * stepSeconds * 1000;
                long to = i == steps.size() - 1 ? Long.MAX_VALUE : from + stepSeconds * 1000L;
                List<Recorder.Sample> samples = Recorder.between(from, to);
                List<Recorder.Sample> uploads = samples.stream().filter(Recorder.Sample::upload).toList();
                long ok = uploads.stream().filter(s -> s.status() == 201
                        && (s.kind().equals("upload") || s.kind().endsWith(" share"))).count();
                long busy429 = samples.stream().filter(s -> s.status() == 429).count();
                long busy503 = samples.stream().filter(s -> s.status() == 503).count();
                List<Recorder.Sample> errors = samples.stream().filter(Recorder.Sample::error).toList();
                int step = steps.get(i);
                samples.stream().filter(s -> s.status() == 429 || s.status() == 503).forEach(s -> busyByRule.merge(
                        "step " + step + ": " + s.status() + " " + s.problem(), 1L, Long::sum));
                errors.forEach(e -> errorsByType.merge(e.kind() + " " + e.status()
                        + (e.problem() == null ? "" : " " + e.problem()), 1L, Long::sum));
                double mib = uploads.stream().mapToLong(Recorder.Sample::bytes).sum() / (double) MIB;
                // the last step also takes the uploads still in flight when the injection ends
                double seconds = i < steps.size() - 1 ? stepSeconds : Math.max(stepSeconds,
                        (samples.stream().mapToLong(Recorder.Sample::endedAtMillis).max().orElse(from) - from) / 1000.0);
                double throughput = mib / seconds;
                List<Long> times = samples.stream().map(Recorder.Sample::millis).sorted().toList();
                double p95 = percentile(times, 95);
                List<PortalWatch.Reading> readings = watch.between(from, Math.min(to, System.currentTimeMillis()));
                double heap = readings.stream().mapToDouble(PortalWatch.Reading::heapMiB).max().orElse(0);
                double cpu = readings.stream().mapToDouble(PortalWatch.Reading::cpuCores).average().orElse(0);
                lines.add(String.format("| %d | %d | %d | %d | %d | %.1f | %.1f | %.2f | %.2f | %.2f | %.0f | %.2f |",
                        steps.get(i), ok, busy429, busy503, errors.size(), throughput, samples.size() / seconds,
                        percentile(times, 50), p95, percentile(times, 99), heap, cpu));
                if (broke == null && (!errors.isEmpty() || p95 > p95Bound)) {
                    broke = steps.get(i) + " concurrent uploads (" + errors.size() + " errors other than 429/503, "
                            + String.format("p95 %.1f s", p95) + ")";
                }
                if (steps.get(i) == 200) {
                    topThroughput = throughput;
                    if (!errors.isEmpty()) {
                        failures.add("the 200-upload step had " + errors.size() + " errors other than 429/503");
                    }
                }
            }
            lines.add("");
            lines.add("429/503 by step and rule: " + (busyByRule.isEmpty() ? "none" : busyByRule.entrySet().stream()
                    .map(e -> e.getKey() + " x" + e.getValue()).collect(java.util.stream.Collectors.joining("; "))));
            lines.add("Errors other than 429/503, by request and type: " + (errorsByType.isEmpty() ? "none"
                    : errorsByType.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                    .collect(Collectors.joining("; "))));
            lines.add("Breaking point: " + (broke == null ? "not reached (no errors other than 429/503, p95 within "
                    + p95Bound + " s at every step)" : broke));
            if (steps.contains(200)) {
                double target = singleStream * clamdCores;
                double ratio = topThroughput / target;
                lines.add(String.format("200 concurrent uploads: %.1f MiB/s = %.2f x (single-stream %.1f MiB/s x %d "
                        + "cores clamd can use); goal >= 0.8", topThroughput, ratio, singleStream, clamdCores));
                if (ratio < 0.8) {
                    failures.add(String.format("throughput at 200 concurrent uploads is %.2f x the goal's base "
                            + "(< 0.8)", ratio));
                }
            }
            long tooComplex = Recorder.SAMPLES.stream().filter(s -> "document-too-complex".equals(s.problem())).count();
            lines.add("Legitimate PDFs refused as document-too-complex: " + tooComplex + " (large PDFs of "
                    + (large.isEmpty() ? 0 : (Long) large.get(0).get("fileSize") / MIB) + " MiB at the top step: "
                    + large.size() + ")");
            if (tooComplex > 0) {
                failures.add(tooComplex + " legitimate PDFs refused as document-too-complex");
            }

            // ---- nothing lost: every 201 downloads byte for byte
            long t0 = System.nanoTime();
            int checked = 0;
            List<String> differing = new ArrayList<>();
            int unanswered = 0;
            List<String> unchecked = new ArrayList<>();
            for (Recorder.Kept kept : Recorder.KEPT.values()) {
                checked++;
                try {
                    LoadClient.Download download = readers.get(kept.readerUsername())
                            .download("api/v1/documents/" + kept.documentId() + "/content");
                    unanswered = 0;
                    if (download.status() != 200 || !download.sha256().equals(kept.sha256())) {
                        differing.add(kept.documentId() + " (" + download.status() + ", " + download.bytes() + " of "
                                + kept.bytes() + " bytes)");
                    }
                } catch (IOException noAnswer) {
                    unchecked.add(kept.documentId() + " (" + noAnswer.getClass().getSimpleName() + ")");
                    if (++unanswered >= 3) {
                        int left = Recorder.KEPT.size() - checked;
                        lines.add("The portal stopped answering during the check: " + left + " uploads answered 201"
                                + " could not be checked");
                        failures.add("the portal did not recover after the rush (" + left + " uploads unchecked)");
                        break;
                    }
                }
            }
            lines.add(String.format("Every upload answered 201 downloaded and compared (SHA-256): %d of %d tried in"
                    + " %.0f s, %d differ%s, %d not answered%s", checked, Recorder.KEPT.size(),
                    (System.nanoTime() - t0) / 1e9, differing.size(), differing.isEmpty() ? "" : ": " + differing,
                    unchecked.size(), unchecked.isEmpty() ? "" : ": " + unchecked));
            if (!differing.isEmpty()) {
                failures.add(differing.size() + " uploads answered 201 do not download byte for byte");
            }
            if (gatling != 0) {
                lines.add("Gatling reported status " + gatling + " (its report: " + work.resolve("gatling") + ")");
                failures.add("Gatling did not complete its run (status " + gatling + ")");
            }
            lines.add(failures.isEmpty() ? "RESULT: PASS" : "RESULT: FAIL: " + String.join("; ", failures));
            String header = String.format("Load test, %s, %d CPUs, %d agency uploaders, steps %s of %d s each; "
                            + "single-stream upload %.1f MiB/s", LocalDate.now(ZoneId.of("Europe/London")),
                    Runtime.getRuntime().availableProcessors(), uploaders.size(), steps, stepSeconds, singleStream);
            System.out.println();
            System.out.println(header);
            System.out.println();
            lines.forEach(System.out::println);
            Files.createDirectories(summary.toAbsolutePath().getParent());
            Files.writeString(summary, header + "\n\n" + String.join("\n", lines) + "\n");
            return failures.isEmpty() ? 0 : 1;
        }
    }

    private static int clamdCores() {
        return Math.min(Runtime.getRuntime().availableProcessors(),
                Integer.getInteger("load.clamdThreads", Runtime.getRuntime().availableProcessors()));
    }

    private static double percentile(List<Long> sortedMillis, int percent) {
        if (sortedMillis.isEmpty()) {
            return 0;
        }
        int at = (int) Math.ceil(percent / 100.0 * sortedMillis.size()) - 1;
        return sortedMillis.get(Math.max(0, at)) / 1000.0;
    }

    private static Map<String, Object> fed(LoadDocument document) {
        Map<String, Object> fed = new LinkedHashMap<>();
        fed.put("filePath", document.path().toString());
        fed.put("fileSize", document.size());
        fed.put("fileSha256", document.sha256());
        return fed;
    }

    private static LoadDocument document(Map<String, Object> fed) {
        return new LoadDocument(Path.of((String) fed.get("filePath")), (Long) fed.get("fileSize"),
                (String) fed.get("fileSha256"));
    }

    private static Map<String, Object> session(LoadClient client, Map<String, Object> more) {
        Map<String, Object> session = new HashMap<>(more);
        session.put("cookie", client.sessionCookie());
        session.put("csrf", client.csrfToken());
        return session;
    }

    private static String openInspection(LoadClient lead) throws Exception {
        String refusal = "";
        for (int back = 0; back < 10; back++) {
            String notified = LocalDate.now(ZoneId.of("Europe/London")).minusDays(back).toString();
            HttpResponse<String> opened = lead.postJson("api/v1/inspections", "{\"localAuthorityArea\":\"northdale\","
                    + "\"theme\":\"Day-2 rush\",\"notifiedOn\":\"" + notified + "\",\"inspectorates\":[\"OFSTED\","
                    + "\"CQC\"],\"leadInspectorate\":\"OFSTED\"}");
            if (opened.statusCode() == 201) {
                return LoadClient.idOf(opened.body());
            }
            refusal = opened.statusCode() + ": " + opened.body();
        }
        throw new IllegalStateException("no inspection could be opened: " + refusal);
    }

    /** The request path {@code api/v1/inspections/{id}/requests/{rid}} the agency uploads its evidence to. */
    private static String request(LoadClient inspector, String inspection, String agency) throws Exception {
        HttpResponse<String> requested = inspector.postJson("api/v1/inspections/" + inspection + "/requests",
                "{\"agency\":\"" + agency + "\",\"title\":\"Day-2 rush\",\"description\":\"Key case files\","
                        + "\"items\":[\"KEY_CASE_FILE_DOCUMENTS\"]}");
        if (requested.statusCode() != 201) {
            throw new IllegalStateException("request gave " + requested.statusCode() + ": " + requested.body());
        }
        return "api/v1/inspections/" + inspection + "/requests/" + LoadClient.idOf(requested.body());
    }

    /** An embargoed report shared by Ofsted, that every reader list may open (as a stamped copy). */
    private static String shareReport(LoadClient inspector) throws Exception {
        HttpResponse<String> shared = inspector.shareReport(LoadDocument.write(
                Files.createTempFile("load-report", ".pdf"), 2 * MIB, 42));
        if (shared.statusCode() != 201) {
            throw new IllegalStateException("report share gave " + shared.statusCode() + ": " + shared.body());
        }
        return LoadClient.idOf(shared.body());
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The portal's heap, and a flight recording of the whole run when {@code load.portalJfr} names a file. */
    private static List<String> portalJvmOptions(String portalXmx) {
        String jfr = System.getProperty("load.portalJfr", "").trim();
        if (jfr.isEmpty()) {
            return List.of("-Xmx" + portalXmx);
        }
        Path recording = Path.of(jfr).toAbsolutePath();
        log("the portal is recorded with Java Flight Recorder into " + recording);
        return List.of("-Xmx" + portalXmx,
                "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording);
    }

    private static void log(String message) {
        System.out.println("[load] " + message);
    }
}
