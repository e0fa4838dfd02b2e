package uk.gov.inspectorates.portal.storage.jdbc;

import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.account.sso.SamlRequestLog;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * {@link SamlRequestLog} on PostgreSQL: a request is consumed by deleting its row, so of two nodes receiving the same
 * response at once only one sees it deleted. Expired requests are purged as others are consumed.
 */
public final class JdbcSamlRequestLog implements SamlRequestLog {

    private final Jdbc jdbc;

    public JdbcSamlRequestLog(DataSource dataSource) {
        this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void issued(String requestId, Inspectorate inspectorate, Instant expiresAt) {
        jdbc.update("insert into saml_request (id, inspectorate, expires_at) values (?, ?, ?)",
                Objects.requireNonNull(requestId, "requestId"), inspectorate.name(), Jdbc.timestamp(expiresAt));
    }

    @Override
    public boolean consume(String requestId, Inspectorate inspectorate, Instant now) {
        if (requestId == null || inspectorate == null) {
            return false;
        }
        // skip locked: nodes purging at the same time take different rows instead of waiting on (or deadlocking) each other
        jdbc.update("delete from saml_request where id in (select id from saml_request where expires_at <= ? "
                + "limit 500 for update skip locked)", Jdbc.timestamp(now));
        return !jdbc.query("delete from saml_request where id = ? and inspectorate = ? and expires_at > ? returning id",
                row -> row.getString("id"), requestId, inspectorate.name(), Jdbc.timestamp(now)).isEmpty();
    }
}
