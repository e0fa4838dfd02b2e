package uk.gov.inspectorates.portal.deploy;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro running the portal WAR as a child process:
 * {@code java -Xmx512m -jar payara-micro.jar --deploy portal.war --port <port> --nocluster --contextroot /
 * --logproperties logging-json.properties}. The portal's settings are passed as environment variables (MicroProfile
 * Config reads them); its console goes to a log file, not to the terminal, one JSON object per line as in
 * production (docs/configuration.md, "Logs").
 *
 * <p>Where {@code setpriv} is available the child gets a parent-death signal, so it also stops when the
 * launcher is killed hard; its pid is written next to the log so the next start can clean up otherwise.
 */
public final class PayaraMicroProcess implements AutoCloseable {

    static final String LOG_PROPERTIES = "logging-json.properties";

    private final Process process;
    private final Path logFile;
    private final Path pidFile;
    private final int port;
    private final long logStart;

    private PayaraMicroProcess(Process process, Path logFile, Path pidFile, int port, long logStart) {
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.port = port;
        this.logStart = logStart;
    }

    /**
     * @param environment the portal.* settings in environment-variable form (PORTAL_DB_URL, ...), added to
     *                    this process's environment
     */
    public static PayaraMicroProcess start(Path microJar, Path war, int port, Map<String, String> environment,
                                           List<String> jvmOptions, Path logFile, Path pidFile) throws IOException {
        return start(microJar, war, port, environment, jvmOptions, List.of("--nocluster"), logFile, pidFile);
    }

    /**
     * @param clusterOptions {@code --nocluster} (the portal keeps no state in Payara's data grid, docs/adr/0043), or
     *                       the data-grid options a measurement of the alternative needs
     */
    public static PayaraMicroProcess start(Path microJar, Path war, int port, Map<String, String> environment,
                                           List<String> jvmOptions, List<String> clusterOptions, Path logFile,
                                           Path pidFile) throws IOException {
        requireFile(microJar, "Payara Micro jar");
        requireFile(war, "portal WAR");
        Files.createDirectories(logFile.getParent());
        StaleProcesses.stopStalePayara(pidFile);

        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/setpriv").canExecute()) {
            command.addAll(List.of("/usr/bin/setpriv", "--pdeathsig", "TERM", "--"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", microJar.toAbsolutePath().toString(),
                "--deploy", war.toAbsolutePath().toString(),
                "--port", Integer.toString(port)));
        command.addAll(clusterOptions);
        command.addAll(List.of("--contextroot", "/"));
        command.addAll(List.of("--logproperties", jsonLogProperties(logFile.getParent()).toString()));

        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment);
        long logStart = Files.isRegularFile(logFile) ? Files.size(logFile) : 0;
        Files.writeString(logFile, "---- " + Instant.now() + " " + String.join(" ", command) + System.lineSeparator(),
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        Process process = builder.start();
        Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.US_ASCII);
        return new PayaraMicroProcess(process, logFile, pidFile, port, logStart);
    }

    /**
     * Waits until {@code GET /health/ready} answers 200.
     *
     * @throws IOException when the process exits first or the timeout passes
     */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        await("/health/ready", timeout);
    }

    /** Waits until {@code GET /health/live} answers 200 (deployed and answering, though perhaps not ready). */
    public void awaitLive(Duration timeout) throws IOException, InterruptedException {
        await("/health/live", timeout);
    }

    private void await(String path, Duration timeout) throws IOException, InterruptedException {
        URI ready = URI.create("http://127.0.0.1:" + port + path);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1) // no h2c upgrade: Grizzly logs it noisily
                .connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        int lastStatus = -1;
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("Payara Micro exited with code " + process.exitValue() + " during start-up");
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                lastStatus = response.statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("the portal was not ready within " + timeout.toSeconds() + " s (last "
                        + (lastStatus < 0 ? "attempt: no answer" : "status of " + path + ": " + lastStatus) + ")");
            }
            Thread.sleep(250);
        }
    }

    /** Blocks until the process exits; returns its exit code. */
    public int waitForExit() throws InterruptedException {
        return process.waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    /** The last {@code lines} lines this run wrote to the log (for a failed start). */
    public String logTail(int lines) {
        return tail(logFile, lines, logStart);
    }

    /** Asks Payara to stop (SIGTERM), then forces it after {@code grace}. */
    public void stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        // with setpriv in front the JVM is the process itself (setpriv execs); anything else it started goes too
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is checked against the command line before use
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    static String tail(Path file, int lines, long from) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long start = Math.max(Math.min(from, length), length - 64 * 1024);
            raf.seek(start);
            byte[] bytes = new byte[(int) (length - start)];
            raf.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\\R");
            int first = Math.max(start == from ? 0 : 1, all.length - lines);
            return String.join(System.lineSeparator(), java.util.Arrays.copyOfRange(all, first, all.length));
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    /**
     * Payara's logging as in production: one JSON object per line (the same file the Kubernetes Deployment mounts),
     * written next to the log because Payara Micro reads it from a path.
     */
    static Path jsonLogProperties(Path folder) throws IOException {
        Path file = folder.resolve(LOG_PROPERTIES).toAbsolutePath();
        try (var in = PayaraMicroProcess.class.getResourceAsStream(LOG_PROPERTIES)) {
            if (in == null) {
                throw new IOException(LOG_PROPERTIES + " missing from the launcher's classpath");
            }
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private static void requireFile(Path file, String what) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(what + " not found at " + file.toAbsolutePath()
                    + " (build first: mvn -B -q install -DskipTests)");
        }
    }

    /** Environment variables for the portal, keyed by their MicroProfile Config property names. */
    public static Map<String, String> asEnvironment(Map<String, String> properties) {
        Map<String, String> env = new LinkedHashMap<>();
        properties.forEach((k, v) -> env.put(Settings.envName(k), v));
        return env;
    }
}
