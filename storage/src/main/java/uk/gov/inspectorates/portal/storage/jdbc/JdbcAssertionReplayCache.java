package uk.gov.inspectorates.portal.storage.jdbc;

import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.account.sso.AssertionReplayCache;

/**
 * {@link AssertionReplayCache} on PostgreSQL: the assertion id is the primary key, so the first insert wins on every
 * node of a cluster and later ones insert nothing. Ids past their keep-until are purged first.
 */
public final class JdbcAssertionReplayCache implements AssertionReplayCache {

    private final Jdbc jdbc;

    public JdbcAssertionReplayCache(DataSource dataSource) {
        this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public boolean firstUse(String assertionId, Instant keepUntil, Instant now) {
        Objects.requireNonNull(assertionId, "assertionId");
        jdbc.update("delete from saml_assertion_seen where assertion_id in (select assertion_id from "
                + "saml_assertion_seen where keep_until <= ? limit 500 for update skip locked)", Jdbc.timestamp(now));
        return jdbc.update("insert into saml_assertion_seen (assertion_id, keep_until) values (?, ?) "
                + "on conflict (assertion_id) do nothing", assertionId, Jdbc.timestamp(keepUntil)) == 1;
    }
}
