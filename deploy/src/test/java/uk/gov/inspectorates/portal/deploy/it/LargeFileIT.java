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
 * A large file (system property {@code portal.test.largeFileMiB}: 272 MiB in the normal run, the 5 GiB with
 * the Maven profile {@code large-files}; 1 GiB at most when the disk cannot hold twice the file) uploads through the
 * resumable API
 * into a portal whose heap is capped at 256 MiB: every part is streamed through encryption into S3 parts and the
 * assembled object is read back through windowed malware scanning. As a PDF it is too large to be checked for active
 * content in memory (docs/adr/0018), so it is refused at completion and discarded, never kept unchecked. The file is
 * generated on the fly (nothing of it on disk on the client's side); the portal's heap is watched through
 * {@code /metrics} while it runs. The large streamed download is back with JTAI evidence, served unstamped as its
 * original bytes: a 272 MiB text document (system property {@code portal.test.largeDownloadMiB}, e.g. 5120 for the
 * issue's 5 GiB) uploads the same way against an information request and downloads byte for byte, by SHA-256,
 * through the same 256 MiB heap. The inspection is then closed and HMIC exports it (issue 17, docs/adr/0028): the ZIP
 * streams while decrypting, as long as announced, holds the document by SHA-256, and a resumed second half (Range)
 * matches the first download's second half.
 */
class LargeFileIT {

    private static final long MIB = 1024 * 1024;
    private static final int PART = (int) (8 * MIB);
    /** The normal run's size: past the in-memory PDF check (200 MiB) and over the heap; -Plarge-files: 5120. */
    private static final long DEFAULT_MIB = 272;
    /**
     * The evidence document downloaded in the normal run, over the heap; the 5 GiB with
     * -Dportal.test.largeDownloadMiB=5120.
     */
    private static final long EVIDENCE_MIB = 272;
    /** When the disk cannot hold S3Proxy's parts and the assembled object (2 × the file, plus room). */
    private static final long FALLBACK_MIB = 1024;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{32})\"");
    private static final Pattern USED = Pattern.compile("(?m)^(?:base_)?memory_usedHeap_bytes(?:\\{[^}]*})?\\s+([0-9.eE+]+)");
    private static final Pattern MAX = Pattern.compile("(?m)^(?:base_)?memory_maxHeap_bytes(?:\\{[^}]*})?\\s+([0-9.eE+]+)");

    @Test
    void aLargeFileStreamsThroughAPortalWithA256MibHeapAndIsRefusedAsTooLargeToCheckForActiveContent() throws Exception {
        Path work = TestEnvironment.workDirectory().resolve("large-file");
        long length = fitting(Long.getLong("portal.test.largeFileMiB", DEFAULT_MIB)) * MIB;
        long evidenceLength = Long.getLong("portal.test.largeDownloadMiB", EVIDENCE_MIB) * MIB;
        try (PayaraMicroProcess portal = PayaraMicroProcess.start(Path.of(System.getProperty("payara.microJar")),
                TestEnvironment.warFile(), PortFinder.freePort(), environment(Math.max(length, evidenceLength)),
                List.of("-Xmx256m"),
                work.resolve("payara.log"), work.resolve("payara.pid"))) {
            portal.awaitReady(Duration.ofSeconds(300));
            URI base = URI.create("http://127.0.0.1:" + portal.port() + "/");
            HeapPeak heap = new HeapPeak(base);
            heap.start();
            try {
                roundTrip(base, length);
                evidenceRoundTrip(base, evidenceLength);
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

    /**
     * A JTAI evidence document of {@code length} bytes: uploaded in parts by the police against HMIC's request, kept
     * under the inspection's key scope, downloaded by a CQC inspector as the original bytes, decrypted segment by
     * segment as they stream. Plain text: a PDF this size could not be checked for active content (ADR 0018).
     */
    private static void evidenceRoundTrip(URI base, long length) throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(
                uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar.UK);
        java.time.LocalDate notified = new uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar(
                uk.gov.inspectorates.portal.storage.calendar.GovUkBankHolidays.shipped()).plusWorkingDays(today, -2);
        HttpResponse<String> opened = PortalApi.signedIn(base, "ofsted.lead").postJson("/api/v1/inspections",
                "{\"localAuthorityArea\":\"northdale\",\"theme\":\"Large evidence\",\"notifiedOn\":\"" + notified
                        + "\",\"inspectorates\":[\"OFSTED\",\"CQC\",\"HMIC\"]}");
        assertEquals(201, opened.statusCode(), opened.body());
        String inspection = idOf(opened.body());
        HttpResponse<String> requested = PortalApi.signedIn(base, "hmic.inspector").postJson("/api/v1/inspections/"
                + inspection + "/requests", "{\"agency\":\"northdale-police\",\"title\":\"Case files\","
                + "\"items\":[\"KEY_CASE_FILE_DOCUMENTS\"]}");
        assertEquals(201, requested.statusCode(), requested.body());
        String request = idOf(requested.body());

        PortalApi police = PortalApi.signedIn(base, "police.uploader");
        long t0 = System.nanoTime();
        HttpResponse<String> started = police.postJson("/api/v1/uploads", "{\"purpose\":\"INSPECTION_DOCUMENT\","
                + "\"inspection\":\"" + inspection + "\",\"request\":\"" + request + "\",\"fileName\":"
                + "\"case-notes.txt\",\"length\":" + length + "}");
        assertEquals(201, started.statusCode(), started.body());
        String upload = "/api/v1/uploads/" + idOf(started.body());
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        int parts = (int) ((length + PART - 1) / PART);
        for (int n = 1; n <= parts; n++) {
            byte[] part = textPartOf(n, length);
            sent.update(part);
            HttpResponse<String> stored = police.putBytes(upload + "/parts/" + n, part);
            assertEquals(200, stored.statusCode(), "part " + n + ": " + stored.body());
        }
        HttpResponse<String> completed = police.postJson(upload + "/completion", "{}", Duration.ofMinutes(30));
        assertEquals(200, completed.statusCode(), completed.body());
        HttpResponse<String> kept = police.postMultipart("/api/v1/inspections/" + inspection + "/requests/" + request
                + "/documents", List.<String[]>of(new String[] {"metadata", "{\"classification\":{\"tier\":"
                + "\"OFFICIAL-SENSITIVE\"}}"}, new String[] {"upload", idOf(completed.body())}), null, null, true);
        assertEquals(201, kept.statusCode(), kept.body());
        String sha256 = HexFormat.of().formatHex(sent.digest());
        assertTrue(kept.body().contains("\"sha256\":\"" + sha256 + "\""), kept.body());
        long t1 = System.nanoTime();

        HttpResponse<InputStream> download = PortalApi.signedIn(base, "cqc.inspector")
                .getStream("/api/v1/documents/" + idOf(kept.body()) + "/content");
        assertEquals(200, download.statusCode());
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long bytes = 0;
        try (InputStream in = download.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; bytes += n) {
                received.update(buffer, 0, n);
            }
        }
        long t2 = System.nanoTime();
        assertEquals(length, bytes);
        assertEquals(sha256, HexFormat.of().formatHex(received.digest()), "the original bytes, streamed");
        System.out.printf("[large-file] evidence %d MiB: uploaded and checked in %.0f s, downloaded in %.0f s "
                + "(%.0f MiB/s)%n", length / MIB, secs(t1 - t0), secs(t2 - t1), length / MIB / secs(t2 - t1));
        try {
            exportRoundTrip(base, inspection, sha256, length);
        } finally {
            removeEvidence(idOf(kept.body()));
        }
    }

    /**
     * Closes the inspection and streams HMIC's export: its length is the announced Content-Length, its document entry
     * has the upload's SHA-256 (read by walking the ZIP's local headers as the bytes pass), and the second half asked
     * for again with Range and If-Range is the first download's second half.
     */
    private static void exportRoundTrip(URI base, String inspection, String documentSha256, long length)
            throws Exception {
        HttpResponse<String> closed = PortalApi.signedIn(base, "ofsted.admin").postJson("/api/v1/inspections/"
                + inspection + "/closure", "{}");
        assertEquals(201, closed.statusCode(), closed.body());
        PortalApi hmic = PortalApi.signedIn(base, "hmic.inspector");
        String path = "/api/v1/inspections/" + inspection + "/exports/HMIC";
        long t0 = System.nanoTime();
        HttpResponse<InputStream> export = hmic.getStream(path);
        assertEquals(200, export.statusCode());
        long announced = Long.parseLong(export.headers().firstValue("Content-Length").orElseThrow());
        assertTrue(announced > length, "the document and the manifests");
        String etag = export.headers().firstValue("ETag").orElseThrow();
        long cut = announced / 2;
        MessageDigest secondHalf = MessageDigest.getInstance("SHA-256");
        ZipWalk walk = new ZipWalk();
        long bytes = 0;
        try (InputStream in = export.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; bytes += n) {
                walk.update(buffer, n);
                int from = (int) Math.max(0, Math.min(n, cut - bytes));
                secondHalf.update(buffer, from, n - from);
            }
        }
        long t1 = System.nanoTime();
        assertEquals(announced, bytes, "as long as announced");
        assertEquals(documentSha256, walk.sha256Of("documents/0001-case-notes.txt"), walk.entries.toString());

        HttpResponse<InputStream> resumed = hmic.getStream(path, "Range", "bytes=" + cut + "-", "If-Range", etag);
        assertEquals(206, resumed.statusCode());
        MessageDigest resumedHalf = MessageDigest.getInstance("SHA-256");
        try (InputStream in = resumed.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                resumedHalf.update(buffer, 0, n);
            }
        }
        assertEquals(HexFormat.of().formatHex(secondHalf.digest()), HexFormat.of().formatHex(resumedHalf.digest()),
                "a resumed download continues with the same bytes");
        System.out.printf("[large-file] export %d MiB: streamed in %.0f s (%.0f MiB/s), resumed from %d MiB%n",
                announced / MIB, secs(t1 - t0), announced / MIB / secs(t1 - t0), cut / MIB);
    }

    /**
     * Walks a ZIP as its bytes pass (STORED entries with ZIP64 local extras carrying the size, then a 24-byte data
     * descriptor, as docs/adr/0028 writes them) and keeps each entry's SHA-256.
     */
    private static final class ZipWalk {
        private final Map<String, String> entries = new java.util.LinkedHashMap<>();
        private final java.io.ByteArrayOutputStream header = new java.io.ByteArrayOutputStream();
        private String name;
        private long dataLeft = -1;
        private int descriptorLeft;
        private boolean done;
        private MessageDigest digest;

        void update(byte[] buffer, int length) throws Exception {
            int i = 0;
            while (i < length && !done) {
                if (dataLeft > 0) {
                    int take = (int) Math.min(dataLeft, length - i);
                    digest.update(buffer, i, take);
                    dataLeft -= take;
                    i += take;
                } else if (dataLeft == 0) {
                    entries.put(name, HexFormat.of().formatHex(digest.digest()));
                    dataLeft = -1;
                    descriptorLeft = 24;
                } else if (descriptorLeft > 0) {
                    int take = Math.min(descriptorLeft, length - i);
                    descriptorLeft -= take;
                    i += take;
                } else {
                    header.write(buffer[i++]);
                    parseHeader();
                }
            }
        }

        private void parseHeader() throws Exception {
            byte[] h = header.toByteArray();
            if (h.length == 4 && java.nio.ByteBuffer.wrap(h).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt()
                    != 0x04034b50) {
                done = true;
                return;
            }
            if (h.length < 30) {
                return;
            }
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(h).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            int nameLength = b.getShort(26) & 0xFFFF;
            int extraLength = b.getShort(28) & 0xFFFF;
            if (h.length < 30 + nameLength + extraLength) {
                return;
            }
            name = new String(h, 30, nameLength, StandardCharsets.UTF_8);
            dataLeft = b.getLong(30 + nameLength + 4);
            digest = MessageDigest.getInstance("SHA-256");
            header.reset();
        }

        String sha256Of(String entry) {
            return entries.get(entry);
        }
    }

    /**
     * Hundreds of MiB in the shared test bucket would slow every later listing of it, and an inspection is not
     * removable through the portal yet (the next issue): its row and object go directly.
     */
    private static void removeEvidence(String documentId) throws Exception {
        String objectKey;
        try (java.sql.Connection connection = TestEnvironment.openSuperuserConnection();
             java.sql.PreparedStatement delete = connection.prepareStatement(
                     "delete from evidence_document where id = ? returning object_key")) {
            delete.setString(1, documentId);
            try (java.sql.ResultSet row = delete.executeQuery()) {
                assertTrue(row.next(), "the document's row");
                objectKey = row.getString(1);
            }
        }
        TestEnvironment.minioClient().removeObject(io.minio.RemoveObjectArgs.builder()
                .bucket(TestEnvironment.s3Bucket()).object(objectKey).build());
    }

    /** Part n of a plain-text file: pseudo-random lines of letters and digits (nothing compresses them away). */
    private static byte[] textPartOf(int n, long length) {
        int size = (int) Math.min(PART, length - (long) (n - 1) * PART);
        byte[] bytes = new byte[size];
        byte[] alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.".getBytes(
                StandardCharsets.US_ASCII);
        SplittableRandom random = new SplittableRandom(1000 + n);
        for (int i = 0; i < size; i++) {
            bytes[i] = i % 100 == 99 ? (byte) '\n' : alphabet[random.nextInt(alphabet.length)];
        }
        return bytes;
    }

    private static long fitting(long requestedMib) throws IOException {
        long usable = Files.getFileStore(TestEnvironment.workDirectory()).getUsableSpace();
        if (usable >= (2 * requestedMib + 2048) * MIB || requestedMib <= FALLBACK_MIB) {
            return requestedMib;
        }
        System.out.printf("[large-file] only %d MiB free for the object store: %d MiB instead of %d MiB%n",
                usable / MIB, FALLBACK_MIB, requestedMib);
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
                    String body = client.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5))
                                    .header("Authorization", "Bearer " + TestEnvironment.METRICS_TOKEN).build(),
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
