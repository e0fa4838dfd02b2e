package uk.gov.inspectorates.portal.deploy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import uk.gov.inspectorates.portal.core.document.ContentScanner.ScanSession;
import uk.gov.inspectorates.portal.core.document.ScanVerdict;
import uk.gov.inspectorates.portal.security.malware.ClamAvScanner;

/**
 * clamd alone: the same bytes the portal is given, scanned through the portal's own {@link ClamAvScanner} (one
 * INSTREAM, fed in 64 KiB pieces) against the same clamd the portal uses, timed from the first byte to the
 * verdict. Also clamd's own CPU time ({@code /proc/<pid>/stat}), which unlike wall time does not depend on what
 * else runs on the machine. The caller gives fresh bytes each time: clamd caches verdicts by content.
 */
final class ClamdBench {

    private static final int PIECE = 64 * 1024;

    record Scan(double seconds, double clamdCpuSeconds) {
    }

    private final ClamAvScanner scanner;
    private final long clamdPid;

    ClamdBench(String host, int port, long clamdPid) {
        this.scanner = new ClamAvScanner(host, port, Duration.ofSeconds(10), Duration.ofSeconds(600));
        this.clamdPid = clamdPid;
    }

    Scan scan(byte[] content) throws IOException {
        long cpu0 = cpuTicks();
        long t0 = System.nanoTime();
        ScanVerdict verdict;
        try (ScanSession session = scanner.start()) {
            for (int offset = 0; offset < content.length; offset += PIECE) {
                session.feed(content, offset, Math.min(PIECE, content.length - offset));
            }
            verdict = session.verdict();
        }
        long t1 = System.nanoTime();
        long cpu1 = cpuTicks();
        if (!verdict.clean()) {
            throw new IOException("clamd did not call the benchmark content clean: " + verdict);
        }
        return new Scan((t1 - t0) / 1e9, cpu0 < 0 || cpu1 < 0 ? -1 : (cpu1 - cpu0) / 100.0);
    }

    /** utime + stime of clamd, in clock ticks (USER_HZ, 100 on Linux); -1 when /proc cannot tell. */
    private long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/" + clamdPid + "/stat"), StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
