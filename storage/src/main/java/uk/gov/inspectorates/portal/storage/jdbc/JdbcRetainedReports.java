package uk.gov.inspectorates.portal.storage.jdbc;

import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.removal.RetainedReports;

/** Reports and letters with the moment their retention period counts from (V1, V7, V9). */
public final class JdbcRetainedReports implements RetainedReports {

    private final Jdbc jdbc;

    public JdbcRetainedReports(DataSource dataSource) {
        this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public List<Dated> published() {
        return jdbc.query("select key_scope_id, published_at as since from report where published_at is not null "
                + "and withdrawn_at is null order by published_at", row -> dated(row.getString(1), row), new Object[0]);
    }

    @Override
    public List<Dated> withdrawn() {
        return jdbc.query("select key_scope_id, withdrawn_at as since from report where withdrawn_at is not null "
                + "order by withdrawn_at", row -> dated(row.getString(1), row), new Object[0]);
    }

    @Override
    public List<Dated> lettersAhead() {
        return jdbc.query("select key_scope_id, min(added_at) as since from report_letter where report_id is null "
                + "group by key_scope_id order by 2", row -> dated(row.getString(1), row), new Object[0]);
    }

    private static Dated dated(String scopeId, java.sql.ResultSet row) throws java.sql.SQLException {
        return new Dated(scopeId, KeyScope.report(scopeId), Jdbc.instant(row, "since"));
    }
}
