package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.removal.RequestTally;
import uk.gov.inspectorates.portal.core.removal.ScopeInventory;
import uk.gov.inspectorates.portal.core.removal.StoredObject;

/**
 * The inventory of a key scope read from the schema itself (docs/adr/0030): every table with an {@code object_key}
 * column holds stored objects, and must name their scope in {@code key_scope_kind}/{@code key_scope_id}; every table
 * with an {@code inspection_id} column refers to an inspection. So a table a later feature adds (findings letter
 * versions, statements, exports) is found without a change here; a table that holds objects without naming their
 * scope makes every removal fail loudly rather than miss its objects. The append-only tables (the audit trail) are
 * never part of an inventory: their events outlive what they are about (docs/adr/0032).
 */
public final class JdbcScopeInventory implements ScopeInventory {

    private static final Set<String> OWN_TABLES = Set.of("removal", "removal_tally", "removal_export",
            "removal_certificate");

    private final Jdbc jdbc;

    public JdbcScopeInventory(DataSource dataSource) {
        this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public List<StoredObject> objects(KeyScope scope) {
        return jdbc.withConnection(connection -> {
            List<StoredObject> objects = new ArrayList<>();
            for (Map.Entry<String, Set<String>> table : tablesWith(connection, "object_key").entrySet()) {
                Set<String> columns = table.getValue();
                String plaintext = columns.contains("plaintext_bytes") ? "plaintext_bytes"
                        : columns.contains("length") ? "length" : "0";
                String stored = columns.contains("stored_bytes") ? "stored_bytes" : "0";
                objects.addAll(Jdbc.query(connection, "select object_key, " + plaintext + " as p, " + stored
                                + " as s from " + table.getKey() + " where key_scope_kind = ? and key_scope_id = ? "
                                + "and object_key is not null",
                        row -> new StoredObject(row.getString("object_key"), row.getLong("p"), row.getLong("s")),
                        scope.kind().name(), scope.id()));
            }
            return objects;
        });
    }

    @Override
    public Optional<Instant> kekDestroyedAt(KeyScope scope) {
        return jdbc.query("select destroyed_at from key_encryption_key where scope_kind = ? and scope_id = ? "
                        + "and destroyed_at is not null", row -> Jdbc.instant(row, "destroyed_at"), scope.kind().name(),
                scope.id()).stream().findFirst();
    }

    @Override
    public List<RequestTally> requestsOf(String inspectionId) {
        return jdbc.query("select r.id, r.requested_by, r.agency_id, o.name, count(d.id) as documents, "
                        + "coalesce(sum(d.plaintext_bytes), 0) as p, coalesce(sum(d.stored_bytes), 0) as s "
                        + "from information_request r join organisation o on o.id = r.agency_id "
                        + "left join evidence_document d on d.request_id = r.id where r.inspection_id = ? "
                        + "group by r.id, r.requested_by, r.agency_id, o.name order by o.name, r.id",
                row -> new RequestTally(row.getString("id"), Inspectorate.valueOf(row.getString("requested_by")),
                        row.getString("agency_id"), row.getString("name"), row.getInt("documents"), row.getLong("p"),
                        row.getLong("s")), inspectionId);
    }

    @Override
    public void deleteInspectionRows(String inspectionId) {
        KeyScope scope = KeyScope.inspection(inspectionId);
        jdbc.inTransaction(connection -> {
            deleteScopeRows(connection, scope);
            // the inspection's own tables go with it (on delete cascade); a table without the cascade fails here
            Jdbc.update(connection, "delete from inspection where id = ?", inspectionId);
            Map<String, Set<String>> referring = tablesWith(connection, "inspection_id");
            for (String table : referring.keySet()) {
                Jdbc.update(connection, "delete from " + table + " where inspection_id = ?", inspectionId);
            }
            List<String> left = new ArrayList<>();
            for (String table : referring.keySet()) {
                if (count(connection, "select count(*) from " + table + " where inspection_id = ?", inspectionId) > 0) {
                    left.add(table);
                }
            }
            left.addAll(tablesHoldingScope(connection, scope));
            if (!left.isEmpty()) {
                throw new IllegalStateException("rows referring to the inspection are left in " + left);
            }
            return null;
        });
    }

    @Override
    public void deleteReportRows(String reportId, boolean keepReportRow) {
        KeyScope scope = KeyScope.report(reportId);
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "delete from report_letter where key_scope_kind = 'REPORT' and key_scope_id = ?",
                    reportId);
            Jdbc.update(connection, "delete from resumable_upload where key_scope_kind = 'REPORT' and key_scope_id = ?",
                    reportId);
            if (!keepReportRow) {
                Jdbc.update(connection, "delete from report where id = ?", reportId);
                List<String> left = tablesHoldingScope(connection, scope);
                if (!left.isEmpty()) {
                    throw new IllegalStateException("rows of the report's scope are left in " + left);
                }
            }
            return null;
        });
    }

    @Override
    public void deleteLetterAheadRows(KeyScope scope) {
        jdbc.inTransaction(connection -> {
            deleteScopeRows(connection, scope);
            return null;
        });
    }

    /** Deletes the rows holding objects of the scope in every table that holds objects (a report's own row aside). */
    private static void deleteScopeRows(Connection connection, KeyScope scope) throws SQLException {
        for (String table : tablesWith(connection, "object_key").keySet()) {
            if (!table.equals("report") && !table.equals("inspection")) {
                Jdbc.update(connection, "delete from " + table + " where key_scope_kind = ? and key_scope_id = ?",
                        scope.kind().name(), scope.id());
            }
        }
    }

    private static List<String> tablesHoldingScope(Connection connection, KeyScope scope) throws SQLException {
        List<String> left = new ArrayList<>();
        for (String table : tablesWith(connection, "object_key").keySet()) {
            if (count(connection, "select count(*) from " + table + " where key_scope_kind = ? and key_scope_id = ?",
                    scope.kind().name(), scope.id()) > 0) {
                left.add(table);
            }
        }
        return left;
    }

    /**
     * The tables of the portal's schema with the column, each with all its columns. A table holding objects must name
     * their key scope.
     */
    static Map<String, Set<String>> tablesWith(Connection connection, String column) throws SQLException {
        Map<String, Set<String>> tables = new LinkedHashMap<>();
        for (String[] row : Jdbc.query(connection, "select c.table_name, c.column_name from information_schema.columns c "
                        + "join information_schema.tables t on t.table_schema = c.table_schema "
                        + "and t.table_name = c.table_name where c.table_schema = current_schema() "
                        + "and t.table_type = 'BASE TABLE' and c.table_name in (select table_name from "
                        + "information_schema.columns where table_schema = current_schema() and column_name = ?) "
                        + "order by c.table_name", row -> new String[] {row.getString(1), row.getString(2)},
                column)) {
            // the audit trail names inspections too, and outlives them: removal never touches an append-only table
            if (!OWN_TABLES.contains(row[0]) && !ApplicationRole.APPEND_ONLY_TABLES.contains(row[0])) {
                tables.computeIfAbsent(row[0], name -> new java.util.HashSet<>()).add(row[1]);
            }
        }
        if (column.equals("object_key")) {
            for (Map.Entry<String, Set<String>> table : tables.entrySet()) {
                if (!table.getValue().containsAll(Set.of("key_scope_kind", "key_scope_id"))) {
                    throw new IllegalStateException("table " + table.getKey() + " holds objects without naming their "
                            + "key scope (key_scope_kind, key_scope_id): removal cannot know what it must remove");
                }
            }
        }
        return tables;
    }

    private static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        return Jdbc.query(connection, sql, row -> row.getLong(1), parameters).get(0);
    }
}
