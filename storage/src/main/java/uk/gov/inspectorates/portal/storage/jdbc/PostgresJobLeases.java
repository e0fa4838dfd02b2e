package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.shared.ClusterJobLock;

/**
 * One run of a job at a time across the cluster (V27): the run holds a session-level advisory lock keyed by the
 * job's name on a connection of its own for as long as it works (an instance that dies drops its connection and so
 * its lock), and writes when it started to {@code scheduled_job_run}; an instance whose timer fires while the job
 * runs elsewhere, or within the minimum gap after another started it, skips its turn.
 */
public final class PostgresJobLeases implements ClusterJobLock {

    private static final String LOCK_PREFIX = "portal.scheduled-job:";

    private final DataSource dataSource;
    private final Clock clock;
    private final String instance;

    public PostgresJobLeases(DataSource dataSource, Clock clock, String instance) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.clock = Objects.requireNonNull(clock);
        this.instance = Objects.requireNonNull(instance);
    }

    @Override
    public boolean runIfDue(String job, Duration minimumGap, Work work) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!lock(connection, "select pg_try_advisory_lock(hashtextextended(?, 0))", job)) {
                return false;
            }
            try {
                Instant now = clock.instant();
                Instant last = lastStart(connection, job);
                if (last != null && now.isBefore(last.plus(minimumGap))) {
                    return false;
                }
                Jdbc.update(connection, "insert into scheduled_job_run (job, last_started_at, last_instance) "
                        + "values (?, ?, ?) on conflict (job) do update set last_started_at = excluded.last_started_at,"
                        + " last_instance = excluded.last_instance", job, Jdbc.timestamp(now), instance);
                work.run();
                return true;
            } finally {
                lock(connection, "select pg_advisory_unlock(hashtextextended(?, 0))", job);
            }
        }
    }

    private static boolean lock(Connection connection, String sql, String job) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, LOCK_PREFIX + job);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static Instant lastStart(Connection connection, String job) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select last_started_at from scheduled_job_run where job = ?")) {
            statement.setString(1, job);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Jdbc.instant(row, "last_started_at") : null;
            }
        }
    }
}
