package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * One PostgreSQL transaction shared by every JDBC adapter of the same data source on this thread, for as long as the
 * work runs: {@link Jdbc} joins the bound connection instead of taking its own. Nested units join the outer one.
 */
public final class JdbcUnitOfWork implements UnitOfWork {

    private static final ThreadLocal<Map<DataSource, Connection>> BOUND =
            ThreadLocal.withInitial(IdentityHashMap::new);

    private final DataSource dataSource;

    public JdbcUnitOfWork(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The connection of the unit of work open on this thread for the data source, or null. */
    static Connection bound(DataSource dataSource) {
        return BOUND.get().get(dataSource);
    }

    @Override
    public <T> T inOne(Supplier<T> work) {
        if (bound(dataSource) != null) {
            return work.get();
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            BOUND.get().put(dataSource, connection);
            try {
                T result = work.get();
                connection.commit();
                return result;
            } catch (RuntimeException | Error e) {
                rollBack(connection, e);
                throw e;
            } catch (SQLException e) {
                rollBack(connection, e);
                throw e;
            } finally {
                BOUND.get().remove(dataSource);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private static void rollBack(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
