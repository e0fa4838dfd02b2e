package uk.gov.inspectorates.portal.deploy.bench;

import uk.gov.inspectorates.portal.storage.crypto.EnvelopeCipher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bare throughput of {@link EnvelopeCipher} (JDK AES-256-GCM, 64 KiB segments) in memory, against a plain copy
 * of the same bytes through the same read loop: each case reads an {@link InputStream} in 64 KiB reads into a
 * preallocated array, so the only difference is the cipher.
 */
final class CipherBench {

    record Result(long bytes, double copySeconds, double encryptSeconds, double decryptSeconds, int reps) {
    }

    private CipherBench() {
    }

    static Result run(int mebibytes, int reps) throws IOException {
        byte[] plaintext = new byte[mebibytes << 20];
        SecureRandom random = new SecureRandom();
        random.nextBytes(plaintext);
        byte[] key = new byte[EnvelopeCipher.KEY_LENGTH];
        random.nextBytes(key);
        String objectId = "objects/0123456789abcdef0123456789abcdef";
        EnvelopeCipher cipher = new EnvelopeCipher();
        byte[] ciphertext = new byte[(int) EnvelopeCipher.ciphertextLength(plaintext.length)];
        byte[] sink = new byte[Math.max(ciphertext.length, plaintext.length)];

        List<Double> copy = new ArrayList<>();
        List<Double> encrypt = new ArrayList<>();
        List<Double> decrypt = new ArrayList<>();
        // warm-up (JIT to C2 with the AES-GCM intrinsics): at least 3 rounds and 5 seconds, not measured
        long warmUpEnd = System.nanoTime() + 5_000_000_000L;
        int warmUps = 0;
        for (int rep = -1; rep < reps; rep++) {
            boolean warmUp = rep < 0;
            if (warmUp && (++warmUps < 3 || System.nanoTime() < warmUpEnd)) {
                rep--; // stay in warm-up
            }
            double c = time(new ByteArrayInputStream(plaintext), sink, plaintext.length);
            long t0 = System.nanoTime();
            int n = drain(cipher.encrypt(new ByteArrayInputStream(plaintext), key, objectId), ciphertext);
            double e = (System.nanoTime() - t0) / 1e9;
            if (n != ciphertext.length) {
                throw new IOException("ciphertext length " + n + ", expected " + ciphertext.length);
            }
            t0 = System.nanoTime();
            int m = drain(cipher.decrypt(new ByteArrayInputStream(ciphertext), key, objectId), sink);
            double d = (System.nanoTime() - t0) / 1e9;
            if (m != plaintext.length || !Arrays.equals(sink, 0, m, plaintext, 0, m)) {
                throw new IOException("decryption did not give back the plaintext");
            }
            if (!warmUp) {
                copy.add(c);
                encrypt.add(e);
                decrypt.add(d);
            }
        }
        return new Result(plaintext.length, Stats.median(copy), Stats.median(encrypt), Stats.median(decrypt), reps);
    }

    private static double time(InputStream in, byte[] sink, int expected) throws IOException {
        long t0 = System.nanoTime();
        int n = drain(in, sink);
        double s = (System.nanoTime() - t0) / 1e9;
        if (n != expected) {
            throw new IOException("copied " + n + " bytes, expected " + expected);
        }
        return s;
    }

    /** Reads {@code in} to its end in 64 KiB reads into {@code sink}; returns the count. */
    static int drain(InputStream in, byte[] sink) throws IOException {
        try (in) {
            int total = 0;
            while (true) {
                int n = in.read(sink, total, Math.min(64 * 1024, sink.length - total));
                if (n < 0) {
                    return total;
                }
                total += n;
                if (total == sink.length) {
                    if (in.read() >= 0) {
                        throw new IOException("more bytes than the " + sink.length + "-byte buffer");
                    }
                    return total;
                }
            }
        }
    }
}
