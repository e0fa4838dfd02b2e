package uk.gov.inspectorates.portal.storage.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The clear header written before the first segment: magic "IEP", format version, plaintext bytes per segment
 * and the object's random nonce prefix. It is authenticated as part of every segment's AAD.
 */
final class EnvelopeHeader {

    static final byte[] MAGIC = {'I', 'E', 'P'};
    static final byte VERSION = 0x01;
    static final int NONCE_PREFIX_LENGTH = 7;
    static final int LENGTH = MAGIC.length + 1 + Integer.BYTES + NONCE_PREFIX_LENGTH;

    static final int MIN_SEGMENT_SIZE = 16;
    static final int MAX_SEGMENT_SIZE = 8 * 1024 * 1024;

    private final int segmentSize;
    private final byte[] noncePrefix;

    EnvelopeHeader(int segmentSize, byte[] noncePrefix) {
        checkSegmentSize(segmentSize);
        if (noncePrefix.length != NONCE_PREFIX_LENGTH) {
            throw new IllegalArgumentException("nonce prefix must be " + NONCE_PREFIX_LENGTH + " bytes");
        }
        this.segmentSize = segmentSize;
        this.noncePrefix = noncePrefix.clone();
    }

    static void checkSegmentSize(int segmentSize) {
        if (segmentSize < MIN_SEGMENT_SIZE || segmentSize > MAX_SEGMENT_SIZE) {
            throw new IllegalArgumentException("segment size must be between " + MIN_SEGMENT_SIZE + " and "
                    + MAX_SEGMENT_SIZE + " bytes, was " + segmentSize);
        }
    }

    /** Reads and checks the header's shape; its authenticity is only established by the first segment's tag. */
    static EnvelopeHeader readFrom(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(LENGTH);
        if (bytes.length < LENGTH) {
            throw new TamperedContentException("ciphertext is shorter than the envelope header");
        }
        if (!Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length) || bytes[MAGIC.length] != VERSION) {
            throw new TamperedContentException("not an envelope of a supported version");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, MAGIC.length + 1, LENGTH - MAGIC.length - 1);
        int segmentSize = buffer.getInt();
        if (segmentSize < MIN_SEGMENT_SIZE || segmentSize > MAX_SEGMENT_SIZE) {
            throw new TamperedContentException("envelope header has an invalid segment size");
        }
        byte[] prefix = new byte[NONCE_PREFIX_LENGTH];
        buffer.get(prefix);
        return new EnvelopeHeader(segmentSize, prefix);
    }

    int segmentSize() {
        return segmentSize;
    }

    byte[] noncePrefix() {
        return noncePrefix.clone();
    }

    byte[] toBytes() {
        return ByteBuffer.allocate(LENGTH)
                .put(MAGIC)
                .put(VERSION)
                .putInt(segmentSize)
                .put(noncePrefix)
                .array();
    }
}
