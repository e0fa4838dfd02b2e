package uk.gov.inspectorates.portal.storage.jdbc;

import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.operations.Backlog;

/** The outbox's and the removals' counts, read when the metrics are scraped (docs/adr/0047). */
public final class JdbcBacklog implements Backlog {

    private final Jdbc jdbc;

    public JdbcBacklog(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Still to be sent: a notice given up on after its last attempt is not waiting for anything (V14). */
    @Override
    public long unsentNotifications() {
        return jdbc.query("select count(*) from notification_outbox where sent_at is null and given_up_at is null",
                row -> row.getLong(1)).get(0);
    }

    @Override
    public Map<String, Long> removalsByStep() {
        Map<String, Long> steps = new TreeMap<>();
        jdbc.query("select case when failed then 'FAILED' else step end, count(*) from removal group by 1",
                row -> steps.put(row.getString(1), row.getLong(2)));
        return steps;
    }
}
