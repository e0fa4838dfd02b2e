package uk.gov.inspectorates.portal.storage.jdbc;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.retention.SweepRecords;

/**
 * {@link SweepRecords} on PostgreSQL: the object keys every table holds, and live
 * report KEKs that neither a report nor an upload uses (a letter's KEK is its report's).
 */
public final class JdbcSweepRecords implements SweepRecords {

    private final Jdbc jdbc;

    public JdbcSweepRecords(DataSource dataSource) {
        this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Every object key any table of the schema holds (found by its {@code object_key} column, as the removal's
     * inventory finds them), so that a table added later (findings letters, statements...) is never swept as orphans.
     */
    @Override
    public Set<String> referencedObjectKeys() {
        return jdbc.withConnection(connection -> {
            Set<String> keys = new HashSet<>();
            for (String table : JdbcScopeInventory.tablesWith(connection, "object_key").keySet()) {
                keys.addAll(Jdbc.query(connection, "select object_key from \"" + table
                        + "\" where object_key is not null", row -> row.getString(1)));
            }
            return keys;
        });
    }

    @Override
    public List<KeyScope> unreferencedLiveScopes(Instant createdBefore) {
        return jdbc.query("select k.scope_id from key_encryption_key k where k.scope_kind = 'REPORT' "
                        + "and k.destroyed_at is null and k.created_at < ? and not exists (select 1 from report r "
                        + "where r.key_scope_kind = k.scope_kind and r.key_scope_id = k.scope_id) "
                        + "and not exists (select 1 from resumable_upload u "
                        + "where u.key_scope_kind = k.scope_kind and u.key_scope_id = k.scope_id) "
                        + "and not exists (select 1 from report_letter l "
                        + "where l.key_scope_kind = k.scope_kind and l.key_scope_id = k.scope_id)",
                row -> KeyScope.report(row.getString("scope_id")), Jdbc.timestamp(createdBefore));
    }
}
