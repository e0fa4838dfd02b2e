package uk.gov.inspectorates.portal.storage.jdbc;

import java.util.Objects;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.inspection.ExportChecksums;

/** {@link ExportChecksums} on PostgreSQL (V20 {@code export_entry_crc}): the first CRC learnt is kept. */
public final class JdbcExportChecksums implements ExportChecksums {

    private final Jdbc jdbc;

    public JdbcExportChecksums(DataSource dataSource) {
        this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public Long crc32Of(String documentId) {
        return jdbc.query("select crc32 from export_entry_crc where document_id = ?", row -> row.getLong("crc32"),
                documentId).stream().findFirst().orElse(null);
    }

    @Override
    public void remember(String documentId, long crc32) {
        jdbc.update("insert into export_entry_crc (document_id, crc32) select ?, ? where exists "
                + "(select 1 from evidence_document where id = ?) on conflict (document_id) do nothing",
                documentId, crc32, documentId);
    }
}
