package uk.gov.inspectorates.portal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code clamd} (package {@code clamav-daemon}, installed by {@code scripts/install-deps}) run in the
 * foreground as a child process with our own config: TCP on 127.0.0.1 only, no local socket, our own signature
 * folder, stream and file limits raised to at least the upload cap, explicit limits against archive and document
 * bombs ({@link #MAX_RECURSION}, {@link #MAX_FILES}, {@link #maxScanMib}, {@link #MAX_SCAN_TIME_MILLIS}) with
 * {@code AlertExceedsMax yes}, so a file beyond a limit is reported ({@code Heuristics.Limits.Exceeded.*}), never
 * passed half-scanned, and {@code AlertEncrypted yes}, so a password-protected file, which cannot be scanned, is
 * reported too ({@code Heuristics.Encrypted.*}). freshclam is neither run nor needed: the signature folder
 * holds what the caller writes there, e.g. {@link #writeEicarSignature}. As root no {@code User} is set, so clamd
 * keeps running as the launching user (it does not need to drop privileges to start).
 *
 * <p>clamd writes each INSTREAM upload to a temporary file while scanning it: its {@code TemporaryDirectory} is a
 * private folder on the RAM-backed {@code /dev/shm} (tmpfs) when there is one, so that no plaintext reaches disk.
 */
public final class EmbeddedClamd implements AutoCloseable {

    /** The body of the EICAR anti-virus test file (68 bytes). */
    public static final String EICAR =
            "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    public static final String EICAR_SIGNATURE = "Portal.Test.Eicar";

    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/sbin/clamd"), Path.of("/usr/bin/clamd"),
            Path.of("/usr/local/sbin/clamd"), Path.of("/usr/local/bin/clamd"));
    private static final long MIB = 1024L * 1024;
    /** Nesting levels clamd unpacks (its default is 17): zip in zip, a document in a docx, a stream in a PDF. */
    public static final int MAX_RECURSION = 12;
    /** Files clamd unpacks from one upload, over all levels (its default). */
    public static final int MAX_FILES = 10_000;
    /** clamd's time for one file: below the portal's default wait (60 s), so a slow file is refused, not a 503. */
    public static final int MAX_SCAN_TIME_MILLIS = 45_000;

    private final Process process;
    private final int port;
    private final Path temporaryDirectory;
    private final Path logFile;

    private EmbeddedClamd(Process process, int port, Path temporaryDirectory, Path logFile) {
        this.process = process;
        this.port = port;
        this.temporaryDirectory = temporaryDirectory;
        this.logFile = logFile;
    }

    /** The clamd executable, when installed. */
    public static Optional<Path> executable() {
        return CANDIDATES.stream().filter(Files::isExecutable).findFirst();
    }

    /** Writes {@code portal-eicar.ndb}: EICAR as a body signature anywhere in any file type. */
    public static void writeEicarSignature(Path databaseDirectory) throws IOException {
        Files.createDirectories(databaseDirectory);
        String hex = HexFormat.of().formatHex(EICAR.getBytes(StandardCharsets.US_ASCII));
        Files.writeString(databaseDirectory.resolve("portal-eicar.ndb"), EICAR_SIGNATURE + ":0:*:" + hex + "\n",
                StandardCharsets.US_ASCII);
    }

    /**
     * Starts clamd and waits until it answers PING.
     *
     * @param directory         its config, pid file and (without tmpfs) temporary folder
     * @param databaseDirectory its signatures (at least one signature file must be there)
     * @param port              0 for a free port
     * @param maxStreamBytes    the largest upload it must scan whole (the portal's upload cap)
     */
    public static EmbeddedClamd start(Path executable, Path directory, Path databaseDirectory, int port,
                                      long maxStreamBytes, Path logFile) throws IOException {
        return start(executable, directory, databaseDirectory, port, maxStreamBytes, logFile, MAX_SCAN_TIME_MILLIS);
    }

    /**
     * As above with clamd's {@code MaxScanTime} (wall-clock milliseconds per scan): tests make it tiny to show that
     * a scan out of time is busy, not a verdict on the file (docs/adr/0036).
     */
    public static EmbeddedClamd start(Path executable, Path directory, Path databaseDirectory, int port,
                                      long maxStreamBytes, Path logFile, int maxScanTimeMillis) throws IOException {
        Files.createDirectories(directory);
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Path pidFile = directory.resolve("clamd.pid");
        Path config = directory.resolve("clamd.conf");
        stopStale(pidFile, config);
        int chosenPort = port == 0 ? PortFinder.freePort() : port;
        Path temporary = privateTemporaryDirectory(directory);
        // StreamMaxLength is at most 4 GB in clamd; the file and scan limits follow it
        long limitMib = Math.min(4095, maxStreamBytes / MIB + 2);
        String conf = String.join("\n",
                "# written by EmbeddedClamd on every start",
                "Foreground yes",
                "TCPSocket " + chosenPort,
                "TCPAddr 127.0.0.1",
                "DatabaseDirectory " + databaseDirectory.toAbsolutePath(),
                "TemporaryDirectory " + temporary,
                "LeaveTemporaryFiles no",
                "StreamMaxLength " + limitMib + "M",
                // archive and document bombs: the whole expansion of one upload, its nesting, its parts, its time.
                // MaxFileSize is MaxScanSize, not less: clamd 1.4 silently truncates an unpacked file at MaxFileSize
                // and scans only its start (no alert), while reaching MaxScanSize is reported
                "MaxFileSize " + maxScanMib(limitMib) + "M",
                "MaxScanSize " + maxScanMib(limitMib) + "M",
                "MaxRecursion " + MAX_RECURSION,
                "MaxFiles " + MAX_FILES,
                "MaxEmbeddedPE 10M",
                "MaxScanTime " + maxScanTimeMillis,
                // beyond any limit: Heuristics.Limits.Exceeded.<limit>, refused as too complex, never passed
                "AlertExceedsMax yes",
                // password-protected archives (zip, rar, 7z) and documents (pdf): Heuristics.Encrypted.<type>
                "AlertEncrypted yes",
                "ReadTimeout 300",
                "CommandReadTimeout 30",
                "SelfCheck 0",
                "LogTime yes",
                "LogVerbose no",
                "");
        Files.writeString(config, conf, StandardCharsets.US_ASCII);
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "--config-file=" + config)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()));
        Process process = builder.start();
        Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.US_ASCII);
        EmbeddedClamd clamd = new EmbeddedClamd(process, chosenPort, temporary, logFile);
        try {
            clamd.awaitPong(Duration.ofSeconds(60));
        } catch (IOException e) {
            clamd.close();
            throw e;
        }
        return clamd;
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Whether clamd answers PING with PONG right now. */
    public boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host(), port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return "PONG\0".equals(new String(in.readNBytes(5), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitPong(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (!answers()) {
            if (!process.isAlive()) {
                throw new IOException("clamd exited with code " + process.exitValue() + " during start-up; see "
                        + logFile);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("clamd did not answer PING within " + timeout.toSeconds() + " s; see " + logFile);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for clamd", e);
            }
        }
    }

    /**
     * The most clamd unpacks and scans of one upload, all levels together: four times the stream limit, at least
     * clamd's default 400 MiB, at most its 4 GiB ceiling. An upload that expands beyond it is refused.
     */
    static long maxScanMib(long limitMib) {
        return Math.min(4095, Math.max(400, 4 * limitMib));
    }

    /** A folder only we can read, on tmpfs when {@code /dev/shm} is one (scanned uploads stay in memory). */
    private static Path privateTemporaryDirectory(Path directory) throws IOException {
        Path shm = Path.of("/dev/shm");
        Path parent = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : directory;
        if (parent == directory) {
            System.err.println("WARNING: no /dev/shm: clamd's temporary files (scanned uploads) go to " + directory);
        }
        return Files.createTempDirectory(parent, "portal-clamd-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    /** Stops a clamd that an earlier run (killed hard) left running with the same config file. */
    private static void stopStale(Path pidFile, Path config) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().orElse("").contains(config.toString()))
                    .ifPresent(p -> {
                        System.out.println("Stopping a clamd left running by an earlier run (pid " + pid + ")");
                        p.destroy();
                        try {
                            p.onExit().get(10, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            p.destroyForcibly();
                        }
                    });
        } catch (NumberFormatException ignored) {
            // not our pid file
        }
        Files.deleteIfExists(pidFile);
    }

    /** Stops clamd (SIGTERM, then SIGKILL after 10 s) and removes its temporary folder. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Folders.deleteQuietly(temporaryDirectory);
    }
}
