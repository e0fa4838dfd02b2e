package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.audit.AuditCheckpoint;
import uk.gov.inspectorates.portal.core.audit.AuditCheckpoints;

/** The signed checkpoints in {@code audit_checkpoint} (V25, append-only). */
public final class JdbcAuditCheckpoints implements AuditCheckpoints {

    /** The checkpoint writers' advisory lock ("AUDITCKP"), held to the end of the unit of work. */
    static final long CHECKPOINT_LOCK = 0x41554449544b50L;

    private final DataSource dataSource;
    private final Jdbc jdbc;

    public JdbcAuditCheckpoints(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void lockForWriting() {
        if (JdbcUnitOfWork.bound(dataSource) == null) {
            throw new IllegalStateException("the checkpoint writers' lock is held by a unit of work; none is open");
        }
        jdbc.query("select pg_advisory_xact_lock(?)", row -> null, CHECKPOINT_LOCK);
    }

    @Override
    public void add(AuditCheckpoint checkpoint) {
        jdbc.update("insert into audit_checkpoint (seq, head_hash, at, key_id, signature) values (?, ?, ?, ?, ?)",
                checkpoint.seq(), checkpoint.headHash(), Jdbc.timestamp(checkpoint.at()), checkpoint.keyId(),
                checkpoint.signature());
    }

    @Override
    public Optional<AuditCheckpoint> latest() {
        return jdbc.query("select * from audit_checkpoint order by seq desc limit 1", JdbcAuditCheckpoints::checkpoint)
                .stream().findFirst();
    }

    @Override
    public List<AuditCheckpoint> after(long afterSeq, int limit) {
        return jdbc.query("select * from audit_checkpoint where seq > ? order by seq limit ?",
                JdbcAuditCheckpoints::checkpoint, afterSeq, limit);
    }

    private static AuditCheckpoint checkpoint(ResultSet row) throws SQLException {
        return new AuditCheckpoint(row.getLong("seq"), row.getBytes("head_hash"), Jdbc.instant(row, "at"),
                row.getString("key_id"), row.getBytes("signature"));
    }
}
