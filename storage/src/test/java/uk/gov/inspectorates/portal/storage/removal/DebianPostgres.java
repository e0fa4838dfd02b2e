package uk.gov.inspectorates.portal.storage.removal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server from the machine's own packages ({@code /usr/lib/postgresql/<major>/bin}, Debian's
 * {@code postgresql-NN}), for the backup test: pg_dump must be at least the server's version, and the embedded
 * server's binaries (17) ship no pg_dump, while the Debian packages ship server and client tools of one version.
 * As root, the server runs as the {@code postgres} user (PostgreSQL refuses root). Shared with the deploy module's
 * backup test through this module's test-jar.
 */
public final class DebianPostgres implements AutoCloseable {

    private final Path bin;
    private final Path folder;
    private final int port;
    private final boolean root = "root".equals(System.getProperty("user.name"));

    private DebianPostgres(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
    }

    /** The newest installed major version with server and dump tools; fails (does not skip) when there is none. */
    public static Path installedBin() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> majors = Files.list(versions)) {
                return majors.map(major -> major.resolve("bin"))
                        .filter(bin -> Stream.of("initdb", "pg_ctl", "postgres", "pg_dump", "pg_restore")
                                .allMatch(tool -> Files.isExecutable(bin.resolve(tool))))
                        .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName()
                                .toString().replaceAll("\\D", "0"))))
                        .orElseThrow(DebianPostgres::notInstalled);
            }
        }
        throw notInstalled();
    }

    private static IllegalStateException notInstalled() {
        return new IllegalStateException("the backup test needs PostgreSQL's server and client tools of one version "
                + "(Debian: apt-get install postgresql; scripts/install-deps installs it)");
    }

    public static DebianPostgres start() throws Exception {
        Path folder = Files.createTempDirectory("portal-backup-pg");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DebianPostgres server = new DebianPostgres(installedBin(), folder, port);
        if (server.root) {
            server.exec(List.of("chown", "-R", "postgres:postgres", folder.toString()), false);
        }
        server.exec(List.of(server.bin.resolve("initdb").toString(), "-D", folder.resolve("data").toString(),
                "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"), true);
        server.exec(List.of(server.bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-w",
                "-l", folder.resolve("server.log").toString(), "-o", "-p " + port + " -k " + folder
                        + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), true);
        return server;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public DataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl(database));
        dataSource.setUser("postgres");
        return dataSource;
    }

    public void execute(String sql) throws SQLException {
        try (Connection connection = dataSource("postgres").getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void exec(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root && asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", full) + " failed: " + output);
        }
    }

    @Override
    public void close() throws Exception {
        exec(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate",
                "stop"), true);
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
