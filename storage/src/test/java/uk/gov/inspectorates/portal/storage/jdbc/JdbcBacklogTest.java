package uk.gov.inspectorates.portal.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.OutgoingMessage;

/** The metrics' backlog on real PostgreSQL (docs/adr/0047): unsent notices, and removals by step with failures apart. */
class JdbcBacklogTest {

    private static DataSource dataSource;
    private static JdbcBacklog backlog;

    @BeforeAll
    static void start() throws Exception {
        dataSource = uk.gov.inspectorates.portal.storage.TestDatabases.migrated();
        backlog = new JdbcBacklog(dataSource);
    }

    @Test
    void unsentNotificationsAreThoseNeitherSentNorGivenUp() throws Exception {
        sql("delete from notification_outbox");
        new JdbcNotificationOutbox(dataSource).add(List.of(message("a@x.example"), message("b@x.example"),
                message("c@x.example"), message("d@x.example")), Instant.now());
        sql("update notification_outbox set sent_at = now() where recipient = 'c@x.example'");
        sql("update notification_outbox set given_up_at = now() where recipient = 'd@x.example'");

        assertEquals(2, backlog.unsentNotifications());
    }

    @Test
    void removalsAreCountedByStepAndAFailedOneAsFailed() throws Exception {
        sql("delete from removal");
        removal("KEK_DESTROYED", false);
        removal("KEK_DESTROYED", false);
        removal("CERTIFIED", false);
        removal("OBJECTS_DELETED", true);

        assertEquals(Map.of("KEK_DESTROYED", 2L, "CERTIFIED", 1L, "FAILED", 1L), backlog.removalsByStep());
    }

    private static void removal(String step, boolean failed) throws Exception {
        sql("insert into removal (id, category, target_kind, target_id, description, due_at, step, failed, failed_step, "
                + "failure_class, removed_by, started_at, updated_at, policy_amount, policy_unit) values ('"
                + UUID.randomUUID() + "', 'REPORT', 'REPORT', '" + UUID.randomUUID() + "', 'x', now(), '" + step + "', "
                + failed + ", " + (failed ? "'" + step + "', 'java.io.IOException'" : "null, null")
                + ", 'policy', now(), now(), 1, 'YEARS')");
    }

    private static OutgoingMessage message(String recipient) {
        return new OutgoingMessage(NoticeKind.NEW_REQUEST, recipient, "New information request", "body",
                "https://portal.example/r");
    }

    private static void sql(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
