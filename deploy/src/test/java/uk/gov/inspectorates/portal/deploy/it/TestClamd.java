package uk.gov.inspectorates.portal.deploy.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import uk.gov.inspectorates.portal.deploy.EmbeddedClamd;

/**
 * The integration tests' clamd: a real clamd on a fixed free port with a signature database built here at start
 * (never committed): EICAR as a body signature ({@code .ndb}) and the MD5 of {@link #hashSignedPdf()} as a hash
 * signature ({@code .hdb}). A test may stop it and start it again on the same port.
 */
final class TestClamd {

    static final String HASH_SIGNATURE = "Portal.Test.HashSigned";

    private final Path executable;
    private final Path directory;
    private int port;
    private final long maxStreamBytes;
    private EmbeddedClamd running;

    private TestClamd(Path executable, Path directory, int port, long maxStreamBytes) {
        this.executable = executable;
        this.directory = directory;
        this.port = port;
        this.maxStreamBytes = maxStreamBytes;
    }

    /** @param port 0: a free port, kept across {@link #stop()} and {@link #startAgain()} */
    static TestClamd start(Path directory, int port, long maxStreamBytes) throws IOException {
        Path executable = EmbeddedClamd.executable().orElseThrow(() -> new IOException(
                "clamd is not installed: the integration tests need a real clamd (scripts/install-deps installs "
                        + "Debian's clamav-daemon)"));
        Path database = directory.resolve("db");
        EmbeddedClamd.writeEicarSignature(database);
        byte[] signed = hashSignedPdf();
        Files.writeString(database.resolve("portal-test.hdb"),
                md5(signed) + ":" + signed.length + ":" + HASH_SIGNATURE + "\n", StandardCharsets.US_ASCII);
        TestClamd clamd = new TestClamd(executable, directory, port, maxStreamBytes);
        try {
            clamd.startAgain();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return clamd;
    }

    /** A valid PDF (Tika says PDF) whose exact bytes the test database knows by hash. */
    static byte[] hashSignedPdf() {
        return TestPdf.withText("a file known to the test signature database by its MD5");
    }

    synchronized void startAgain() {
        if (running != null && running.isAlive()) {
            return;
        }
        try {
            running = EmbeddedClamd.start(executable, directory, directory.resolve("db"), port, maxStreamBytes,
                    directory.resolve("clamd.log"));
            port = running.port();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start clamd", e);
        }
    }

    synchronized void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    int port() {
        return port;
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
