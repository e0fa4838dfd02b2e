package uk.gov.inspectorates.portal.deploy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import uk.gov.inspectorates.portal.core.document.ContentScanner.ScanSession;
import uk.gov.inspectorates.portal.core.document.ScanVerdict;
import uk.gov.inspectorates.portal.security.malware.ClamAvScanner;

import static uk.gov.inspectorates.portal.deploy.bench.Stats.f;
import static uk.gov.inspectorates.portal.deploy.bench.Stats.median;

/**
 * clamd alone, through the portal's own {@link ClamAvScanner}, before the portal is started: the benchmark PDF vs
 * random bytes vs plain text of the same size, fed in small (8 KiB, as a servlet read gives them) and large
 * (1 MiB) pieces. For each: the time to hand clamd every byte, the wait for the verdict after the last byte (clamd
 * scans a stream only once it has all of it), and clamd's own CPU time ({@code /proc/<pid>/stat}), which unlike
 * wall time does not depend on what else runs on the machine.
 */
final class ClamdBench {

    private static final int MIB = 1 << 20;

    record Scan(double sendSeconds, double verdictSeconds, double clamdCpuSeconds) {
        double total() {
            return sendSeconds + verdictSeconds;
        }
    }

    private ClamdBench() {
    }

    static List<String> run(String host, int port, long clamdPid, int mebibytes, int reps) throws IOException {
        ClamAvScanner scanner = new ClamAvScanner(host, port, Duration.ofSeconds(10), Duration.ofSeconds(600));
        byte[] pdf = new BenchDocument((long) mebibytes * MIB, 11).toByteArray();
        byte[] random = new byte[mebibytes * MIB];
        new SecureRandom().nextBytes(random);
        byte[] text = text(mebibytes * MIB);

        List<String> lines = new ArrayList<>();
        lines.add(f("== clamd alone (INSTREAM through ClamAvScanner, %d MiB, median of %d; clamd CPU from /proc) ==",
                mebibytes, reps));
        lines.add(f("%-26s %10s %12s %12s %12s %14s", "content, feed size", "send s", "verdict s", "wall MiB/s",
                "clamd CPU s", "MiB/clamd-CPU-s"));
        for (Object[] c : new Object[][] {{"benchmark PDF", pdf}, {"random bytes", random}, {"plain text", text}}) {
            for (int piece : new int[] {8 * 1024, MIB}) {
                byte[] content = (byte[]) c[1];
                List<Scan> scans = new ArrayList<>();
                for (int rep = 0; rep < reps; rep++) {
                    unique(content);
                    scans.add(scan(scanner, clamdPid, content, piece));
                }
                double send = median(scans.stream().map(Scan::sendSeconds).toList());
                double verdict = median(scans.stream().map(Scan::verdictSeconds).toList());
                double total = median(scans.stream().map(Scan::total).toList());
                double cpu = median(scans.stream().map(Scan::clamdCpuSeconds).toList());
                lines.add(f("%-26s %10.2f %12.2f %12.1f %12.2f %14.1f", c[0] + ", " + (piece >= MIB ? "1 MiB" : "8 KiB"),
                        send, verdict, Stats.rate(content.length, total), cpu, Stats.rate(content.length, cpu)));
            }
        }
        lines.add("");
        return lines;
    }

    private static Scan scan(ClamAvScanner scanner, long clamdPid, byte[] content, int piece) throws IOException {
        long cpu0 = cpuTicks(clamdPid);
        long t0 = System.nanoTime();
        ScanVerdict verdict;
        long t1;
        try (ScanSession session = scanner.start()) {
            for (int offset = 0; offset < content.length; offset += piece) {
                session.feed(content, offset, Math.min(piece, content.length - offset));
            }
            t1 = System.nanoTime();
            verdict = session.verdict();
        }
        long t2 = System.nanoTime();
        long cpu1 = cpuTicks(clamdPid);
        if (!verdict.clean()) {
            throw new IOException("clamd did not call benchmark content clean: " + verdict);
        }
        return new Scan((t1 - t0) / 1e9, (t2 - t1) / 1e9, (cpu1 - cpu0) / 100.0);
    }

    /** utime + stime of the process, in clock ticks (USER_HZ, 100 on Linux). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.US_ASCII);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** clamd caches verdicts by content: every repetition gets new bytes in the middle. */
    private static void unique(byte[] content) {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        // printable, so the plain text stays plain text
        for (int i = 0; i < random.length; i++) {
            random[i] = (byte) ('a' + (random[i] & 0x0f));
        }
        System.arraycopy(random, 0, content, content.length / 2, random.length);
    }

    private static byte[] text(int size) {
        String[] words = ("the inspection found that children in need were seen promptly and care leavers had plans "
                + "agreed with partners across police health and probation services").split(" ");
        Random random = new Random(3);
        byte[] text = new byte[size];
        int position = 0;
        while (position < size) {
            byte[] word = (words[random.nextInt(words.length)] + (random.nextInt(12) == 0 ? ".\n" : " "))
                    .getBytes(StandardCharsets.US_ASCII);
            int n = Math.min(word.length, size - position);
            System.arraycopy(word, 0, text, position, n);
            position += n;
        }
        return text;
    }
}
