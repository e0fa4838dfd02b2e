package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import uk.gov.inspectorates.portal.auditverifier.AuditChain;
import uk.gov.inspectorates.portal.core.audit.AuditEventFields;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditTrail;

/**
 * Re-chains every event written before chain version 2 (docs/adr/0032): in seq order, each gets its content digest,
 * its predecessor's (new) hash and its own hash as audit-verifier's {@code AuditChain} defines them, so that
 * verifiers know only version 2. This runs once, before any checkpoint exists: nothing signed is rewritten.
 */
public class V24__audit_chain_v2 extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        rechain(context.getConnection());
    }

    /** Streams the trail (a cursor: the migration runs in a transaction) and rewrites each row's chain fields. */
    static void rechain(Connection connection) throws SQLException {
        byte[] previous = null;
        try (PreparedStatement read = connection.prepareStatement("select * from audit_event order by seq");
             PreparedStatement write = connection.prepareStatement("update audit_event set content_digest = ?, "
                     + "previous_hash = ?, hash = ?, chain_version = 2 where seq = ?")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong("seq");
                    byte[] contentDigest = AuditEventFields.contentDigest(seq, JdbcAuditTrail.event(rows));
                    byte[] hash = AuditChain.link(previous, contentDigest);
                    write.setBytes(1, contentDigest);
                    write.setBytes(2, previous);
                    write.setBytes(3, hash);
                    write.setLong(4, seq);
                    write.addBatch();
                    previous = hash;
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }
}
