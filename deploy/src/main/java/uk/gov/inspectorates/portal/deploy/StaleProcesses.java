package uk.gov.inspectorates.portal.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds servers left running by a launcher that was killed hard (SIGKILL, a crashed terminal), so that the
 * next start does not fail on a locked data folder or a taken port.
 */
final class StaleProcesses {

    private StaleProcesses() {
    }

    /** Stops a PostgreSQL still running on {@code dataDirectory} (its {@code postmaster.pid}). */
    static void stopStalePostgres(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("");
        Optional<ProcessHandle> process = alive(firstLine, "postgres");
        if (process.isPresent()) {
            System.out.println("Stopping a PostgreSQL left running by an earlier launcher (pid "
                    + process.get().pid() + ")");
            signal(process.get(), "INT"); // PostgreSQL's fast shutdown
            awaitExit(process.get(), Duration.ofSeconds(30));
        }
    }

    /** Stops a Payara Micro whose pid an earlier launcher wrote to {@code pidFile}. */
    static void stopStalePayara(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> process = alive(Files.readString(pidFile, StandardCharsets.US_ASCII), "payara-micro");
        if (process.isPresent()) {
            System.out.println("Stopping a Payara Micro left running by an earlier launcher (pid "
                    + process.get().pid() + ")");
            process.get().destroy();
            awaitExit(process.get(), Duration.ofSeconds(30));
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<ProcessHandle> alive(String pidText, String commandLineMarker) {
        long pid;
        try {
            pid = Long.parseLong(pidText.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().or(() -> p.info().command()).orElse("").contains(commandLineMarker));
    }

    private static void signal(ProcessHandle process, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }
}
