package uk.gov.inspectorates.portal.deploy.bench;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import static uk.gov.inspectorates.portal.deploy.bench.Stats.f;

/**
 * Uploads and downloads of the same bytes, alternating within each repetition: the portal's upload (JTAI
 * evidence, the agency's uploader against an information request), a plain MinIO-SDK put to the same S3Proxy, the
 * portal's download of the (unstamped) evidence by the lead inspector (read with OkHttp, the MinIO SDK's own HTTP
 * client, as the plain GET is: {@link PortalClient#download}), the plain GET, and clamd alone scanning the
 * same bytes but 16 (clamd has just scanned them for the portal and would answer from its cache). Fresh bytes each repetition (clamd caches verdicts of identical content); a warm-up first, and one unrecorded
 * repetition of every size and kind before its measured ones; medians.
 * Each size is measured for a benchmark PDF and for random bytes ({@link RandomImage}); the downloads of a size
 * pool both kinds. The heap of the portal's JVM is watched over each size's repetitions.
 */
final class TransferBench {

    /** As the portal's MinioObjectStore (multipart in 8 MiB parts), so both paths upload the same way. */
    private static final long PART_SIZE = 8L * 1024 * 1024;

    enum Kind {
        PDF("PDF", "case-file.pdf", "application/pdf"),
        RANDOM("random", RandomImage.FILE_NAME, RandomImage.CONTENT_TYPE);

        final String label;
        final String fileName;
        final String contentType;

        Kind(String label, String fileName, String contentType) {
            this.label = label;
            this.fileName = fileName;
            this.contentType = contentType;
        }

        byte[] content(int mebibytes, long seed) throws IOException {
            long size = (long) mebibytes << 20;
            return this == PDF ? new BenchDocument(size, seed).toByteArray() : new RandomImage(size, seed).toByteArray();
        }
    }

    /** Seconds; afterLastByte: of the portal's upload, from the file's last byte sent to the answer. */
    record Sample(double portalUpload, double afterLastByte, double plainPut, double clamdAlone, double clamdCpu,
                  double portalDownload, double plainGet) {
    }

    /** The outcome of one size and kind: its samples, or why it could not be measured. */
    private record Outcome(List<Sample> samples, String failure) {
    }

    private final URI base;
    private final PortalClient uploader;
    private final PortalClient reader;
    private final String requestPath;
    private final MinioClient minio;
    private final String plainBucket;
    private final ClamdBench clamd;
    private final Path gcLog;
    private final PortalLog portalLog;
    private final long maxHeap;
    private final long portalPid;
    private final List<String> notes = new ArrayList<>();
    private String lastId;
    private byte[] lastContent;

    TransferBench(URI base, PortalClient uploader, PortalClient reader, String requestPath, MinioClient minio,
                  String plainBucket, ClamdBench clamd, Path gcLog, PortalLog portalLog, long maxHeap, long portalPid) {
        this.base = base;
        this.uploader = uploader;
        this.reader = reader;
        this.requestPath = requestPath;
        this.minio = minio;
        this.plainBucket = plainBucket;
        this.clamd = clamd;
        this.gcLog = gcLog;
        this.portalLog = portalLog;
        this.maxHeap = maxHeap;
        this.portalPid = portalPid;
    }

    /** Adds the upload, download and heap rows of each size to {@code table}. */
    void run(List<Integer> sizes, int reps, BenchTable table) throws IOException {
        warmUp(sizes.stream().mapToInt(Integer::intValue).min().orElse(64));
        Map<String, Outcome> uploads = new LinkedHashMap<>();
        Map<Integer, List<Sample>> downloads = new LinkedHashMap<>();
        List<BenchTable.HeapReading> heap = new ArrayList<>();
        for (int size : sizes) {
            List<Sample> pooled = new ArrayList<>();
            int outOfMemory = portalLog.outOfMemoryErrors();
            HeapWatch watch = HeapWatch.start(base, gcLog, Duration.ofMillis(250));
            try (watch) {
                for (Kind kind : Kind.values()) {
                    Outcome outcome = measure(size, kind, reps);
                    uploads.put(uploadMeasure(size, kind), outcome);
                    pooled.addAll(outcome.samples());
                }
            }
            downloads.put(size, pooled);
            probe(size, reps);
            long[] gc = watch.gcLogPeak();
            heap.add(new BenchTable.HeapReading(f("heap during %d MiB round trip", size),
                    Math.max(gc[0], watch.polledPeak()), watch.polledMaxHeap() > 0 ? watch.polledMaxHeap() : maxHeap,
                    portalLog.outOfMemoryErrors() - outOfMemory));
        }
        String uploadTarget = "≤ " + BenchTable.dec(BenchTable.UPLOAD_TARGET);
        uploads.forEach((measure, outcome) -> {
            if (outcome.failure() != null) {
                table.failed(measure, uploadTarget, outcome.failure());
            } else {
                table.upload(measure, median(outcome.samples(), Sample::portalUpload),
                        median(outcome.samples(), Sample::plainPut), median(outcome.samples(), Sample::clamdAlone));
            }
        });
        downloads.forEach((size, samples) -> {
            String measure = f("download %d MiB", size);
            if (samples.isEmpty()) {
                table.failed(measure, "≥ " + BenchTable.dec(BenchTable.DOWNLOAD_TARGET),
                        "no document of this size could be uploaded (see its upload rows)");
            } else {
                table.download(measure, median(samples, Sample::plainGet), median(samples, Sample::portalDownload));
            }
        });
        heap.forEach(table::heap);
    }

    /** The download probe's findings per size, for the summary's notes. */
    List<String> notes() {
        return notes;
    }

