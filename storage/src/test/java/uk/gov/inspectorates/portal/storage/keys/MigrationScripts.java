package uk.gov.inspectorates.portal.storage.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The schema from the migration scripts, run in order through plain JDBC: Flyway and S3Proxy want different Jackson
 * versions on this test classpath. The portal runs the same scripts with Flyway ({@code SchemaMigration}).
 */
public final class MigrationScripts {

    private MigrationScripts() {
    }

    /** Applies every {@code V<n>__*.sql} in version order; returns how many. */
    public static int apply(DataSource dataSource) throws Exception {
        Path directory = Path.of(MigrationScripts.class.getClassLoader().getResource("db/migration").toURI());
        List<Path> scripts;
        try (Stream<Path> files = Files.list(directory)) {
            scripts = files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(file -> Integer.parseInt(
                            file.getFileName().toString().substring(1).split("__")[0])))
                    .toList();
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (Path script : scripts) {
                statement.execute(Files.readString(script));
            }
        }
        return scripts.size();
    }
}
