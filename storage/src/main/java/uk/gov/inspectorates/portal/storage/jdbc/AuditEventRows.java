package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.StoredAuditEvent;

/**
 * The one mapping of an {@code audit_event} row to an event. The report, inspection and download id are read from the
 * columns named: the stored ones ({@link #STORED}, as the chain hashes them) or the search's expressions over them
 * ({@link #FOUND}, which also name what events recorded before issue 18 held only in their resource or detail).
 */
final class AuditEventRows {

    /** Which columns hold the event's report, inspection and download id. */
    record Columns(String reportId, String inspectionId, String downloadId) {
    }

    static final Columns STORED = new Columns("report_id", "inspection_id", "download_id");
    static final Columns FOUND = new Columns("found_report_id", "found_inspection_id", "found_download_id");

    private AuditEventRows() {
    }

    static AuditEvent event(ResultSet row, Columns columns) throws SQLException {
        Array owners = row.getArray("information_owners");
        return new AuditEvent(Jdbc.instant(row, "at"), row.getString("actor_id"),
                row.getString("actor_organisation_id"), row.getString("actor_roles"), row.getString("action"),
                row.getString("resource_type"), row.getString("resource_id"), row.getString(columns.reportId()),
                row.getString(columns.inspectionId()),
                owners == null ? Set.of() : Set.of((String[]) owners.getArray()),
                AuditEvent.Outcome.valueOf(row.getString("outcome")), row.getString("detail"),
                row.getString(columns.downloadId()), row.getString("client_address"), row.getString("user_agent"));
    }

    /** The event with its place in the chain (the row's seq, previous hash and hash). */
    static StoredAuditEvent stored(ResultSet row, Columns columns) throws SQLException {
        return new StoredAuditEvent(row.getLong("seq"), event(row, columns), row.getBytes("previous_hash"),
                row.getBytes("hash"));
    }
}
