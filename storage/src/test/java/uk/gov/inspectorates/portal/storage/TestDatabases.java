package uk.gov.inspectorates.portal.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.storage.keys.MigrationScripts;

/**
 * One PostgreSQL server per test JVM (docs/adr/0041), and a database of its own for each test class that asks: a copy
 * of a template database migrated once ({@code create database ... template}, a fraction of a second), or an empty one
 * for the tests of the migrations themselves. Starting a server and migrating it cost ~2 s a class.
 *
 * <p>Each class keeps a database to itself, as it had a server to itself before: no class sees another's rows, and
 * a class empties or copies its own database as it did. Roles are the server's, shared by the classes: a class
 * creating one must use a name of its own. A class's databases are dropped when it ends ({@link DropAfterEachClass});
 * the server stops when the JVM exits.
 */
public final class TestDatabases {

    public static final String SUPERUSER = "postgres";
    private static final String TEMPLATE = "portal_migrated";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static final List<String> CREATED = new ArrayList<>();

    private TestDatabases() {
    }

    /** The JVM's server, started (and the template migrated) on first use. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder()
                        .setServerConfig("unix_socket_directories", "").start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting: the data folder goes with the temp folder's clean-up
                    }
                }, "test-postgres-stop"));
                server = started;
                execute("create database " + TEMPLATE);
                MigrationScripts.apply(server.getDatabase(SUPERUSER, TEMPLATE));
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the tests' PostgreSQL", e);
            } catch (Exception e) {
                throw new IllegalStateException("could not migrate the tests' template database", e);
            }
        }
        return server;
    }

    /** A new database with every migration applied, as the superuser (the owner of its tables). */
    public static DataSource migrated() {
        return dataSource(createMigrated());
    }

    /** Creates a new database with every migration applied and returns its name. */
    public static synchronized String createMigrated() {
        return create(TEMPLATE);
    }

    /** Creates a new empty database and returns its name. */
    public static synchronized String createEmpty() {
        return create("template0");
    }

    /** A database of the JVM's server, as the superuser. */
    public static DataSource dataSource(String database) {
        return server().getDatabase(SUPERUSER, database);
    }

    public static String jdbcUrl(String database) {
        return server().getJdbcUrl(SUPERUSER, database);
    }

    private static String create(String template) {
        server();
        // letters and digits only: tests name buckets after their database
        String name = "test" + NEXT.incrementAndGet();
        execute("create database " + name + " template " + template);
        CREATED.add(name);
        return name;
    }

    /** Drops every database made since the last call, cutting off connections a test left open. */
    static synchronized void dropCreated() {
        if (server == null) {
            return;
        }
        for (String name : CREATED) {
            execute("drop database if exists " + name + " with (force)");
        }
        CREATED.clear();
    }

    private static void execute(String sql) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
