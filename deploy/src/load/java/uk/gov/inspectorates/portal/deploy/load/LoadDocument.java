package uk.gov.inspectorates.portal.deploy.load;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import uk.gov.inspectorates.portal.deploy.bench.BenchDocument;

/**
 * A legitimate one-page PDF of exactly the size asked for (the benchmark's {@link BenchDocument}: the page, a binary
 * stream of pseudo-random padding, nothing active, a correct xref table), written to a file so that Gatling can send it
 * and parts of it. Its SHA-256 is kept so that every download can be compared with it.
 */
record LoadDocument(Path path, long size, String sha256) {

    static LoadDocument write(Path path, long size, long seed) throws IOException {
        MessageDigest sha = newSha256();
        try (InputStream in = new BenchDocument(size, seed).open();
             OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16),
                     sha)) {
            in.transferTo(out);
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
        MessageDigest sha = newSha256();
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
