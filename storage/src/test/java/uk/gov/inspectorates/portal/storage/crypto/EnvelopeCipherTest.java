package uk.gov.inspectorates.portal.storage.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeCipherTest {

    private static final int SEG = EnvelopeCipher.DEFAULT_SEGMENT_SIZE;
    private static final int SMALL_SEG = 64;
    private static final String OBJECT_ID = "objects/0123456789abcdef0123456789abcdef";

    private final byte[] key = bytes(32, 1);
    private final EnvelopeCipher cipher = new EnvelopeCipher();
    private final EnvelopeCipher smallSegments = new EnvelopeCipher(SMALL_SEG);

    @ParameterizedTest
    @ValueSource(ints = {0, 1, SEG - 1, SEG, SEG + 1, 3 * SEG, 3 * 1024 * 1024 + 17})
    void roundTripsAtSegmentBoundaries(int size) throws IOException {
        byte[] plaintext = bytes(size, size);
        byte[] ciphertext = encrypt(cipher, plaintext, key, OBJECT_ID);

        assertEquals(EnvelopeCipher.ciphertextLength(size), ciphertext.length);
        assertArrayEquals(plaintext, decrypt(cipher, ciphertext, key, OBJECT_ID));
    }

    @Test
    void roundTripsThroughSingleByteReads() throws IOException {
        byte[] plaintext = bytes(5 * SMALL_SEG + 3, 7);
        InputStream encrypting = smallSegments.encrypt(new ByteArrayInputStream(plaintext), key, OBJECT_ID);
        ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
        for (int b = encrypting.read(); b != -1; b = encrypting.read()) {
            ciphertext.write(b);
        }
        InputStream decrypting = smallSegments.decrypt(new ByteArrayInputStream(ciphertext.toByteArray()), key, OBJECT_ID);
        ByteArrayOutputStream decrypted = new ByteArrayOutputStream();
        for (int b = decrypting.read(); b != -1; b = decrypting.read()) {
            decrypted.write(b);
        }
        assertArrayEquals(plaintext, decrypted.toByteArray());
    }

    @Test
    void ciphertextLengthCountsHeaderAndOneTagPerSegment() {
        assertEquals(15 + 16, EnvelopeCipher.ciphertextLength(0));
        assertEquals(15 + SEG + 16, EnvelopeCipher.ciphertextLength(SEG));
        assertEquals(15 + SEG + 1 + 32, EnvelopeCipher.ciphertextLength(SEG + 1));
        assertEquals(15 + 100 + 2 * 16, EnvelopeCipher.ciphertextLength(100, SMALL_SEG));
    }

    @Test
    void sameInputEncryptsDifferentlyEachTime() throws IOException {
        byte[] plaintext = bytes(100, 3);
        assertFalse(Arrays.equals(encrypt(cipher, plaintext, key, OBJECT_ID), encrypt(cipher, plaintext, key, OBJECT_ID)));
    }

    @Test
    void readsThePlaintextLazily() throws IOException {
        CountingStream plaintext = new CountingStream(new ByteArrayInputStream(bytes(10 * SEG, 4)));
        InputStream encrypting = cipher.encrypt(plaintext, key, OBJECT_ID);

        encrypting.readNBytes(EnvelopeCipher.HEADER_LENGTH + 1);

        assertTrue(plaintext.count <= SEG + 1, "read " + plaintext.count + " plaintext bytes for the first segment");
    }

    @Test
    void plaintextReadFailurePropagatesUnchanged() {
        IOException tooLarge = new IOException("upload exceeds the size cap");
        InputStream failing = new FailingAfter(3 * SEG + 10, tooLarge);
        InputStream encrypting = cipher.encrypt(failing, key, OBJECT_ID);

        IOException thrown = assertThrows(IOException.class, encrypting::readAllBytes);
        assertSame(tooLarge, thrown);
    }

    @Test
    void plaintextRuntimeFailurePropagatesUnchanged() {
        IllegalStateException boom = new IllegalStateException("scanner gone");
        InputStream encrypting = cipher.encrypt(new FailingAfter(10, boom), key, OBJECT_ID);

        assertSame(boom, assertThrows(IllegalStateException.class, encrypting::readAllBytes));
    }

    @Test
    void rejectsKeysThatAreNotAes256() {
        assertThrows(IllegalArgumentException.class,
                () -> cipher.encrypt(new ByteArrayInputStream(new byte[0]), new byte[16], OBJECT_ID));
    }

    // --- tampering

    @Test
    void everySingleBitFlipIsDetected() throws IOException {
        byte[] ciphertext = encrypt(smallSegments, bytes(4 * SMALL_SEG + 10, 5), key, OBJECT_ID);
        for (int i = 0; i < ciphertext.length; i++) {
            for (int bit : new int[] {0x01, 0x80}) {
                byte[] flipped = ciphertext.clone();
                flipped[i] ^= (byte) bit;
                assertTampered(flipped, key, OBJECT_ID, "flip at byte " + i);
            }
        }
    }

    @Test
    void everyTruncationIsDetected() throws IOException {
        byte[] ciphertext = encrypt(smallSegments, bytes(4 * SMALL_SEG + 10, 6), key, OBJECT_ID);
        for (int length = 0; length < ciphertext.length; length++) {
            assertTampered(Arrays.copyOf(ciphertext, length), key, OBJECT_ID, "truncated to " + length);
        }
    }

    @Test
    void truncationOfAnEmptyPlaintextToItsHeaderIsDetected() throws IOException {
        byte[] ciphertext = encrypt(cipher, new byte[0], key, OBJECT_ID);
        assertTampered(Arrays.copyOf(ciphertext, EnvelopeCipher.HEADER_LENGTH), key, OBJECT_ID, "header only");
    }

    @Test
    void truncationAtASegmentBoundaryIsDetected() throws IOException {
        byte[] ciphertext = encrypt(smallSegments, bytes(3 * SMALL_SEG, 6), key, OBJECT_ID);
        int twoSegments = EnvelopeCipher.HEADER_LENGTH + 2 * (SMALL_SEG + 16);
        assertTampered(Arrays.copyOf(ciphertext, twoSegments), key, OBJECT_ID, "cut after two full segments");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10, SMALL_SEG})
    void appendedBytesAreDetected(int plaintextSize) throws IOException {
        byte[] ciphertext = encrypt(smallSegments, bytes(plaintextSize, 8), key, OBJECT_ID);
        for (int extra : new int[] {1, 16, SMALL_SEG + 16}) {
            byte[] extended = Arrays.copyOf(ciphertext, ciphertext.length + extra);
            assertTampered(extended, key, OBJECT_ID, extra + " appended bytes");
        }
    }

    @Test
    void reorderedDuplicatedAndDroppedSegmentsAreDetected() throws IOException {
        byte[] ciphertext = encrypt(smallSegments, bytes(4 * SMALL_SEG + 10, 9), key, OBJECT_ID);
        List<byte[]> segments = segments(ciphertext);
        byte[] header = Arrays.copyOf(ciphertext, EnvelopeCipher.HEADER_LENGTH);

        assertTampered(join(header, segments.get(0), segments.get(2), segments.get(1), segments.get(3), segments.get(4)),
                key, OBJECT_ID, "swapped segments 1 and 2");
        assertTampered(join(header, segments.get(0), segments.get(1), segments.get(1), segments.get(2), segments.get(3),
                segments.get(4)), key, OBJECT_ID, "duplicated segment 1");
        assertTampered(join(header, segments.get(0), segments.get(2), segments.get(3), segments.get(4)),
                key, OBJECT_ID, "dropped segment 1");
        assertTampered(join(header, segments.get(0), segments.get(1), segments.get(2), segments.get(3)),
                key, OBJECT_ID, "dropped final segment");
    }

    @Test
    void segmentsFromAnotherObjectAreDetected() throws IOException {
        byte[] plaintext = bytes(3 * SMALL_SEG, 10);
        byte[] first = encrypt(smallSegments, plaintext, key, OBJECT_ID);
        byte[] second = encrypt(smallSegments, plaintext, key, OBJECT_ID);
        byte[] spliced = first.clone();
        int segmentStart = EnvelopeCipher.HEADER_LENGTH + SMALL_SEG + 16;
        System.arraycopy(second, segmentStart, spliced, segmentStart, SMALL_SEG + 16);

        assertTampered(spliced, key, OBJECT_ID, "segment 1 taken from another encryption");
    }

    @Test
    void wrongObjectIdIsDetected() throws IOException {
        byte[] ciphertext = encrypt(cipher, bytes(1000, 11), key, OBJECT_ID);
        assertTampered(ciphertext, key, "objects/ffffffffffffffffffffffffffffffff", "other object id");
    }

    @Test
    void wrongKeyIsDetected() throws IOException {
        byte[] ciphertext = encrypt(cipher, bytes(1000, 12), key, OBJECT_ID);
        assertTampered(ciphertext, bytes(32, 99), OBJECT_ID, "other key");
    }

    @Test
    void noByteOfAFailingSegmentIsReleased() throws IOException {
        byte[] plaintext = bytes(5 * SMALL_SEG, 13);
        byte[] ciphertext = encrypt(smallSegments, plaintext, key, OBJECT_ID);
        ciphertext[EnvelopeCipher.HEADER_LENGTH + 2 * (SMALL_SEG + 16) + 5] ^= 1;

        InputStream decrypting = smallSegments.decrypt(new ByteArrayInputStream(ciphertext), key, OBJECT_ID);
        ByteArrayOutputStream released = new ByteArrayOutputStream();
        assertThrows(TamperedContentException.class, () -> {
            for (int b = decrypting.read(); b != -1; b = decrypting.read()) {
                released.write(b);
            }
        });
        assertArrayEquals(Arrays.copyOf(plaintext, 2 * SMALL_SEG), released.toByteArray());
        assertThrows(TamperedContentException.class, decrypting::read, "a failed stream stays failed");
    }

    @Test
    void readsOfWholeSegmentsOrMoreDecryptStraightIntoTheCallersBufferAndGiveTheSameBytes() throws IOException {
        for (int size : new int[] {0, 1, SMALL_SEG, 4 * SMALL_SEG, 9 * SMALL_SEG + 5}) {
            byte[] plaintext = bytes(size, size + 1);
            byte[] ciphertext = encrypt(smallSegments, plaintext, key, OBJECT_ID);
            for (int readSize : new int[] {SMALL_SEG, SMALL_SEG + 3, 4 * SMALL_SEG}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (InputStream in = smallSegments.decrypt(new ByteArrayInputStream(ciphertext), key, OBJECT_ID)) {
                    byte[] buffer = new byte[readSize + 7];
                    for (int n; (n = in.read(buffer, 7, readSize)) != -1; ) {
                        assertTrue(n > 0, "a read blocks for at least one byte");
                        out.write(buffer, 7, n);
                    }
                }
                assertArrayEquals(plaintext, out.toByteArray(), size + " bytes read " + readSize + " at a time");
            }
        }
    }

    @Test
    void aFailingSegmentDecryptedIntoTheCallersBufferLeavesNoneOfItsBytesThere() throws IOException {
        byte[] plaintext = bytes(5 * SMALL_SEG, 14);
        byte[] ciphertext = encrypt(smallSegments, plaintext, key, OBJECT_ID);
        ciphertext[EnvelopeCipher.HEADER_LENGTH + 2 * (SMALL_SEG + 16) + 5] ^= 1;

        InputStream decrypting = smallSegments.decrypt(new ByteArrayInputStream(ciphertext), key, OBJECT_ID);
        ByteArrayOutputStream released = new ByteArrayOutputStream();
        byte[] buffer = new byte[SMALL_SEG];
        assertThrows(TamperedContentException.class, () -> {
            for (int n; (n = decrypting.read(buffer, 0, SMALL_SEG)) != -1; ) {
                released.write(buffer, 0, n);
            }
        });
        assertArrayEquals(Arrays.copyOf(plaintext, 2 * SMALL_SEG), released.toByteArray());
        assertArrayEquals(new byte[SMALL_SEG], buffer, "nothing of the failing segment is left in the buffer");
        assertThrows(TamperedContentException.class, () -> decrypting.read(buffer, 0, SMALL_SEG));
    }

    @Test
    void aRangedDecryptionFromAnyByteGivesTheRestOfThePlaintextReadingOnlyWhatItNeeds() throws IOException {
        byte[] plaintext = bytes(7 * SMALL_SEG + 9, 15);
        byte[] ciphertext = encrypt(smallSegments, plaintext, key, OBJECT_ID);
        for (int from : new int[] {0, 1, SMALL_SEG - 1, SMALL_SEG, 3 * SMALL_SEG + 5, 7 * SMALL_SEG, plaintext.length - 1,
                plaintext.length}) {
            List<Long> offsets = new java.util.ArrayList<>();
            EnvelopeCipher.Ranges ranges = (offset, length) -> {
                offsets.add(offset);
                int end = length < 0 ? ciphertext.length : (int) Math.min(ciphertext.length, offset + length);
                return new ByteArrayInputStream(Arrays.copyOfRange(ciphertext, (int) offset, end));
            };
            try (InputStream in = smallSegments.decrypt(ranges, from, key, OBJECT_ID)) {
                assertArrayEquals(Arrays.copyOfRange(plaintext, from, plaintext.length), in.readAllBytes(),
                        "from " + from);
            }
            long segment = Math.min(from / SMALL_SEG, 7);
            assertEquals(List.of(0L, EnvelopeCipher.HEADER_LENGTH + segment * (SMALL_SEG + 16)), offsets,
                    "the header, then the segments from the one holding byte " + from);
        }
    }

    @Test
    void aRangedDecryptionStillDetectsTamperingOfTheHeaderTheSegmentsReadTheirPlaceAndTheEnd() throws IOException {
        byte[] plaintext = bytes(6 * SMALL_SEG, 16);
        byte[] ciphertext = encrypt(smallSegments, plaintext, key, OBJECT_ID);
        int from = 2 * SMALL_SEG + 3;
        int sealed = SMALL_SEG + 16;
        // a bit of the header, of a segment read, its tag, the last segment
        for (int at : new int[] {10, EnvelopeCipher.HEADER_LENGTH + 2 * sealed + 1,
                EnvelopeCipher.HEADER_LENGTH + 3 * sealed - 1, ciphertext.length - 1}) {
            byte[] tampered = ciphertext.clone();
            tampered[at] ^= 1;
            assertThrows(TamperedContentException.class, () -> readFrom(tampered, from), "flip at " + at);
        }
        // truncated at a segment boundary; another segment moved into the place of the one asked for
        assertThrows(TamperedContentException.class,
                () -> readFrom(Arrays.copyOf(ciphertext, EnvelopeCipher.HEADER_LENGTH + 5 * sealed), from));
        byte[] moved = ciphertext.clone();
        System.arraycopy(ciphertext, EnvelopeCipher.HEADER_LENGTH + 4 * sealed, moved,
                EnvelopeCipher.HEADER_LENGTH + 2 * sealed, sealed);
        assertThrows(TamperedContentException.class, () -> readFrom(moved, from));
        // a flip in a segment that is skipped is not read at all
        byte[] skipped = ciphertext.clone();
        skipped[EnvelopeCipher.HEADER_LENGTH + 5] ^= 1;
        assertArrayEquals(Arrays.copyOfRange(plaintext, from, plaintext.length), readFrom(skipped, from));
    }

    private byte[] readFrom(byte[] ciphertext, long from) throws IOException {
        EnvelopeCipher.Ranges ranges = (offset, length) -> new ByteArrayInputStream(Arrays.copyOfRange(ciphertext,
                (int) offset, length < 0 ? ciphertext.length : (int) (offset + length)));
        try (InputStream in = smallSegments.decrypt(ranges, from, key, OBJECT_ID)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theWarmUpRunsItsBytesThroughEncryptionAndDecryption() throws IOException {
        assertEquals(3L * EnvelopeCipher.DEFAULT_SEGMENT_SIZE + 5, EnvelopeCipher.warmUp(
                3L * EnvelopeCipher.DEFAULT_SEGMENT_SIZE + 5));
        assertEquals(0, EnvelopeCipher.warmUp(0));
    }

    // --- fixed test vectors

    static List<TestVectors> vectors() throws IOException {
        return TestVectors.load();
    }

    @Test
    void fixturesCoverEmptyShortAndMultiSegmentCases() throws IOException {
        List<TestVectors> vectors = vectors();
        assertTrue(vectors.size() >= 3);
        assertTrue(vectors.stream().anyMatch(v -> v.plaintext().length == 0));
        assertTrue(vectors.stream().anyMatch(v -> v.plaintext().length > 2 * v.segmentSize()));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void encryptsToTheRecordedCiphertext(TestVectors v) throws IOException {
        EnvelopeCipher fixed = EnvelopeCipher.withFixedNoncePrefix(v.segmentSize(), v.noncePrefix());
        assertArrayEquals(v.ciphertext(), encrypt(fixed, v.plaintext(), v.key(), v.objectId()));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void decryptsTheRecordedCiphertext(TestVectors v) throws IOException {
        assertArrayEquals(v.plaintext(), decrypt(cipher, v.ciphertext(), v.key(), v.objectId()));
    }

    // --- helpers

    private void assertTampered(byte[] ciphertext, byte[] key, String objectId, String what) {
        assertThrows(TamperedContentException.class,
                () -> decrypt(smallSegments, ciphertext, key, objectId), what + " was not detected");
    }

    private static byte[] encrypt(EnvelopeCipher cipher, byte[] plaintext, byte[] key, String objectId)
            throws IOException {
        try (InputStream in = cipher.encrypt(new ByteArrayInputStream(plaintext), key, objectId)) {
            return in.readAllBytes();
        }
    }

    private static byte[] decrypt(EnvelopeCipher cipher, byte[] ciphertext, byte[] key, String objectId)
            throws IOException {
        try (InputStream in = cipher.decrypt(new ByteArrayInputStream(ciphertext), key, objectId)) {
            return in.readAllBytes();
        }
    }

    private static List<byte[]> segments(byte[] ciphertext) {
        List<byte[]> segments = new java.util.ArrayList<>();
        for (int at = EnvelopeCipher.HEADER_LENGTH; at < ciphertext.length; at += SMALL_SEG + 16) {
            segments.add(Arrays.copyOfRange(ciphertext, at, Math.min(ciphertext.length, at + SMALL_SEG + 16)));
        }
        return segments;
    }

    private static byte[] join(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static final class CountingStream extends InputStream {
        private final InputStream in;
        long count;

        CountingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b != -1) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    private static final class FailingAfter extends InputStream {
        private long remaining;
        private final Throwable failure;

        FailingAfter(long bytes, Throwable failure) {
            this.remaining = bytes;
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) {
                if (failure instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) failure;
            }
            int n = (int) Math.min(len, remaining);
            Arrays.fill(b, off, off + n, (byte) 'x');
            remaining -= n;
            return n;
        }
    }
}
