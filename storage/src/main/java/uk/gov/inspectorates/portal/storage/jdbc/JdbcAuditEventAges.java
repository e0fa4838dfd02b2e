package uk.gov.inspectorates.portal.storage.jdbc;

import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.retention.AuditEventAges;

/** How old the audit trail is: for the AUDIT_EVENTS review (nothing is ever deleted here). */
public final class JdbcAuditEventAges implements AuditEventAges {

    private final Jdbc jdbc;

    public JdbcAuditEventAges(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<Instant> oldest() {
        return jdbc.query("select min(at) as oldest from audit_event", row -> Jdbc.instant(row, "oldest")).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    @Override
    public long countBefore(Instant before) {
        return jdbc.query("select count(*) from audit_event where at < ?", row -> row.getLong(1),
                Jdbc.timestamp(before)).get(0);
    }
}