    /** Where a download's time goes ({@link DownloadProbe}), on the last document of this size, if there is one. */
    private void probe(int size, int reps) {
        if (lastContent == null || lastContent.length != (long) size << 20) {
            return;
        }
        try (DownloadProbe probe = new DownloadProbe(base, portalPid, reader.cookieHeader(), minio, plainBucket)) {
            String note = DownloadProbe.describe(size, probe.run(lastId, lastContent, Math.max(5, reps),
                    f("probe-%d", size)));
            log(note);
            notes.add(note);
        } catch (Exception e) {
            log(f("download probe at %d MiB failed: %s", size, e));
            notes.add(f("Download probe, %d MiB: failed (%s).", size, e));
        }
    }

    static String uploadMeasure(int size, Kind kind) {
        return f("upload %d MiB %s", size, kind.label);
    }

    private void warmUp(int mebibytes) {
        long t0 = System.nanoTime();
        try {
            byte[] content = Kind.PDF.content(mebibytes, 1);
            for (int i = 0; i < 2; i++) {
                unique(content);
                sample(Kind.PDF, content, "warm-up-" + i);
            }
            log(f("warm-up: 2 of each path at %d MiB in %.1f s", mebibytes, (System.nanoTime() - t0) / 1e9));
        } catch (Exception e) {
            log("warm-up failed (the measures will say why): " + e);
        }
    }

    private Outcome measure(int size, Kind kind, int reps) {
        List<Sample> samples = new ArrayList<>();
        int outOfMemory = portalLog.outOfMemoryErrors();
        try {
            byte[] content = kind.content(size, new SecureRandom().nextLong());
            // the content's making leaves garbage in this JVM, which also runs S3Proxy and the client: collected
            // here, not during the first timed round
            System.gc();
            // rep -1 is this size and kind's own warm-up, not recorded: the first portal upload of a new kind or size
            // took 1.5-2 x the later ones (quiet run of 83525b29: 64 MiB random 1.79 s against 1.02-1.27, 64 MiB PDF
            // 3.09 s against 1.62-1.68, the other paths unchanged), and with 5 repetitions that one round moved the
            // median; the warm-up before the first size runs PDFs only
            for (int rep = -1; rep < reps; rep++) {
                unique(content);
                Sample s = sample(kind, content, f("bench-%d-%s-%d", size, kind.label, rep));
                if (rep < 0) {
                    log(f("%s warm-up: portal up %.2f s, clamd alone %.2f", uploadMeasure(size, kind),
                            s.portalUpload(), s.clamdAlone()));
                    continue;
                }
                samples.add(s);
                log(f("%s #%d: portal up %.2f s (%.2f after the last byte), plain put %.2f, clamd alone %.2f "
                                + "(clamd CPU %.2f); portal down %.2f, plain get %.2f", uploadMeasure(size, kind), rep,
                        s.portalUpload(), s.afterLastByte(), s.plainPut(), s.clamdAlone(), s.clamdCpu(),
                        s.portalDownload(), s.plainGet()));
            }
            return new Outcome(samples, null);
        } catch (Exception | OutOfMemoryError e) {
            log(uploadMeasure(size, kind) + " failed: " + e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            why = why.length() > 300 ? why.substring(0, 300) + "…" : why;
            if (portalLog.outOfMemoryErrors() > outOfMemory) {
                why += " (the portal ran out of heap: OutOfMemoryError in its log)";
            }
            return new Outcome(List.of(), why);
        }
    }

    private Sample sample(Kind kind, byte[] content, String key) throws Exception {
        byte[] sink = new byte[content.length];
        long t0 = System.nanoTime();
        String id = uploader.upload(requestPath, content, kind.fileName, kind.contentType);
        long t1 = System.nanoTime();
        double afterLastByte = (t1 - uploader.lastFileByteNanos()) / 1e9;
        minio.putObject(PutObjectArgs.builder().bucket(plainBucket).object(key)
                .stream(new ByteArrayInputStream(content), (long) content.length, PART_SIZE)
                .contentType("application/octet-stream").build());
        long t2 = System.nanoTime();
        check(CipherBench.drain(reader.download(id), sink), content, sink, "portal");
        long t3 = System.nanoTime();
        check(CipherBench.drain(minio.getObject(GetObjectArgs.builder().bucket(plainBucket).object(key).build()), sink),
                content, sink, "plain");
        long t4 = System.nanoTime();
        minio.removeObject(RemoveObjectArgs.builder().bucket(plainBucket).object(key).build());
        lastId = id;
        // outside every timer, into one reused array: the probe needs the bytes stored, which change below
        if (lastContent == null || lastContent.length != content.length) {
            lastContent = new byte[content.length];
        }
        System.arraycopy(content, 0, lastContent, 0, content.length);
        // clamd just scanned these bytes for the portal and would answer from its cache: 16 of them change first
        unique(content);
        ClamdBench.Scan scan = clamd.scan(content);
        return new Sample((t1 - t0) / 1e9, afterLastByte, (t2 - t1) / 1e9, scan.seconds(), scan.clamdCpuSeconds(),
                (t3 - t2) / 1e9, (t4 - t3) / 1e9);
    }

    /** New bytes (16 random ones in the middle) before each repetition: clamd caches verdicts by content. */
    private static void unique(byte[] content) {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        System.arraycopy(random, 0, content, content.length / 2, random.length);
    }

    private static void check(int n, byte[] content, byte[] sink, String path) throws IOException {
        if (n != content.length || !Arrays.equals(content, 0, n, sink, 0, n)) {
            throw new IOException(path + " download differs from the upload (" + n + " of " + content.length + " bytes)");
        }
    }

    private static double median(List<Sample> samples, ToDoubleFunction<Sample> value) {
        return Stats.median(samples.stream().map(value::applyAsDouble).toList());
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
        System.out.flush();
    }
}
