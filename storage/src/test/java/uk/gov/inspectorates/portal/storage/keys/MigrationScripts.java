package uk.gov.inspectorates.portal.storage.keys;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.api.migration.Context;
import uk.gov.inspectorates.portal.storage.jdbc.ApplicationRole;

/**
 * The schema from the migration scripts, run in order through plain JDBC: Flyway and S3Proxy want different Jackson
 * versions on this test classpath. The portal runs the same scripts with Flyway ({@code SchemaMigration}). Java
 * migrations ({@code db/migration/V<n>__*.class}) run in their place in the order, given the connection through a
 * minimal Flyway context; then the append-only tables get their triggers, as Flyway's afterMigrate callback does.
 */
public final class MigrationScripts {

    private MigrationScripts() {
    }

    /** Applies every {@code V<n>__*.sql} (and Java migration) in version order; returns how many. */
    public static int apply(DataSource dataSource) throws Exception {
        return applyUpTo(dataSource, Integer.MAX_VALUE);
    }

    /** Applies the migrations up to and including the version, in order; returns how many. */
    public static int applyUpTo(DataSource dataSource, int lastVersion) throws Exception {
        URI location = MigrationScripts.class.getClassLoader().getResource("db/migration").toURI();
        if ("jar".equals(location.getScheme())) {
            // another module's tests in a reactor build that packaged storage: the scripts are in its jar
            FileSystem open;
            try {
                open = FileSystems.getFileSystem(location);
            } catch (FileSystemNotFoundException notOpenYet) {
                try (FileSystem jar = FileSystems.newFileSystem(location, Map.of())) {
                    return applyUpTo(dataSource, lastVersion, jar.provider().getPath(location));
                }
            }
            // already open in this JVM (another test, Flyway): used, and left open for its owner
            return applyUpTo(dataSource, lastVersion, open.provider().getPath(location));
        }
        return applyUpTo(dataSource, lastVersion, Path.of(location));
    }

    private static int applyUpTo(DataSource dataSource, int lastVersion, Path directory) throws Exception {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(directory)) {
            scripts = files.filter(file -> file.getFileName().toString().matches("V\\d+__[^$]*\\.(sql|class)"))
                    .sorted(Comparator.comparingInt(file -> Integer.parseInt(
                            file.getFileName().toString().substring(1).split("__")[0])))
                    .filter(file -> Integer.parseInt(file.getFileName().toString().substring(1).split("__")[0])
                            <= lastVersion)
                    .toList();
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (Path script : scripts) {
                String name = script.getFileName().toString();
                if (name.endsWith(".class")) {
                    javaMigration(name.substring(0, name.length() - ".class".length()), connection);
                } else {
                    statement.execute(Files.readString(script));
                }
            }
            if (lastVersion == Integer.MAX_VALUE) {
                ApplicationRole.protectAppendOnlyTables(connection);
            }
        }
        return scripts.size();
    }

    private static void javaMigration(String className, Connection connection) throws Exception {
        Object migration = Class.forName("db.migration." + className).getDeclaredConstructor().newInstance();
        migration.getClass().getMethod("migrate", Context.class).invoke(migration, contextOf(connection));
    }

    /** The part of Flyway's context a Java migration uses: its connection. */
    public static Context contextOf(Connection connection) {
        return (Context) Proxy.newProxyInstance(MigrationScripts.class.getClassLoader(),
                new Class<?>[] {Context.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection")) {
                        return connection;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
