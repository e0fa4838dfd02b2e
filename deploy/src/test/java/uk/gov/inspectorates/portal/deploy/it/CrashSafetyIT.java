package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minio.ListObjectsArgs;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.deploy.PayaraMicroProcess;
import uk.gov.inspectorates.portal.deploy.PortFinder;

/**
 * Crash safety on real processes, without Arquillian: the portal runs in a Payara Micro child process started here
 * (against the shared PostgreSQL, S3Proxy and clamd), is killed with SIGKILL while uploads are in flight, and is
 * started again with a one-second sweep grace, so that its start-up orphan sweep runs before it reports ready.
 * Afterwards every upload that got 201 downloads byte for byte, the bucket (listed through the S3 API, and as files)
 * holds exactly the objects that report rows refer to, and no live report KEK is without its report.
 *
 * <p>A crash between the object's put and the row's insert cannot be hit reliably by timing, so such a leftover
 * (an object and a KEK no row refers to) is also planted before the kill, as the crash would have left it.

 * <p>The restarted portal then lives through an object store outage and a database outage (PostgreSQL stopped and
 * started again on the same folder and port): 503 problems, nothing stored or lost, and recovery without a restart.
 */
class CrashSafetyIT {

    private static final int FAST = 3;
    private static final int SLOW = 3;
    private static final int FILE_BYTES = (int) (2.5 * 1024 * 1024);
    private static final int SLOW_RATE = 64 * 1024;

    @Test
    void killMinus9DuringConcurrentUploadsLeavesNoOrphansNoHalfRowsAndEveryCompletedUploadIntact() throws Exception {
        Path work = TestEnvironment.workDirectory().resolve("crash-safety");
        Map<String, String> environment = environment();
        SecureRandom random = new SecureRandom();

        PayaraMicroProcess first = start(work, environment);
        Map<String, byte[]> completed = new LinkedHashMap<>();
        String plantedObject = "objects/" + HexFormat.of().formatHex(random.generateSeed(16));
        String plantedScope = HexFormat.of().formatHex(random.generateSeed(16));
        ExecutorService uploads = Executors.newFixedThreadPool(FAST + SLOW);
        try {
            URI base = URI.create("http://127.0.0.1:" + first.port() + "/");
            PortalApi inspector = PortalApi.signedIn(base, "ofsted.inspector");
            List<byte[]> files = new ArrayList<>();
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < FAST + SLOW; i++) {
                byte[] pdf = TestPdf.withText("crash-safety " + i + " " + HexFormat.of().formatHex(
                        random.generateSeed(8)), FILE_BYTES);
                files.add(pdf);
                boolean slow = i >= FAST;
                responses.add(uploads.submit(() -> slow
                        ? inspector.shareReportThrottled(ReportMetadata.aReport().json(), "report.pdf", pdf, SLOW_RATE)
                        : inspector.shareReport(ReportMetadata.aReport().json(), "report.pdf", pdf)));
            }
            // what a crash between an object's put and its row's insert leaves: an object and a KEK, unreferenced
            plantOrphans(plantedObject, plantedScope, random);

            for (int i = 0; i < FAST; i++) {
                HttpResponse<String> response = responses.get(i).get(90, TimeUnit.SECONDS);
                assertEquals(201, response.statusCode(), response.body());
                completed.put(PortalApi.idOf(response.body()), files.get(i));
            }
            Thread.sleep(1500);
            for (int i = FAST; i < FAST + SLOW; i++) {
                assertFalse(responses.get(i).isDone(), "slow upload " + i + " is still in flight at the kill");
            }

            ProcessHandle handle = ProcessHandle.of(first.pid()).orElseThrow();
            handle.destroyForcibly(); // SIGKILL: no shutdown hooks, no @PreDestroy, connections cut
            handle.onExit().get(30, TimeUnit.SECONDS);

            for (int i = FAST; i < FAST + SLOW; i++) {
                try {
                    HttpResponse<String> response = responses.get(i).get(60, TimeUnit.SECONDS);
                    if (response.statusCode() == 201) {
                        completed.put(PortalApi.idOf(response.body()), files.get(i));
                    }
                } catch (java.util.concurrent.ExecutionException cut) {
                    // the connection died with the server: not a completed upload
                }
            }
        } finally {
            uploads.shutdownNow();
            first.stop(Duration.ofSeconds(5));
        }

