package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.OutboxMessages;
import uk.gov.inspectorates.portal.core.notification.OutgoingMessage;

/**
 * The outbox on PostgreSQL ({@code notification_outbox}, V5 and V14). Claims take rows with
 * {@code for update skip locked} and lease them, so that nodes sharing the database never send one message twice
 * at the same time; a node that dies leaves its claims to expire.
 */
public final class JdbcNotificationOutbox implements OutboxMessages {

    private static final String INSERT = "insert into notification_outbox (created_at, kind, recipient, subject, body,"
            + " link, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?)";

    private final Jdbc jdbc;

    public JdbcNotificationOutbox(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void add(List<OutgoingMessage> messages, Instant at) {
        jdbc.inTransaction(connection -> {
            insert(connection, messages, at);
            return null;
        });
    }

    @Override
    public boolean addOnce(String onceKey, List<OutgoingMessage> messages, Instant at) {
        return jdbc.inTransaction(connection -> {
            if (Jdbc.update(connection, "insert into notice_once (once_key, queued_at) values (?, ?)"
                    + " on conflict (once_key) do nothing", onceKey, Jdbc.timestamp(at)) == 0) {
                return false;
            }
            insert(connection, messages, at);
            return true;
        });
    }

    private static void insert(Connection connection, List<OutgoingMessage> messages, Instant at) throws SQLException {
        for (OutgoingMessage message : messages) {
            Jdbc.update(connection, INSERT, Jdbc.timestamp(at), message.kind().name(), message.recipient(),
                    message.subject(), message.body(), message.link(), Jdbc.timestamp(at));
        }
    }

    @Override
    public List<Pending> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.inTransaction(connection -> Jdbc.query(connection,
                "update notification_outbox set claimed_until = ? where seq in (select seq from notification_outbox"
                        + " where sent_at is null and given_up_at is null and next_attempt_at <= ?"
                        + " and (claimed_until is null or claimed_until <= ?)"
                        + " order by seq limit ? for update skip locked)"
                        + " returning seq, kind, recipient, subject, body, link, attempts",
                row -> new Pending(row.getLong("seq"), new OutgoingMessage(NoticeKind.valueOf(row.getString("kind")),
                        row.getString("recipient"), row.getString("subject"), row.getString("body"),
                        row.getString("link")), row.getInt("attempts")),
                Jdbc.timestamp(leaseUntil), Jdbc.timestamp(now), Jdbc.timestamp(now), limit))
                .stream().sorted(Comparator.comparingLong(Pending::seq)).toList();
    }

    @Override
    public void sent(long seq, int attempts, Instant at) {
        jdbc.update("update notification_outbox set sent_at = ?, attempts = ?, claimed_until = null,"
                + " last_failure = null where seq = ?", Jdbc.timestamp(at), attempts, seq);
    }

    @Override
    public void retryLater(long seq, int attempts, Instant nextAttemptAt, String failure) {
        jdbc.update("update notification_outbox set attempts = ?, next_attempt_at = ?, last_failure = ?,"
                + " claimed_until = null where seq = ?", attempts, Jdbc.timestamp(nextAttemptAt), failure, seq);
    }

    @Override
    public void forgetLink(long seq) {
        jdbc.update("update notification_outbox set link = '', body = '' where seq = ?", seq);
    }

    @Override
    public void givenUp(long seq, int attempts, Instant at, String failure) {
        jdbc.update("update notification_outbox set given_up_at = ?, attempts = ?, last_failure = ?,"
                + " claimed_until = null where seq = ?", Jdbc.timestamp(at), attempts, failure, seq);
    }
}
