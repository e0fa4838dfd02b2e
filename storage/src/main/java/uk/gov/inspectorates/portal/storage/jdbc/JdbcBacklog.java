package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.operations.Backlog;

/** The outbox's and the removals' counts, read when the metrics are scraped (docs/adr/0047). */
public final class JdbcBacklog implements Backlog {

    private final DataSource dataSource;

    public JdbcBacklog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public long unsentNotifications() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "select count(*) from notification_outbox where sent_at is null");
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    @Override
    public Map<String, Long> removalsByStep() {
        Map<String, Long> steps = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "select case when failed then 'FAILED' else step end, count(*) from removal group by 1");
             ResultSet rows = count.executeQuery()) {
            while (rows.next()) {
                steps.put(rows.getString(1), rows.getLong(2));
            }
            return steps;
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
