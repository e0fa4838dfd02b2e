package uk.gov.inspectorates.portal.storage.backup;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database half of a backup: PostgreSQL's own {@code pg_dump --format=custom} and {@code pg_restore} (one
 * consistent snapshot; restored in one transaction), run as processes with the portal's connection settings
 * (docs/operations/backup-and-restore.md). The tools must be at least the server's major version (pg_dump refuses an
 * older one): they are taken from {@code binDirectory}, else {@code /usr/lib/postgresql/<server major>/bin} (Debian's
 * layout) when it exists, else the PATH.
 */
public final class PostgresDump {

    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^/:?]*)(?::(\\d+))?/([^?]+).*");
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    private final String url;
    private final String user;
    private final String password;
    private final Optional<Path> binDirectory;

    public PostgresDump(String jdbcUrl, String user, String password, Optional<Path> binDirectory) {
        if (!JDBC.matcher(jdbcUrl).matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host[:port]/database URL: " + jdbcUrl);
        }
        this.url = jdbcUrl;
        this.user = user;
        this.password = password;
        this.binDirectory = binDirectory;
    }

    /** Dumps the whole database into {@code file} (custom format); throws when pg_dump fails. */
    public void dump(Path file) throws IOException {
        run(List.of(tool("pg_dump"), "--format=custom", "--no-password", "--file=" + file));
        if (Files.size(file) == 0) {
            throw new IOException("pg_dump wrote an empty file");
        }
    }

    /**
     * Restores {@code file} into the database (its objects dropped first where they exist), in one transaction that
     * stops at the first error: a failed restore leaves the database as it was. The roles the dump grants to must
     * exist in the server (create them first on a new server).
     */
    public void restore(Path file) throws IOException {
        run(List.of(tool("pg_restore"), "--clean", "--if-exists", "--exit-on-error", "--single-transaction",
                "--no-password", "--dbname=" + database(), file.toString()));
    }

    /** The server's major version (e.g. 17). */
    public int serverMajor() throws IOException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("show server_version_num")) {
            rows.next();
            return Integer.parseInt(rows.getString(1)) / 10000;
        } catch (SQLException e) {
            throw new IOException("cannot reach the database at " + url + ": " + e.getMessage(), e);
        }
    }

    private String tool(String name) throws IOException {
        int server = serverMajor();
        Path debian = Path.of("/usr/lib/postgresql/" + server + "/bin");
        String command = binDirectory.map(dir -> dir.resolve(name).toString())
                .orElse(Files.isExecutable(debian.resolve(name)) ? debian.resolve(name).toString() : name);
        String version = output(List.of(command, "--version"));
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.find()) {
            throw new IOException(command + " --version answered '" + version.strip() + "'");
        }
        int major = Integer.parseInt(matcher.group(1));
        if (major < server) {
            throw new IOException(command + " is version " + major + ", older than the server (" + server
                    + "): install the PostgreSQL " + server + " client tools and set PORTAL_PG_BIN to their bin folder");
        }
        return command;
    }

    private void run(List<String> command) throws IOException {
        String output = output(command);
        if (!output.isBlank()) {
            System.err.print(output);
        }
    }

    private String output(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        Matcher matcher = JDBC.matcher(url);
        matcher.matches();
        environment.put("PGHOST", matcher.group(1).isEmpty() ? "localhost" : matcher.group(1));
        environment.put("PGPORT", matcher.group(2) == null ? "5432" : matcher.group(2));
        environment.put("PGDATABASE", database());
        environment.put("PGUSER", user);
        environment.putAll(tlsEnvironment(url));
        if (password != null) {
            environment.put("PGPASSWORD", password);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            int status = process.waitFor();
            if (status != 0) {
                throw new IOException(command.get(0) + " failed (exit " + status + "): " + output.strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(command.get(0) + " interrupted", e);
        }
        return output;
    }

    /**
     * The URL's TLS settings as libpq's environment ({@code sslmode=verify-full&sslrootcert=...} becomes
     * {@code PGSSLMODE}, {@code PGSSLROOTCERT}): without them the tools would connect as libpq does by default
     * ({@code prefer}, the server's certificate unchecked) while carrying a dump of every wrapped key. Other URL
     * settings are the JDBC driver's own and mean nothing to the tools.
     */
    static Map<String, String> tlsEnvironment(String jdbcUrl) {
        Map<String, String> environment = new TreeMap<>();
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return environment;
        }
        boolean ssl = false;
        for (String setting : jdbcUrl.substring(query + 1).split("&")) {
            int equals = setting.indexOf('=');
            String name = equals < 0 ? setting : setting.substring(0, equals);
            // decoded as the JDBC driver decodes its URL's settings
            String value = equals < 0 ? "" : URLDecoder.decode(setting.substring(equals + 1), StandardCharsets.UTF_8);
            switch (name) {
                case "ssl" -> ssl = value.isEmpty() || Boolean.parseBoolean(value);
                case "sslmode" -> environment.put("PGSSLMODE", value);
                case "sslrootcert" -> environment.put("PGSSLROOTCERT", value);
                case "sslcert" -> environment.put("PGSSLCERT", value);
                case "sslkey" -> environment.put("PGSSLKEY", value);
                default -> {
                }
            }
        }
        if (ssl) {
            // the driver reads ssl=true without an sslmode as verify-full: the tools must not check less
            environment.putIfAbsent("PGSSLMODE", "verify-full");
        }
        return environment;
    }

    private String database() {
        Matcher matcher = JDBC.matcher(url);
        matcher.matches();
        return URI.create("x:" + matcher.group(3)).getSchemeSpecificPart();
    }
}
