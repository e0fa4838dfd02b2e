package uk.gov.inspectorates.portal.storage.jdbc;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.account.sso.SamlRequestLog;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * {@link SamlRequestLog} on PostgreSQL: a request is consumed by deleting its row (only with the binding hash of the
 * browser that started it), so of two nodes receiving the same response at once only one sees it deleted. Expired requests are purged as others are consumed.
 */
public final class JdbcSamlRequestLog implements SamlRequestLog {

    private final Jdbc jdbc;

    public JdbcSamlRequestLog(DataSource dataSource) {
        this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void issued(String requestId, Inspectorate inspectorate, String browserBindingHash, Instant expiresAt) {
        jdbc.update("insert into saml_request (id, inspectorate, browser_binding, expires_at) values (?, ?, ?, ?)",
                Objects.requireNonNull(requestId, "requestId"), inspectorate.name(),
                Objects.requireNonNull(browserBindingHash, "browserBindingHash"), Jdbc.timestamp(expiresAt));
    }

    @Override
    public Optional<String> browserOf(String requestId, Inspectorate inspectorate, Instant now) {
        if (requestId == null || inspectorate == null) {
            return Optional.empty();
        }
        return jdbc.query("select browser_binding from saml_request where id = ? and inspectorate = ? and expires_at > ?",
                row -> row.getString("browser_binding"), requestId, inspectorate.name(), Jdbc.timestamp(now))
                .stream().findFirst();
    }

    @Override
    public boolean consume(String requestId, Inspectorate inspectorate, String browserBindingHash, Instant now) {
        if (requestId == null || inspectorate == null || browserBindingHash == null) {
            return false;
        }
        // skip locked: nodes purging at the same time take different rows instead of waiting on (or deadlocking) each other
        jdbc.update("delete from saml_request where id in (select id from saml_request where expires_at <= ? "
                + "limit 500 for update skip locked)", Jdbc.timestamp(now));
        return !jdbc.query("delete from saml_request where id = ? and inspectorate = ? and browser_binding = ? "
                        + "and expires_at > ? returning id", row -> row.getString("id"), requestId, inspectorate.name(),
                browserBindingHash, Jdbc.timestamp(now)).isEmpty();
    }
}
