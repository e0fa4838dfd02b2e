package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.audit.AuditChainReader;
import uk.gov.inspectorates.portal.core.audit.StoredAuditEvent;

/**
 * Reads the chain back in seq order through a server-side cursor ({@value #FETCH_SIZE} rows a round trip), so that
 * verifying or exporting a million events holds one page in memory, never the trail.
 */
public final class JdbcAuditChainReader implements AuditChainReader {

    static final int FETCH_SIZE = 1000;

    private final Jdbc jdbc;

    public JdbcAuditChainReader(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<StoredAuditEvent> head() {
        return jdbc.query("select * from audit_event order by seq desc limit 1", JdbcAuditChainReader::stored)
                .stream().findFirst();
    }

    @Override
    public void inOrder(long fromSeq, long toSeq, Consumer<StoredAuditEvent> each) {
        // a cursor needs a transaction: inTransaction opens one, or joins the unit of work's
        jdbc.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select * from audit_event where seq between ? and ? order by seq")) {
                statement.setFetchSize(FETCH_SIZE);
                statement.setLong(1, fromSeq);
                statement.setLong(2, toSeq);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        each.accept(stored(rows));
                    }
                }
            }
            return null;
        });
    }

    private static StoredAuditEvent stored(ResultSet row) throws SQLException {
        return AuditEventRows.stored(row, AuditEventRows.STORED);
    }
}
