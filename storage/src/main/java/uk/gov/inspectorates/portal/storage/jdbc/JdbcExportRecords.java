package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.inspection.ExportRecord;
import uk.gov.inspectorates.portal.core.inspection.ExportRecords;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/** {@link ExportRecords} on PostgreSQL (V20 {@code inspection_export}). */
public final class JdbcExportRecords implements ExportRecords {

    private final Jdbc jdbc;

    public JdbcExportRecords(DataSource dataSource) {
        this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public List<ExportRecord> ofInspection(String inspectionId) {
        return jdbc.query("select * from inspection_export where inspection_id = ? order by exported_at, id",
                JdbcExportRecords::record, inspectionId);
    }

    @Override
    public void add(ExportRecord record, String identity) {
        Objects.requireNonNull(record.sha256(), "sha256");
        jdbc.update("insert into inspection_export (id, inspection_id, inspectorate, exported_by, exported_at, "
                        + "documents, bytes, sha256, archive_identity) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                record.id(), record.inspectionId(), record.inspectorate().name(), record.exportedBy(),
                Jdbc.timestamp(record.exportedAt()), record.documents(), record.bytes(), record.sha256(),
                Objects.requireNonNull(identity, "identity"));
    }

    @Override
    public Optional<String> sha256Of(String identity) {
        return jdbc.query("select sha256 from inspection_export where archive_identity = ? order by exported_at "
                + "limit 1", row -> row.getString("sha256"), identity).stream().findFirst();
    }

    private static ExportRecord record(ResultSet row) throws SQLException {
        return new ExportRecord(row.getString("id"), row.getString("inspection_id"),
                Inspectorate.valueOf(row.getString("inspectorate")), row.getString("exported_by"),
                Jdbc.instant(row, "exported_at"), row.getInt("documents"), row.getLong("bytes"),
                row.getString("sha256"));
    }
}
