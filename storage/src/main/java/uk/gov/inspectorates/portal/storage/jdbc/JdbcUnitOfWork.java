package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * One PostgreSQL transaction shared by every JDBC adapter of the same data source on this thread, for as long as the
 * work runs: {@link Jdbc} joins the bound connection instead of taking its own. Nested units join the outer one.
 *
 * <p>Work that must come last in the transaction (the audit trail's append, which holds the chain's lock until the
 * commit: docs/adr/0032) registers a {@link #beforeCommit} step; the steps run in order on the unit's connection
 * after the work and just before the commit, and a step that throws rolls the whole unit back.
 */
public final class JdbcUnitOfWork implements UnitOfWork {

    /** A step run on the unit's connection just before it commits. */
    @FunctionalInterface
    interface BeforeCommit {
        void run(Connection connection) throws SQLException;
    }

    /** The open unit of one data source on one thread: its connection and what to do just before committing. */
    private record Unit(Connection connection, List<BeforeCommit> beforeCommit) {
    }

    private static final ThreadLocal<Map<DataSource, Unit>> BOUND = ThreadLocal.withInitial(IdentityHashMap::new);

    private final DataSource dataSource;

    public JdbcUnitOfWork(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The connection of the unit of work open on this thread for the data source, or null. */
    static Connection bound(DataSource dataSource) {
        Unit unit = BOUND.get().get(dataSource);
        return unit == null ? null : unit.connection();
    }

    /**
     * Registers a step to run just before the unit of work open on this thread for the data source commits; false
     * (and nothing registered) when no unit is open.
     */
    static boolean beforeCommit(DataSource dataSource, BeforeCommit step) {
        Unit unit = BOUND.get().get(dataSource);
        if (unit == null) {
            return false;
        }
        unit.beforeCommit().add(step);
        return true;
    }

    @Override
    public <T> T inOne(Supplier<T> work) {
        if (bound(dataSource) != null) {
            return work.get();
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            Unit unit = new Unit(connection, new ArrayList<>());
            BOUND.get().put(dataSource, unit);
            try {
                T result = work.get();
                // by index: a step may register another (it then runs too, still before the commit)
                for (int i = 0; i < unit.beforeCommit().size(); i++) {
                    unit.beforeCommit().get(i).run(connection);
                }
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
