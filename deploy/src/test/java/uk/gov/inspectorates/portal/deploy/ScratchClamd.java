package uk.gov.inspectorates.portal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import uk.gov.inspectorates.portal.security.malware.ClamAvScanner;

/** A real clamd of the tests' own (EICAR signature only) in a scratch folder, with a scanner for it. */
final class ScratchClamd implements AutoCloseable {

    private final Path directory;
    private final EmbeddedClamd clamd;
    private final ClamAvScanner scanner;

    private ScratchClamd(Path directory, EmbeddedClamd clamd) {
        this.directory = directory;
        this.clamd = clamd;
        this.scanner = new ClamAvScanner(clamd.host(), clamd.port(), Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    static ScratchClamd start(String name, long maxStreamBytes) throws IOException {
        return start(name, maxStreamBytes, EmbeddedClamd.MAX_SCAN_TIME_MILLIS);
    }

    static ScratchClamd start(String name, long maxStreamBytes, int maxScanTimeMillis) throws IOException {
        Path executable = EmbeddedClamd.executable().orElseThrow(() -> new IOException(
                "clamd is not installed: this test needs a real clamd (scripts/install-deps installs it)"));
        Path directory = Files.createTempDirectory("portal-clamd-" + name + "-");
        Path database = directory.resolve("db");
        EmbeddedClamd.writeEicarSignature(database);
        return new ScratchClamd(directory, EmbeddedClamd.start(executable, directory, database, 0, maxStreamBytes,
                directory.resolve("clamd.log"), maxScanTimeMillis));
    }

    ClamAvScanner scanner() {
        return scanner;
    }

    @Override
    public void close() throws IOException {
        clamd.close();
        Folders.deleteQuietly(directory);
    }
}