        // restarted with the same settings: the start-up sweep (grace 1 s) runs before the portal is ready
        try (PayaraMicroProcess second = start(work, environment)) {
            URI base = URI.create("http://127.0.0.1:" + second.port() + "/");
            PortalApi reader = PortalApi.signedIn(base, "cqc.reader");
            for (Map.Entry<String, byte[]> upload : completed.entrySet()) {
                HttpResponse<byte[]> content = reader.getBytes("/api/v1/reports/" + upload.getKey() + "/content");
                assertEquals(200, content.statusCode(), "completed upload " + upload.getKey());
                StampedCopy.assertStampedCopyOf(upload.getValue(), content.body(), "completed upload " + upload.getKey());
            }

            Set<String> referenced = referencedObjectKeys();
            Set<String> listed = listedObjects();
            Set<String> files = new TreeSet<>();
            for (Path file : TestEnvironment.storedFiles()) {
                files.add(TestEnvironment.bucketDirectory().relativize(file).toString());
            }
            assertFalse(listed.contains(plantedObject), "the planted orphan was swept");
            assertEquals(referenced, listed, "the bucket holds exactly the objects rows refer to");
            assertEquals(listed, files, "the store's files are exactly the listed objects (no leftover parts)");
            assertEquals(0, TestEnvironment.count("select count(*) from key_encryption_key k where k.scope_kind = 'REPORT' "
                    + "and k.destroyed_at is null and not exists (select 1 from report r where "
                    + "r.key_scope_kind = k.scope_kind and r.key_scope_id = k.scope_id) and not exists (select 1 from "
                    + "report_letter l where l.key_scope_kind = k.scope_kind and l.key_scope_id = k.scope_id)"),
                    "no live report KEK without its report (or its advance letter sent ahead)");
            assertEquals(1, TestEnvironment.count("select count(*) from key_encryption_key where scope_id = '" + plantedScope
                    + "' and destroyed_at is not null and wrapped_kek is null"), "the planted KEK was destroyed");
            assertTrue(TestEnvironment.count("select count(*) from audit_event where action = 'ORPHAN_SWEEP' and outcome = "
                    + "'SUCCEEDED' and detail like '%objectsDeleted=%'") >= 1, "the sweep was audited");

            objectStoreOutageGets503AndLosesNothing(base, completed);
            databaseOutageGets503AndLosesNothing(base, completed);
        }
    }

    /** With S3Proxy stopped an upload gets a 503 problem; once it is back, everything stored before is intact. */
    private static void objectStoreOutageGets503AndLosesNothing(URI base, Map<String, byte[]> completed)
            throws Exception {
        PortalApi inspector = PortalApi.signedIn(base, "ofsted.inspector");
        StoredState before = StoredState.now();
        TestEnvironment.stopObjectStore();
        try {
            HttpResponse<String> refused = inspector.shareReport(ReportMetadata.aReport().json(), "report.pdf",
                    TestPdf.withText("during the outage"));
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse("")
                    .split(";")[0].strip());
            assertTrue(refused.body().contains("unavailable"), refused.body());
        } finally {
            TestEnvironment.startObjectStore();
        }
        assertEquals(before, StoredState.now(), "nothing stored before the outage was lost or added");
        PortalApi reader = PortalApi.signedIn(base, "cqc.reader");
        for (Map.Entry<String, byte[]> upload : completed.entrySet()) {
            HttpResponse<byte[]> content = reader.getBytes("/api/v1/reports/" + upload.getKey() + "/content");
            assertEquals(200, content.statusCode(), "after the outage: " + upload.getKey());
            StampedCopy.assertStampedCopyOf(upload.getValue(), content.body(), "after the outage: " + upload.getKey());
        }
    }

    /**
     * With PostgreSQL stopped (fast shutdown, as a crash or failover cuts connections) every call gets a 503 that
     * says the database is unavailable, an upload stores nothing, and an upload that was already streaming when the
     * database went away leaves no object behind. PostgreSQL then starts again on the same folder and port, and the
     * same portal, not restarted, serves everything stored before byte for byte and accepts uploads again.
     */
    private static void databaseOutageGets503AndLosesNothing(URI base, Map<String, byte[]> completed)
            throws Exception {
        PortalApi inspector = PortalApi.signedIn(base, "ofsted.inspector");
        PortalApi reader = PortalApi.signedIn(base, "cqc.reader");
        String stored = completed.keySet().iterator().next();
        StoredState before = StoredState.now();
        long keksBefore = TestEnvironment.count("select count(*) from key_encryption_key");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            byte[] inFlightPdf = TestPdf.withText("in flight when the database goes", 768 * 1024);
            Future<HttpResponse<String>> inFlight = executor.submit(() -> inspector.shareReportThrottled(
                    ReportMetadata.aReport().json(), "report.pdf", inFlightPdf, 128 * 1024));
            TestEnvironment.awaitCount("select count(*) from key_encryption_key", keksBefore + 1, Duration.ofSeconds(20));
            TestEnvironment.stopDatabase();
            try {
                assertFalse(inFlight.isDone(), "the upload is still streaming when the database goes");

                assertDatabaseUnavailable(reader.get("/api/v1/reports"), "list");
                assertDatabaseUnavailable(reader.get("/api/v1/reports/" + stored), "view");
                HttpResponse<byte[]> download = reader.getBytes("/api/v1/reports/" + stored + "/content");
                assertDatabaseUnavailable(download.statusCode(), download.headers(),
                        new String(download.body(), StandardCharsets.UTF_8), "download");
                assertDatabaseUnavailable(inspector.shareReport(ReportMetadata.aReport().json(), "report.pdf",
                        TestPdf.withText("during the database outage")), "upload");
                assertDatabaseUnavailable(PortalApi.anonymous(base).signIn("ofsted.inspector",
                        TestEnvironment.demoPassword()), "sign-in");
                assertDatabaseUnavailable(inFlight.get(60, TimeUnit.SECONDS), "upload in flight");

                HttpResponse<String> page = reader.get("/reports");
                assertEquals(503, page.statusCode(), page.body());
                assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
                assertTrue(page.body().contains("govuk-template") && page.body().contains(
                        "Sorry, the service is unavailable"), page.body());
                assertEquals("30", page.headers().firstValue("Retry-After").orElse(""), "page Retry-After");
                assertFalse(page.body().contains("Exception"), page.body());

                HttpResponse<String> ready = PortalApi.anonymous(base).get("/health/ready");
                assertEquals(503, ready.statusCode(), ready.body());
                assertTrue(ready.body().replaceAll("\\s", "").contains("\"name\":\"database\",\"status\":\"DOWN\""),
                        ready.body());
            } finally {
                TestEnvironment.startDatabase();
            }
        } finally {
            executor.shutdownNow();
        }
        assertEquals(before, StoredState.now(), "the refused uploads stored nothing, and nothing was lost");

        // the portal is not restarted: its pool must drop the connections the outage killed and open new ones
        for (Map.Entry<String, byte[]> upload : completed.entrySet()) {
            HttpResponse<byte[]> content = reader.getBytes("/api/v1/reports/" + upload.getKey() + "/content");
            assertEquals(200, content.statusCode(), "after the database outage: " + upload.getKey());
            StampedCopy.assertStampedCopyOf(upload.getValue(), content.body(), "after the database outage: " + upload.getKey());
        }
        byte[] afterwards = TestPdf.withText("after the database outage");
        String id = inspector.shareValidReport(afterwards);
        StampedCopy.assertStampedCopyOf(afterwards, reader.getBytes("/api/v1/reports/" + id + "/content").body(),
                "after the database outage");
        assertEquals(200, PortalApi.anonymous(base).get("/health/ready").statusCode());
    }

    private static void assertDatabaseUnavailable(HttpResponse<String> response, String what) {
        assertDatabaseUnavailable(response.statusCode(), response.headers(), response.body(), what);
    }

    private static void assertDatabaseUnavailable(int status, java.net.http.HttpHeaders headers, String body,
                                                  String what) {
        assertEquals(503, status, what + ": " + body);
        assertEquals("application/problem+json", headers.firstValue("Content-Type").orElse("").split(";")[0].strip(),
                what);
        assertTrue(body.contains("\"type\":\"urn:inspectorates-portal:problem:database-unavailable\""),
                what + ": " + body);
        assertTrue(body.contains("cannot reach its database"), what + ": " + body);
        assertEquals("30", headers.firstValue("Retry-After").orElse(""), what + ": Retry-After");
        assertFalse(body.contains("Exception") || body.contains("at uk.gov"), what + ": " + body);
    }

    private static PayaraMicroProcess start(Path work, Map<String, String> environment) throws Exception {
        PayaraMicroProcess payara = PayaraMicroProcess.start(Path.of(System.getProperty("payara.microJar")),
                TestEnvironment.warFile(), PortFinder.freePort(), environment, List.of("-Xmx384m"),
                work.resolve("payara.log"), work.resolve("payara.pid"));
        try {
            payara.awaitReady(Duration.ofSeconds(150));
        } catch (Exception e) {
            String tail = payara.logTail(80);
            payara.stop(Duration.ofSeconds(5));
            throw new AssertionError("Payara did not start: " + e.getMessage() + "\n" + tail, e);
        }
        return payara;
    }

    /** The settings the shared environment published as portal.* properties, and a 1 s sweep grace. */
    private static Map<String, String> environment() {
        Map<String, String> properties = TestEnvironment.portalSettings();
        properties.put("portal.sweep.grace-seconds", "1");
        properties.put("portal.sweep.interval-seconds", "3600");
        return PayaraMicroProcess.asEnvironment(properties);
    }

    private static void plantOrphans(String objectKey, String scopeId, SecureRandom random) throws Exception {
        byte[] ciphertext = random.generateSeed(4096);
        TestEnvironment.minioClient().putObject(PutObjectArgs.builder().bucket(TestEnvironment.s3Bucket())
                .object(objectKey).stream(new ByteArrayInputStream(ciphertext), (long) ciphertext.length, null).build());
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement insert = connection.prepareStatement("insert into key_encryption_key (kek_id, "
                     + "scope_kind, scope_id, wrapped_kek, master_key_alias, created_at) values (?, 'REPORT', ?, ?, "
                     + "'master-planted', now() - interval '1 minute')")) {
            insert.setString(1, "kek-planted-" + scopeId);
            insert.setString(2, scopeId);
            insert.setBytes(3, random.generateSeed(60));
            insert.executeUpdate();
        }
    }

    private static Set<String> listedObjects() throws Exception {
        Set<String> listed = new TreeSet<>();
        for (Result<Item> item : TestEnvironment.minioClient().listObjects(ListObjectsArgs.builder()
                .bucket(TestEnvironment.s3Bucket()).recursive(true).build())) {
            listed.add(item.get().objectName());
        }
        return listed;
    }

    /** The object keys of every table with an object_key column: the ITs share one database and one bucket. */
    private static Set<String> referencedObjectKeys() throws Exception {
        Set<String> keys = new TreeSet<>();
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select table_name from information_schema.columns where "
                    + "table_schema = current_schema() and column_name = 'object_key'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("select object_key from \"" + table
                        + "\" where object_key is not null")) {
                    while (rows.next()) {
                        keys.add(rows.getString(1));
                    }
                }
            }
        }
        return keys;
    }
}
