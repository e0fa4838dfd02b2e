package uk.gov.inspectorates.portal.storage.jdbc;

import java.time.Clock;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.account.Notifier;

/** Messages wait in {@code notification_outbox} for a mail relay (or, in demo and tests, a person) to pick them up. */
public final class JdbcNotificationOutbox implements Notifier {

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcNotificationOutbox(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    @Override
    public void send(Notification notification) {
        jdbc.update("insert into notification_outbox (created_at, recipient, subject, body, link) values (?, ?, ?, ?, ?)",
                Jdbc.timestamp(clock.instant()), notification.recipient(), notification.subject(),
                notification.body(), notification.link());
    }
}
