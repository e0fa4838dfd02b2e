package uk.gov.inspectorates.portal.storage.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Content encrypted part by part (resumable uploads) is the same envelope as content encrypted in one stream. */
class EnvelopePartsTest {

    private static final int SEG = 64;
    private static final int PART = 4 * SEG;
    private static final String OBJECT_ID = "objects/00000000000000000000000000000001";
    private final byte[] key = EnvelopeCipherTest.bytes(32, 3);
    private final EnvelopeCipher fixed = EnvelopeCipher.withFixedNoncePrefix(SEG, new byte[] {1, 2, 3, 4, 5, 6, 7});

    @ParameterizedTest
    @ValueSource(ints = {1, SEG, PART - 1, PART, PART + 1, 3 * PART, 3 * PART + SEG + 5})
    void partsConcatenateToTheWholeEnvelope(int size) throws IOException {
        byte[] plaintext = EnvelopeCipherTest.bytes(size, size);
        byte[] whole = fixed.encrypt(new ByteArrayInputStream(plaintext), key, OBJECT_ID).readAllBytes();

        byte[] parted = concat(encryptInParts(fixed, fixed.newHeader(), plaintext));

        assertArrayEquals(whole, parted);
        assertArrayEquals(plaintext, fixed.decrypt(new ByteArrayInputStream(parted), key, OBJECT_ID).readAllBytes());
    }

    @Test
    void partsInTheWrongOrderDoNotDecrypt() throws IOException {
        byte[] plaintext = EnvelopeCipherTest.bytes(3 * PART, 9);
        EnvelopeCipher cipher = new EnvelopeCipher(SEG);
        List<byte[]> parts = encryptInParts(cipher, cipher.newHeader(), plaintext);
        // swap the 2nd and 3rd parts: same sizes, so only the segment indices bound into the nonces can tell
        List<byte[]> swapped = new ArrayList<>(List.of(parts.get(0), parts.get(2), parts.get(1)));

        assertThrows(TamperedContentException.class, () -> readAll(cipher, concat(swapped)));
    }

    @Test
    void aPartWithoutItsFinalFlagDoesNotEndTheEnvelope() throws IOException {
        EnvelopeCipher cipher = new EnvelopeCipher(SEG);
        byte[] header = cipher.newHeader();
        byte[] plaintext = EnvelopeCipherTest.bytes(PART, 4);
        byte[] notFinal = cipher.encryptPart(header, plaintext, PART, 0, false, key, OBJECT_ID);

        assertThrows(TamperedContentException.class, () -> readAll(cipher, notFinal));
    }

    @Test
    void aPartBeforeTheLastMustHoldWholeSegments() {
        EnvelopeCipher cipher = new EnvelopeCipher(SEG);
        byte[] plaintext = new byte[SEG + 1];
        assertThrows(IllegalArgumentException.class,
                () -> cipher.encryptPart(cipher.newHeader(), plaintext, SEG + 1, 0, false, key, OBJECT_ID));
    }

    private List<byte[]> encryptInParts(EnvelopeCipher cipher, byte[] header, byte[] plaintext) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        for (int from = 0; from < plaintext.length; from += PART) {
            int n = Math.min(PART, plaintext.length - from);
            byte[] part = Arrays.copyOfRange(plaintext, from, from + n);
            parts.add(cipher.encryptPart(header, part, n, from / SEG, from + n == plaintext.length, key, OBJECT_ID));
        }
        return parts;
    }

    private byte[] readAll(EnvelopeCipher cipher, byte[] ciphertext) throws IOException {
        try (InputStream in = cipher.decrypt(new ByteArrayInputStream(ciphertext), key, OBJECT_ID)) {
            return in.readAllBytes();
        }
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
