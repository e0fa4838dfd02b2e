package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.retention.AgedRecords;
import uk.gov.inspectorates.portal.core.retention.RetentionCategory;

/**
 * Outbox messages once sent or given up, counted from then (NOTIFICATION_OUTBOX); a message still waiting is not a
 * candidate. The audit trail keeps each send and give-up.
 */
public final class JdbcNotificationOutboxAges implements AgedRecords {

    private static final String SETTLED = "select seq, kind, sent_at, coalesce(sent_at, given_up_at) as settled_at "
            + "from notification_outbox where (sent_at is not null or given_up_at is not null)";
    private final Jdbc jdbc;

    public JdbcNotificationOutboxAges(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public RetentionCategory category() {
        return RetentionCategory.NOTIFICATION_OUTBOX;
    }

    @Override
    public String kind() {
        return "NOTICE";
    }

    @Override
    public List<Aged> all() {
        return jdbc.query(SETTLED + " order by settled_at, seq", JdbcNotificationOutboxAges::aged);
    }

    @Override
    public Optional<Aged> find(String id) {
        Long seq = seq(id);
        return seq == null ? Optional.empty()
                : jdbc.query(SETTLED + " and seq = ?", JdbcNotificationOutboxAges::aged, seq).stream().findFirst();
    }

    @Override
    public boolean remove(String id, Instant since) {
        Long seq = seq(id);
        return seq != null && jdbc.update("delete from notification_outbox where seq = ? "
                + "and (sent_at is not null or given_up_at is not null)", seq) == 1;
    }

    private static Long seq(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException notOurs) {
            return null;
        }
    }

    private static Aged aged(ResultSet row) throws SQLException {
        boolean sent = row.getTimestamp("sent_at") != null;
        return new Aged(String.valueOf(row.getLong("seq")), (sent ? "a sent " : "an undelivered ")
                + row.getString("kind") + " e-mail notice", Jdbc.instant(row, "settled_at"));
    }
}
