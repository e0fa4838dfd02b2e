package uk.gov.inspectorates.portal.deploy.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The portal JVM's heap in use (from {@code jstat -gc}, one sample a second: survivor + eden + old) and its CPU
 * (from {@code /proc/<pid>/stat}, user + system time between samples, as a share of one core).
 */
final class PortalWatch implements AutoCloseable {

    record Reading(long atMillis, double heapMiB, double cpuCores) {
    }

    private static final double TICKS_PER_SECOND = 100.0;

    private final long pid;
    private final Process jstat;
    private final Thread reader;
    final ConcurrentLinkedQueue<Reading> readings = new ConcurrentLinkedQueue<>();

    PortalWatch(long pid) throws IOException {
        this.pid = pid;
        Path jstatPath = Path.of(System.getProperty("java.home"), "bin", "jstat");
        this.jstat = new ProcessBuilder(jstatPath.toString(), "-gc", Long.toString(pid), "1000")
                .redirectErrorStream(true).start();
        this.reader = new Thread(this::read, "portal-watch");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        long lastTicks = cpuTicks();
        long lastAt = System.currentTimeMillis();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(),
                StandardCharsets.US_ASCII))) {
            String header = lines.readLine();
            if (header == null) {
                return;
            }
            List<String> columns = List.of(header.trim().split("\\s+"));
            for (String line; (line = lines.readLine()) != null; ) {
                String[] values = line.trim().split("\\s+");
                if (values.length != columns.size() || values[0].equals(columns.get(0))) {
                    continue;
                }
                double usedKiB = 0;
                for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                    int at = columns.indexOf(column);
                    if (at >= 0) {
                        usedKiB += Double.parseDouble(values[at]);
                    }
                }
                long now = System.currentTimeMillis();
                long ticks = cpuTicks();
                double cores = (ticks - lastTicks) / TICKS_PER_SECOND / Math.max(0.001, (now - lastAt) / 1000.0);
                lastTicks = ticks;
                lastAt = now;
                readings.add(new Reading(now, usedKiB / 1024, cores));
            }
        } catch (IOException | RuntimeException e) {
            // the portal stopped: no more readings
        }
    }

    /** utime + stime of the process, in clock ticks. */
    private long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    List<Reading> between(long fromMillis, long toMillis) {
        return readings.stream().filter(r -> r.atMillis() >= fromMillis && r.atMillis() < toMillis).toList();
    }

    @Override
    public void close() {
        jstat.destroy();
    }
}
