package uk.gov.inspectorates.portal.storage.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Streaming, segmented AES-256-GCM in the style of Tink's streaming AEAD (format: docs/adr/0002).
 *
 * <p>Layout: a 15-byte header ({@code "IEP"}, version 0x01, segment size as a 4-byte big-endian int, a random
 * 7-byte nonce prefix), then segments of {@code segmentSize} plaintext bytes, each followed by its 16-byte tag;
 * only the final segment may be shorter, and an empty plaintext still has one (empty) final segment. The nonce of
 * segment {@code i} is {@code prefix || i (4 bytes big-endian) || 0x01 if final else 0x00}; each segment's AAD is
 * the header followed by the object id in UTF-8.
 *
 * <p>Guarantees, per object and data key: confidentiality, and detection of any change to the header or a
 * segment, truncation, appended bytes, reordered, duplicated or dropped segments, and segments or whole objects
 * moved to another object id. Not guaranteed: that the whole object is authentic before the first plaintext byte
 * is released. Decryption releases each segment once it verifies, so a consumer must treat a failure mid-stream
 * as fatal (abort an HTTP response, discard partial output).
 */
public final class EnvelopeCipher {

    public static final int DEFAULT_SEGMENT_SIZE = 64 * 1024;
    public static final int HEADER_LENGTH = EnvelopeHeader.LENGTH;
    public static final int TAG_LENGTH = SegmentCipher.TAG_LENGTH;
    public static final int KEY_LENGTH = 32;

    private final int segmentSize;
    private final Supplier<byte[]> noncePrefixes;

    /** 64 KiB segments and a fresh random nonce prefix per object. */
    public EnvelopeCipher() {
        this(DEFAULT_SEGMENT_SIZE);
    }

    public EnvelopeCipher(int segmentSize) {
        this(segmentSize, randomNoncePrefixes());
    }

    private EnvelopeCipher(int segmentSize, Supplier<byte[]> noncePrefixes) {
        EnvelopeHeader.checkSegmentSize(segmentSize);
        this.segmentSize = segmentSize;
        this.noncePrefixes = noncePrefixes;
    }

    /**
     * For test vectors only: every object gets the same nonce prefix, which under a reused data key would
     * reuse GCM nonces. Package-private so production code cannot reach it.
     */
    static EnvelopeCipher withFixedNoncePrefix(int segmentSize, byte[] noncePrefix) {
        byte[] prefix = noncePrefix.clone();
        return new EnvelopeCipher(segmentSize, prefix::clone);
    }

    public int segmentSize() {
        return segmentSize;
    }

    /**
     * A ciphertext stream that reads the plaintext lazily, one segment at a time. An exception thrown by the
     * plaintext stream propagates unchanged out of the returned stream's {@code read}. Closing the returned stream
     * closes the plaintext. {@code dataKey} is copied; the caller may zero it once this returns.
     */
    public InputStream encrypt(InputStream plaintext, byte[] dataKey, String objectId) {
        Objects.requireNonNull(plaintext, "plaintext");
        EnvelopeHeader header = new EnvelopeHeader(segmentSize, noncePrefixes.get());
        return new EncryptingInputStream(plaintext, new SegmentCipher(dataKey, header, objectId), header);
    }

    /**
     * The header of a new envelope (fresh random nonce prefix), for content that arrives in parts and is encrypted
     * part by part with {@link #encryptPart}. The header is not secret; keep it with the upload until the last part.
     */
    public byte[] newHeader() {
        return new EnvelopeHeader(segmentSize, noncePrefixes.get()).toBytes();
    }

    /**
     * Encrypts one part of an envelope whose header is {@code header}: {@code length} plaintext bytes starting at
     * segment {@code firstSegment}. A part other than the final one must hold whole segments. The result is exactly
     * the bytes {@link #encrypt} would produce for that range of the whole plaintext (with the header in front of
     * the part that starts at segment 0), so the parts, concatenated in order, decrypt with {@link #decrypt}.
     */
    public byte[] encryptPart(byte[] header, byte[] plaintext, int length, long firstSegment, boolean finalPart,
                              byte[] dataKey, String objectId) throws IOException {
        Objects.checkFromIndexSize(0, length, plaintext.length);
        EnvelopeHeader envelope = EnvelopeHeader.readFrom(new ByteArrayInputStream(header));
        int size = envelope.segmentSize();
        if (!finalPart && (length == 0 || length % size != 0)) {
            throw new IllegalArgumentException("a part before the last must hold whole segments of " + size + " bytes");
        }
        long segments = finalPart ? Math.max(1, ((long) length + size - 1) / size) : length / size;
        int headerBytes = firstSegment == 0 ? HEADER_LENGTH : 0;
        byte[] out = new byte[Math.toIntExact(headerBytes + length + segments * TAG_LENGTH)];
        System.arraycopy(header, 0, out, 0, headerBytes);
        SegmentCipher segmentCipher = new SegmentCipher(dataKey, envelope, objectId);
        byte[] plainSegment = new byte[size];
        byte[] sealed = new byte[size + TAG_LENGTH];
        int written = headerBytes;
        for (long i = 0; i < segments; i++) {
            int from = Math.toIntExact(i * size);
            int n = Math.min(size, length - from);
            System.arraycopy(plaintext, from, plainSegment, 0, n);
            int m = segmentCipher.seal(firstSegment + i, finalPart && i == segments - 1, plainSegment, n, sealed);
            System.arraycopy(sealed, 0, out, written, m);
            written += m;
        }
        Arrays.fill(plainSegment, (byte) 0);
        return out;
    }

