package uk.gov.inspectorates.portal.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (Zonky's embedded binaries, version pinned by the binaries BOM) listening on
 * 127.0.0.1 only, with one database and two login roles (docs/adr/0032): the owner, which owns the database and runs
 * the migrations, and the portal's own role, which the portal connects with and which may only insert and read audit
 * events (the migrations grant it what it may do).
 *
 * <p>With {@code keepData} the cluster in {@code dataDirectory} survives restarts (the local launcher);
 * without it the folder is wiped and initialised afresh (tests). A data folder made by one PostgreSQL major
 * version does not open with another. As root, Zonky runs initdb and postgres through {@code unshare -U}.
 *
 * <p>The server trusts connections from the loopback interface (Zonky's initdb uses {@code -A trust}), so the
 * roles' passwords are not secrets; they are set so that the portal is configured as in production.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "portal";
    /** The owner: the database's (and, through the migrations, every table's) owner; as before issue 18. */
    public static final String OWNER = "portal";
    public static final String OWNER_PASSWORD = "portal-local";
    /** The portal's own role. */
    public static final String USER = "portal_app";
    public static final String PASSWORD = "portal-app-local";

    private final Path dataDirectory;
    private final int port;
    private final boolean keepData;
    private final Optional<Path> logFile;
    private volatile EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDirectory, int port, boolean keepData, Optional<Path> logFile) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.keepData = keepData;
        this.logFile = logFile;
    }

    /**
     * @param port 0 for a free port
     * @param logFile where the server's console goes; empty: Zonky's default (logged through SLF4J)
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean keepData, Optional<Path> logFile)
            throws IOException {
        Files.createDirectories(dataDirectory.getParent());
        // a server left running by a JVM that was killed hard would hold the folder (and, for tests, be wiped under it)
        StaleProcesses.stopStalePostgres(dataDirectory);
        if (!keepData) {
            deleteRecursively(dataDirectory);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDirectory,
                port == 0 ? PortFinder.freePort() : port, keepData, logFile);
        server.launch();
        try {
            server.createRoleAndDatabase();
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw new IOException("PostgreSQL started but the portal role/database could not be created", e);
        }
        return server;
    }

    /**
     * Zonky never wipes the folder here (it would on close too): {@link #stop()} and {@link #startAgain()} must keep
     * the cluster; {@link #start} and {@link #close} wipe it themselves when the data is not kept.
     */
    private void launch() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "")
                .setPort(port);
        if (logFile.isPresent()) {
            Files.createDirectories(logFile.get().getParent());
            builder.setOutputRedirector(Redirect.appendTo(logFile.get().toFile()))
                   .setErrorRedirector(Redirect.appendTo(logFile.get().toFile()));
        }
        postgres = builder.start();
    }

    /** Stops the server (fast shutdown: connections are cut, data is flushed), keeping its data: a database outage. */
    public void stop() throws IOException {
        postgres.close();
    }

    /** Starts the stopped server again on the same folder and port, with everything it held. */
    public void startAgain() throws IOException {
        launch();
    }

    private void createRoleAndDatabase() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String[] role : new String[][] {{OWNER, OWNER_PASSWORD}, {USER, PASSWORD}}) {
                if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", role[0])) {
                    s.execute("CREATE ROLE " + role[0] + " LOGIN PASSWORD '" + role[1] + "'");
                }
            }
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER + " ENCODING 'UTF8'");
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** The portal's own role (what the application connects as). */
    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** The role that owns the schema and runs the migrations. */
    public String ownerUser() {
        return OWNER;
    }

    public String ownerPassword() {
        return OWNER_PASSWORD;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** A superuser connection to the portal database (tests: cleaning tables, reading rows). */
    public Connection superuserConnection() throws SQLException {
        return postgres.getDatabase("postgres", DATABASE).getConnection();
    }

    /** Stops the server (a fast shutdown: connections are closed, data is flushed); wipes the data unless kept. */
    @Override
    public void close() throws IOException {
        postgres.close();
        if (!keepData) {
            deleteRecursively(dataDirectory);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
