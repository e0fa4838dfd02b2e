package uk.gov.inspectorates.portal.storage.jdbc;

import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database schema up to date with the migrations in {@code db/migration} (SQL scripts and Java
 * migrations in the package {@code db.migration}), then sets what the application's role may do
 * ({@link ApplicationRole}).
 */
public final class SchemaMigration {

    private SchemaMigration() {
    }

    /** Migrates as the role the portal itself connects with (development: one role owns and uses the schema). */
    public static int migrate(DataSource dataSource) {
        return migrate(dataSource, Optional.empty());
    }

    /**
     * Migrates as the schema's owner, then grants the application's role what it may do (docs/adr/0032).
     *
     * @param owner a data source connecting as the owner role
     * @param applicationRole the role the portal connects with, when it is not the owner
     */
    public static int migrate(DataSource owner, Optional<String> applicationRole) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(owner)
                .locations("classpath:db/migration")
                .callbacks(new ApplicationRole(applicationRole))
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
