package uk.gov.inspectorates.portal.deploy.load;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * A legitimate one-page PDF of exactly the size asked for, written to a file: the page, then a binary stream of
 * pseudo-random padding (nothing active, nothing a scanner should refuse), then a correct xref table. Its SHA-256 is
 * kept so that every download can be compared with it.
 */
record LoadDocument(Path path, long size, String sha256) {

    private static final int BLOCK = 1024 * 1024;

    static LoadDocument write(Path path, long size, long seed) throws IOException {
        byte[] block = new byte[BLOCK];
        new Random(seed).nextBytes(block);
        long padding = Math.max(0, size - 1024);
        byte[][] parts = layout(padding, seed);
        padding += size - (parts[0].length + padding + parts[1].length);
        parts = layout(padding, seed);
        if (parts[0].length + padding + parts[1].length != size) {
            throw new IllegalStateException("could not lay out a PDF of " + size + " bytes");
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
            write(out, sha, parts[0], parts[0].length);
            for (long left = padding; left > 0; left -= BLOCK) {
                write(out, sha, block, (int) Math.min(BLOCK, left));
            }
            write(out, sha, parts[1], parts[1].length);
        }
        return new LoadDocument(path, size, HexFormat.of().formatHex(sha.digest()));
    }

    byte[] bytes(long from, int length) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(path)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(length);
            while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) >= 0) {
                // read on
            }
            return buffer.array();
        }
    }

    static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(OutputStream out, MessageDigest sha, byte[] bytes, int length) throws IOException {
        out.write(bytes, 0, length);
        sha.update(bytes, 0, length);
    }

    /** {head up to and including "stream\n" of the padding object, tail from "\nendstream"} */
    private static byte[][] layout(long padding, long seed) {
        String text = "BT /F1 18 Tf 72 720 Td (Day-2 rush evidence " + seed + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        text(head, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add((long) head.size());
            text(head, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        offsets.add((long) head.size());
        text(head, (objects.size() + 1) + " 0 obj\n<< /Length " + padding + " >>\nstream\n");
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        text(tail, "\nendstream\nendobj\n");
        long xref = head.size() + padding + tail.size();
        int count = objects.size() + 2;
        StringBuilder table = new StringBuilder("xref\n0 " + count + "\n0000000000 65535 f \n");
        offsets.forEach(offset -> table.append(String.format("%010d 00000 n \n", offset)));
        table.append("trailer\n<< /Size ").append(count).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        text(tail, table.toString());
        return new byte[][] {head.toByteArray(), tail.toByteArray()};
    }

    private static void text(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
