package uk.gov.inspectorates.portal.storage.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Plaintext released one authenticated segment at a time. A full-size segment is only opened once the next
 * ciphertext byte has been looked for, so the stream's end decides which segment must carry the last-segment
 * flag: truncation at a segment boundary and appended bytes both fail authentication. Once failed, every
 * further read fails too.
 */
final class DecryptingInputStream extends InputStream {

    private final InputStream ciphertext;
    private final SegmentCipher segmentCipher;
    private final int segmentSize;
    private final int sealedSegmentSize;
    private final byte[] sealedSegment;
    private final byte[] plainSegment;
    private int plainPosition;
    private int plainLimit;
    private long segmentIndex;
    private int lookahead = -1;
    private boolean lastOpened;
    private TamperedContentException failure;

    DecryptingInputStream(InputStream ciphertext, SegmentCipher segmentCipher, EnvelopeHeader header) {
        this(ciphertext, segmentCipher, header, 0);
    }

    /** Ciphertext that starts with segment {@code firstSegment} and runs to the object's end (a ranged read). */
    DecryptingInputStream(InputStream ciphertext, SegmentCipher segmentCipher, EnvelopeHeader header,
                          long firstSegment) {
        this.segmentIndex = firstSegment;
        this.ciphertext = ciphertext;
        this.segmentCipher = segmentCipher;
        this.segmentSize = header.segmentSize();
        this.sealedSegmentSize = segmentSize + SegmentCipher.TAG_LENGTH;
        this.sealedSegment = new byte[sealedSegmentSize];
        this.plainSegment = new byte[sealedSegmentSize];
    }

    private final byte[] one = new byte[1];

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    /**
     * With nothing left of the last segment and room for a whole one in {@code b}, the next segment is decrypted
     * straight into {@code b} (docs/adr/0037): no copy through this stream's own buffer.
     */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (plainPosition == plainLimit) {
            if (len >= segmentSize) {
                int n = openNext(b, off);
                if (n != 0) {
                    return n;
                }
            } else if (!openNextSegment()) {
                return -1;
            }
        }
        int n = Math.min(len, plainLimit - plainPosition);
        System.arraycopy(plainSegment, plainPosition, b, off, n);
        plainPosition += n;
        return n;
    }

    /** Opens the next segment; false at the end of a complete object. Package-private so decryption can fail early. */
    boolean openNextSegment() throws IOException {
        int n = openNext(plainSegment, 0);
        if (n == -1) {
            return false;
        }
        plainLimit = n;
        plainPosition = 0;
        return true;
    }

    /** Decrypts the next segment into {@code out} at {@code offset}: its plaintext length, or -1 at the end. */
    private int openNext(byte[] out, int offset) throws IOException {
        if (failure != null) {
            throw new TamperedContentException(failure.getMessage(), failure);
        }
        if (lastOpened) {
            return -1;
        }
        try {
            int filled = 0;
            if (lookahead != -1) {
                sealedSegment[filled++] = (byte) lookahead;
                lookahead = -1;
            }
            filled += ciphertext.readNBytes(sealedSegment, filled, sealedSegmentSize - filled);
            boolean last = filled < sealedSegmentSize || (lookahead = ciphertext.read()) == -1;
            int n = segmentCipher.open(segmentIndex++, last, sealedSegment, filled, out, offset);
            lastOpened = last;
            return n;
        } catch (TamperedContentException e) {
            failure = e;
            Arrays.fill(out, offset, Math.min(out.length, offset + segmentSize), (byte) 0);
            Arrays.fill(plainSegment, (byte) 0);
            plainLimit = 0;
            plainPosition = 0;
            throw e;
        }
    }

    @Override
    public int available() {
        return plainLimit - plainPosition;
    }

    @Override
    public void close() throws IOException {
        Arrays.fill(plainSegment, (byte) 0);
        ciphertext.close();
    }
}
