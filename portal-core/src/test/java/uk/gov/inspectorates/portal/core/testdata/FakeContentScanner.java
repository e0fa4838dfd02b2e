package uk.gov.inspectorates.portal.core.testdata;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import uk.gov.inspectorates.portal.core.document.ContentScanner;
import uk.gov.inspectorates.portal.core.document.ScanVerdict;
import uk.gov.inspectorates.portal.core.document.ScanningUnavailable;

/**
 * A scanner that keeps what it was fed and answers as told: clean (the default), infected when the fed bytes
 * contain a marker, unavailable at start, failing after some bytes, or failing at the verdict.
 */
public final class FakeContentScanner implements ContentScanner {

    private byte[] infectedMarker;
    private String signature;
    private ScanVerdict.Finding finding = ScanVerdict.Finding.MALWARE;
    private boolean unavailable;
    private long failAfterBytes = -1;
    private boolean failAtVerdict;

    private int sessions;
    private int closedSessions;
    private ByteArrayOutputStream lastFed;

    /** Files containing the marker are infected with the named signature. */
    public FakeContentScanner infectedWhenContaining(byte[] marker, String signatureName) {
        this.infectedMarker = marker.clone();
        this.signature = signatureName;
        return this;
    }

    /** Files containing the marker get the given finding (e.g. encrypted) with the named signature. */
    public FakeContentScanner findingWhenContaining(byte[] marker, ScanVerdict.Finding kind, String signatureName) {
        infectedWhenContaining(marker, signatureName);
        this.finding = kind;
        return this;
    }

    public FakeContentScanner unavailable() {
        this.unavailable = true;
        return this;
    }

    /** The scanner answers again after {@link #unavailable()}. */
    public FakeContentScanner available() {
        this.unavailable = false;
        return this;
    }

    public FakeContentScanner failingAfter(long bytes) {
        this.failAfterBytes = bytes;
        return this;
    }

    public FakeContentScanner failingAtVerdict() {
        this.failAtVerdict = true;
        return this;
    }

    @Override
    public ScanSession start() {
        if (unavailable) {
            throw new ScanningUnavailable("connection refused");
        }
        sessions++;
        ByteArrayOutputStream fed = new ByteArrayOutputStream();
        lastFed = fed;
        return new ScanSession() {
            private boolean closed;

            @Override
            public void feed(byte[] bytes, int offset, int length) {
                if (closed) {
                    throw new IllegalStateException("fed after close");
                }
                if (failAfterBytes >= 0 && fed.size() + length > failAfterBytes) {
                    throw new ScanningUnavailable("connection reset mid-stream");
                }
                fed.write(bytes, offset, length);
            }

            @Override
            public ScanVerdict verdict() {
                if (failAtVerdict) {
                    throw new ScanningUnavailable("read timed out");
                }
                return infectedMarker != null && contains(fed.toByteArray(), infectedMarker)
                        ? ScanVerdict.found(finding, signature) : ScanVerdict.CLEAN;
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    closedSessions++;
                }
            }
        };
    }

    @Override
    public void checkAvailable() {
        if (unavailable) {
            throw new ScanningUnavailable("connection refused");
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    public int sessions() {
        return sessions;
    }

    public int closedSessions() {
        return closedSessions;
    }

    /** Every byte the last session was fed, in order. */
    public byte[] lastFed() {
        return lastFed == null ? null : lastFed.toByteArray();
    }
}
