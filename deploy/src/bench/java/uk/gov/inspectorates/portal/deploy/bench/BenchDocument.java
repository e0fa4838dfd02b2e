package uk.gov.inspectorates.portal.deploy.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A valid one-page PDF of exactly {@code size} bytes: the page objects, then an (unreferenced) binary stream
 * object holding pseudo-random padding, then a correct xref table. Tika detects it as application/pdf from its
 * first bytes. The padding repeats a 4 MiB random block, so the document can be produced as a stream of any
 * size (e.g. 1 GiB and more) without holding it in memory, and compared on the fly.
 */
public final class BenchDocument {

    private static final int BLOCK = 4 * 1024 * 1024;

    private final long size;
    private final byte[] prefix;
    private final byte[] suffix;
    private final long paddingLength;
    private final byte[] block;

    public BenchDocument(long size, long seed) {
        this.size = size;
        this.block = new byte[BLOCK];
        new Random(seed).nextBytes(block);
        long padding = Math.max(0, size - 1024);
        byte[][] parts = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            parts = layout(padding);
            long total = parts[0].length + padding + parts[1].length;
            if (total == size) {
                break;
            }
            padding += size - total;
            if (padding < 0) {
                throw new IllegalArgumentException("document too small: " + size);
            }
        }
        if (parts[0].length + padding + parts[1].length != size) {
            throw new IllegalStateException("could not lay out a PDF of " + size + " bytes");
        }
        this.prefix = parts[0];
        this.suffix = parts[1];
        this.paddingLength = padding;
    }

    public long size() {
        return size;
    }

    /** {prefix up to and including "stream\n" of the padding object, suffix from "\nendstream"} */
    private static byte[][] layout(long padding) {
        String text = "BT /F1 18 Tf 72 720 Td (Portal benchmark document) Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        write(head, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add((long) head.size());
            write(head, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        offsets.add((long) head.size());
        write(head, (objects.size() + 1) + " 0 obj\n<< /Length " + padding + " >>\nstream\n");
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        write(tail, "\nendstream\nendobj\n");
        long xref = head.size() + padding + tail.size();
        int count = objects.size() + 2;
        StringBuilder table = new StringBuilder("xref\n0 " + count + "\n0000000000 65535 f \n");
        offsets.forEach(offset -> table.append(String.format("%010d 00000 n \n", offset)));
        table.append("trailer\n<< /Size ").append(count).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(tail, table.toString());
        return new byte[][] {head.toByteArray(), tail.toByteArray()};
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The whole document in memory (sizes up to 2 GiB - 1). */
    byte[] toByteArray() throws IOException {
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too large for an array: " + size);
        }
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    /** The document as a stream, generated as it is read. */
    public InputStream open() {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (position >= size) {
                    return -1;
                }
                int n;
                long paddingEnd = prefix.length + paddingLength;
                if (position < prefix.length) {
                    n = (int) Math.min(len, prefix.length - position);
                    System.arraycopy(prefix, (int) position, b, off, n);
                } else if (position < paddingEnd) {
                    long inPadding = position - prefix.length;
                    int inBlock = (int) (inPadding % BLOCK);
                    n = (int) Math.min(Math.min(len, BLOCK - inBlock), paddingEnd - position);
                    System.arraycopy(block, inBlock, b, off, n);
                } else {
                    int inSuffix = (int) (position - paddingEnd);
                    n = Math.min(len, suffix.length - inSuffix);
                    System.arraycopy(suffix, inSuffix, b, off, n);
                }
                position += n;
                return n;
            }
        };
    }

    /**
     * Reads {@code actual} to its end, comparing it with this document as it goes.
     *
     * @return the number of bytes read
     * @throws IOException on the first difference or a wrong length
     */
    long verify(InputStream actual) throws IOException {
        try (InputStream expected = open()) {
            return compare(expected, actual, size);
        }
    }

    /** Reads both streams to the end of {@code actual}, failing on the first difference or a wrong length. */
    static long compare(InputStream expected, InputStream actual, long size) throws IOException {
        byte[] got = new byte[1 << 20];
        byte[] want = new byte[1 << 20];
        long position = 0;
        while (true) {
            int n = actual.readNBytes(got, 0, got.length);
            if (n == 0) {
                break;
            }
            int m = expected.readNBytes(want, 0, n);
            if (m != n || !java.util.Arrays.equals(got, 0, n, want, 0, n)) {
                throw new IOException("downloaded bytes differ from the upload near offset " + position);
            }
            position += n;
        }
        if (expected.read() >= 0) {
            throw new IOException("download ended early at " + position + " of " + size + " bytes");
        }
        return position;
    }
}
