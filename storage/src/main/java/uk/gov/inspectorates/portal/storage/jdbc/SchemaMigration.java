package uk.gov.inspectorates.portal.storage.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the database schema up to date with the migrations in {@code db/migration}. */
public final class SchemaMigration {

    private SchemaMigration() {
    }

    public static int migrate(DataSource dataSource) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
