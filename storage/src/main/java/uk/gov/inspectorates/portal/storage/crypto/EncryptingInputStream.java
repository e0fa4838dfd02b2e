package uk.gov.inspectorates.portal.storage.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Ciphertext produced lazily from a plaintext stream, one segment at a time. A segment is only sealed once the
 * next plaintext byte has been looked for, so the final segment can carry the last-segment flag. Exceptions
 * thrown while reading the plaintext propagate unchanged.
 */
final class EncryptingInputStream extends InputStream {

    private final InputStream plaintext;
    private final SegmentCipher segmentCipher;
    private final int segmentSize;
    private final byte[] plainSegment;
    private final byte[] output;
    private int outputPosition;
    private int outputLimit;
    private long segmentIndex;
    private int lookahead = -1;
    private boolean lastSealed;

    EncryptingInputStream(InputStream plaintext, SegmentCipher segmentCipher, EnvelopeHeader header) {
        this.plaintext = plaintext;
        this.segmentCipher = segmentCipher;
        this.segmentSize = header.segmentSize();
        this.plainSegment = new byte[segmentSize];
        this.output = new byte[Math.max(EnvelopeHeader.LENGTH, segmentSize + SegmentCipher.TAG_LENGTH)];
        byte[] headerBytes = header.toBytes();
        System.arraycopy(headerBytes, 0, output, 0, headerBytes.length);
        this.outputLimit = headerBytes.length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (outputPosition == outputLimit && !sealNextSegment()) {
            return -1;
        }
        int n = Math.min(len, outputLimit - outputPosition);
        System.arraycopy(output, outputPosition, b, off, n);
        outputPosition += n;
        return n;
    }

    private boolean sealNextSegment() throws IOException {
        if (lastSealed) {
            return false;
        }
        int filled = 0;
        if (lookahead != -1) {
            plainSegment[filled++] = (byte) lookahead;
            lookahead = -1;
        }
        filled += plaintext.readNBytes(plainSegment, filled, segmentSize - filled);
        boolean last = filled < segmentSize || (lookahead = plaintext.read()) == -1;
        outputLimit = segmentCipher.seal(segmentIndex++, last, plainSegment, filled, output);
        outputPosition = 0;
        lastSealed = last;
        return true;
    }

    @Override
    public int available() {
        return outputLimit - outputPosition;
    }

    @Override
    public void close() throws IOException {
        Arrays.fill(plainSegment, (byte) 0);
        plaintext.close();
    }
}