    /**
     * The plaintext of an envelope. The header and the first segment are read and authenticated before this
     * returns, so small tampered objects fail here; later segments are authenticated as they are reached. Every
     * authentication failure, including truncation and trailing bytes, is a {@link TamperedContentException}.
     * The segment size is taken from the (authenticated) header, not from this instance.
     */
    public InputStream decrypt(InputStream ciphertext, byte[] dataKey, String objectId) throws IOException {
        Objects.requireNonNull(ciphertext, "ciphertext");
        try {
            EnvelopeHeader header = EnvelopeHeader.readFrom(ciphertext);
            DecryptingInputStream plaintext =
                    new DecryptingInputStream(ciphertext, new SegmentCipher(dataKey, header, objectId), header);
            plaintext.openNextSegment();
            return plaintext;
        } catch (IOException | RuntimeException e) {
            try {
                ciphertext.close();
            } catch (IOException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    /** Byte ranges of a stored envelope: {@code [offset, offset + length)}, or to its end when length is -1. */
    public interface Ranges {
        InputStream read(long offset, long length) throws IOException;
    }

    /**
     * The plaintext from byte {@code from} on, fetching only the header and the segments from the one that holds
     * {@code from} (a resumed download, docs/adr/0037). Every byte returned is authenticated as with
     * {@link #decrypt(InputStream, byte[], String)}: the header through each segment's AAD, the segment's place
     * through its nonce, the object's end through the last-segment flag. The segments skipped are neither read nor
     * checked; {@code from} must not be past the plaintext's end.
     */
    public InputStream decrypt(Ranges ciphertext, long from, byte[] dataKey, String objectId) throws IOException {
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (from < 0) {
            throw new IllegalArgumentException("from must not be negative");
        }
        EnvelopeHeader header;
        try (InputStream in = ciphertext.read(0, HEADER_LENGTH)) {
            header = EnvelopeHeader.readFrom(in);
        }
        long sealed = (long) header.segmentSize() + TAG_LENGTH;
        long firstSegment = from / header.segmentSize();
        InputStream segments = ciphertext.read(HEADER_LENGTH + firstSegment * sealed, -1);
        try {
            DecryptingInputStream plaintext = new DecryptingInputStream(segments,
                    new SegmentCipher(dataKey, header, objectId), header, firstSegment);
            plaintext.openNextSegment();
            plaintext.skipNBytes(from - firstSegment * header.segmentSize());
            return plaintext;
        } catch (IOException | RuntimeException e) {
            try {
                segments.close();
            } catch (IOException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    /**
     * Encrypts and decrypts {@code bytes} of zeros under a throw-away key, through the same streams and read sizes as a
     * download, so that the JIT compiles AES-GCM with its CPU intrinsics before the first real download needs it
     * (docs/adr/0037: profiled in the benchmark, the first downloads after start-up ran the JDK's pure-Java GHASH and
     * counter mode, several times slower). Returns the bytes that came back.
     */
    public static long warmUp(long bytes) throws IOException {
        byte[] key = new byte[KEY_LENGTH];
        new SecureRandom().nextBytes(key);
        EnvelopeCipher cipher = new EnvelopeCipher();
        InputStream zeros = new InputStream() {
            private long left = bytes;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
        long back = 0;
        try (InputStream plain = cipher.decrypt(cipher.encrypt(zeros, key, "warm-up"), key, "warm-up")) {
            byte[] buffer = new byte[4 * DEFAULT_SEGMENT_SIZE];
            for (int n; (n = plain.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                back += n;
            }
        }
        return back;
    }

    /** Ciphertext size for a plaintext size with the default 64 KiB segments. */
    public static long ciphertextLength(long plaintextLength) {
        return ciphertextLength(plaintextLength, DEFAULT_SEGMENT_SIZE);
    }

    public static long ciphertextLength(long plaintextLength, int segmentSize) {
        if (plaintextLength < 0) {
            throw new IllegalArgumentException("plaintext length must not be negative");
        }
        EnvelopeHeader.checkSegmentSize(segmentSize);
        long segments = Math.max(1, (plaintextLength + segmentSize - 1) / segmentSize);
        return HEADER_LENGTH + plaintextLength + segments * TAG_LENGTH;
    }

    private static Supplier<byte[]> randomNoncePrefixes() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] prefix = new byte[EnvelopeHeader.NONCE_PREFIX_LENGTH];
            random.nextBytes(prefix);
            return prefix;
        };
    }
}
