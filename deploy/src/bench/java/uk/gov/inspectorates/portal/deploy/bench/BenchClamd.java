package uk.gov.inspectorates.portal.deploy.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import uk.gov.inspectorates.portal.deploy.EmbeddedClamd;

/**
 * Starts clamd for the benchmarked portal the way the launcher does (a private config, the project's own test
 * signature, a free port). The portal never accepts an unscanned upload: without clamd it refuses every upload
 * (503 "scanning unavailable") and the benchmark fails, saying so; it never turns scanning off.
 */
final class BenchClamd implements AutoCloseable {

    private final EmbeddedClamd clamd;
    private final String description;

    private BenchClamd(EmbeddedClamd clamd, String description) {
        this.clamd = clamd;
        this.description = description;
    }

    /** Adds {@code portal.clamd.host}/{@code port} to {@code config} when clamd was started. */
    static BenchClamd startIfAvailable(Path directory, long maxStreamBytes, Map<String, String> config) throws Exception {
        Optional<Path> executable = EmbeddedClamd.executable();
        if (executable.isEmpty()) {
            return new BenchClamd(null, "clamd is not installed (scripts/install-deps installs it): uploads will be refused");
        }
        Path db = directory.resolve("db");
        EmbeddedClamd.writeEicarSignature(db);
        EmbeddedClamd clamd = EmbeddedClamd.start(executable.get(), directory, db, 0, maxStreamBytes,
                directory.resolve("clamd.log"));
        config.put("portal.clamd.host", clamd.host());
        config.put("portal.clamd.port", Integer.toString(clamd.port()));
        return new BenchClamd(clamd, "ON: clamd " + clamd.host() + ":" + clamd.port()
                + " scans every portal upload (in the timed path)");
    }

    /** clamd alone, for timing the same bytes the portal scans; fails when clamd is not installed. */
    ClamdBench alone() throws java.io.IOException {
        if (clamd == null) {
            throw new java.io.IOException(description);
        }
        return new ClamdBench(clamd.host(), clamd.port(), clamd.pid());
    }

    String description() {
        return description;
    }

    @Override
    public void close() throws Exception {
        if (clamd != null) {
            clamd.close();
        }
    }
}
