package uk.gov.inspectorates.portal.storage.objectstore;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.storage.crypto.EnvelopeCipher;

/**
 * The storage half of an unstamped download (docs/adr/0037), in one JVM against S3Proxy: a plain MinIO-SDK GET of an
 * object vs the same bytes encrypted, decrypted as they are read straight from the SDK (no read-ahead), and decrypted
 * from {@link MinioObjectStore#get} (read ahead on a thread of its own), each drained in 256 KiB reads as the portal's
 * responses are. Medians of {@code download.bench.reps} (default 5) after a warm-up, alternating. Not a test of the
 * normal build (the name is not *Test): {@code mvn -B -o -pl storage -am test -Dtest=DownloadBench
 * -Dsurefire.failIfNoSpecifiedTests=false [-Ddownload.bench.sizes=64,256]}.
 */
class DownloadBench {

    private static final int MIB = 1024 * 1024;

    @Test
    void plainGetVersusDecryptedReads() throws Exception {
        int reps = Integer.getInteger("download.bench.reps", 5);
        String[] sizes = System.getProperty("download.bench.sizes", "64,256").split(",");
        EnvelopeCipher cipher = new EnvelopeCipher();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        byte[] sink = new byte[256 * 1024];
        try (S3ProxyServer server = S3ProxyServer.start();
             MinioObjectStore store = server.newStore("bench-" + UUID.randomUUID())) {
            MinioClient sdk = MinioClient.builder().endpoint(server.endpoint())
                    .credentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY).region(S3ProxyServer.REGION)
                    .build();
            System.out.println("| MiB | plain GET s | decrypt, no read-ahead s (ratio) | decrypt, read-ahead s (ratio) |");
            System.out.println("| --- | --- | --- | --- |");
            for (String size : sizes) {
                int bytes = Integer.parseInt(size.trim()) * MIB;
                byte[] plaintext = new byte[bytes];
                new SecureRandom().nextBytes(plaintext);
                byte[] ciphertext;
                try (InputStream in = cipher.encrypt(new ByteArrayInputStream(plaintext), key, "objects/sealed")) {
                    ciphertext = in.readAllBytes();
                }
                store.put("objects/plain", new ByteArrayInputStream(plaintext), plaintext.length);
                store.put("objects/sealed", new ByteArrayInputStream(ciphertext), ciphertext.length);
                plaintext = null;
                ciphertext = null;
                List<Double> plain = new ArrayList<>();
                List<Double> direct = new ArrayList<>();
                List<Double> ahead = new ArrayList<>();
                for (int rep = -1; rep < reps; rep++) {
                    double p = time(() -> sdk.getObject(GetObjectArgs.builder().bucket(store.bucket())
                            .object("objects/plain").build()), sink, bytes);
                    double d = time(() -> cipher.decrypt(sdk.getObject(GetObjectArgs.builder().bucket(store.bucket())
                            .object("objects/sealed").build()), key, "objects/sealed"), sink, bytes);
                    double a = time(() -> cipher.decrypt(store.get("objects/sealed"), key, "objects/sealed"), sink,
                            bytes);
                    if (rep >= 0) {
                        plain.add(p);
                        direct.add(d);
                        ahead.add(a);
                    }
                }
                double p = median(plain);
                double d = median(direct);
                double a = median(ahead);
                System.out.printf("| %s | %.3f | %.3f (%.2f) | %.3f (%.2f) |%n", size.trim(), p, d, p / d, a, p / a);
            }
            sdk.close();
        }
    }

    /**
     * The store's HTTP client ({@link MinioObjectStore#storeClient}: the read timeout in the socket only) against the
     * SDK's default (Okio's watchdog woken around every 8 KiB read), reading the same object through
     * {@link MinioObjectStore#get}: wall seconds and the CPU seconds of this JVM (S3Proxy's included, the same on
     * both sides), medians of {@code download.bench.reps}, alternating. {@code -Dtest=DownloadBench#storeClientVersusTheSdkDefault}.
     */
    @Test
    void storeClientVersusTheSdkDefault() throws Exception {
        int reps = Integer.getInteger("download.bench.reps", 5);
        String[] sizes = System.getProperty("download.bench.sizes", "64,256").split(",");
        byte[] sink = new byte[256 * 1024];
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        try (S3ProxyServer server = S3ProxyServer.start();
             MinioObjectStore store = server.newStore("bench-" + UUID.randomUUID());
             MinioObjectStore sdkDefault = new MinioObjectStore(server.endpoint(), S3ProxyServer.ACCESS_KEY,
                     S3ProxyServer.SECRET_KEY, store.bucket(), S3ProxyServer.REGION, io.minio.Http.newDefaultClient())) {
            System.out.println("| MiB | SDK default client: s, CPU s | store client: s, CPU s | CPU saved per GiB |");
            System.out.println("| --- | --- | --- | --- |");
            for (String size : sizes) {
                int bytes = Integer.parseInt(size.trim()) * MIB;
                byte[] plaintext = new byte[bytes];
                new SecureRandom().nextBytes(plaintext);
                store.put("objects/plain", new ByteArrayInputStream(plaintext), plaintext.length);
                plaintext = null;
                List<Double> oldTime = new ArrayList<>();
                List<Double> oldCpu = new ArrayList<>();
                List<Double> newTime = new ArrayList<>();
                List<Double> newCpu = new ArrayList<>();
                for (int rep = -2; rep < reps; rep++) {
                    long c0 = os.getProcessCpuTime();
                    double o = time(() -> sdkDefault.get("objects/plain"), sink, bytes);
                    long c1 = os.getProcessCpuTime();
                    double n = time(() -> store.get("objects/plain"), sink, bytes);
                    long c2 = os.getProcessCpuTime();
                    if (rep >= 0) {
                        oldTime.add(o);
                        oldCpu.add((c1 - c0) / 1e9);
                        newTime.add(n);
                        newCpu.add((c2 - c1) / 1e9);
                    }
                }
                double oc = median(oldCpu);
                double nc = median(newCpu);
                System.out.printf("| %s | %.3f, %.3f | %.3f, %.3f | %.3f |%n", size.trim(), median(oldTime), oc,
                        median(newTime), nc, (oc - nc) * 1024.0 / Integer.parseInt(size.trim()));
            }
        }
    }

    /**
     * Heap allocated per decrypted download (the consumer's thread and the read-ahead threads, from
     * {@code ThreadMXBean}): what a download gives the GC to collect. {@code -Dtest=DownloadBench#allocationPerDownload}.
     */
    @Test
    void allocationPerDownload() throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        EnvelopeCipher cipher = new EnvelopeCipher();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        byte[] sink = new byte[256 * 1024];
        int bytes = 64 * MIB;
        try (S3ProxyServer server = S3ProxyServer.start();
             MinioObjectStore store = server.newStore("bench-" + UUID.randomUUID())) {
            byte[] plaintext = new byte[bytes];
            new SecureRandom().nextBytes(plaintext);
            byte[] ciphertext;
            try (InputStream in = cipher.encrypt(new ByteArrayInputStream(plaintext), key, "objects/sealed")) {
                ciphertext = in.readAllBytes();
            }
            store.put("objects/sealed", new ByteArrayInputStream(ciphertext), ciphertext.length);
            for (int rep = 0; rep < 6; rep++) {
                java.util.Map<Long, Long> before = allocated(threads);
                long self0 = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
                time(() -> cipher.decrypt(store.get("objects/sealed"), key, "objects/sealed"), sink, bytes);
                long self = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - self0;
                long readers = 0;
                for (java.util.Map.Entry<Long, Long> thread : allocated(threads).entrySet()) {
                    readers += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
                }
                System.out.printf("allocated per 64 MiB download: consumer %.2f MiB, read-ahead %.2f MiB%n",
                        self / (double) MIB, readers / (double) MIB);
            }
        }
    }

    private static java.util.Map<Long, Long> allocated(com.sun.management.ThreadMXBean threads) {
        java.util.Map<Long, Long> bytes = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("object-store-read-ahead-")) {
                bytes.put(info.getThreadId(), threads.getThreadAllocatedBytes(info.getThreadId()));
            }
        }
        return bytes;
    }

    interface Open {
        InputStream open() throws Exception;
    }

    private static double time(Open open, byte[] sink, long expected) throws Exception {
        long t0 = System.nanoTime();
        long total = 0;
        try (InputStream in = open.open()) {
            for (int n; (n = in.readNBytes(sink, 0, sink.length)) > 0; ) {
                total += n;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (total != expected) {
            throw new IOException("read " + total + " bytes, expected " + expected);
        }
        return seconds;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
