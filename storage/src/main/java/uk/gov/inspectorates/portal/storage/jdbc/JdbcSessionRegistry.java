package uk.gov.inspectorates.portal.storage.jdbc;

import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.account.SessionRegistry;

public final class JdbcSessionRegistry implements SessionRegistry {

    private final Jdbc jdbc;

    public JdbcSessionRegistry(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void open(Entry entry) {
        jdbc.update("insert into portal_session (id_hash, user_id, created_at, last_seen_at) values (?, ?, ?, ?)",
                entry.idHash(), entry.userId(), Jdbc.timestamp(entry.createdAt()), Jdbc.timestamp(entry.lastSeenAt()));
    }

    @Override
    public Optional<Entry> find(String idHash) {
        return jdbc.query("select * from portal_session where id_hash = ?",
                row -> new Entry(row.getString("id_hash"), row.getString("user_id"), Jdbc.instant(row, "created_at"),
                        Jdbc.instant(row, "last_seen_at")), idHash).stream().findFirst();
    }

    @Override
    public void touch(String idHash, Instant at) {
        jdbc.update("update portal_session set last_seen_at = greatest(last_seen_at, ?) where id_hash = ?",
                Jdbc.timestamp(at), idHash);
    }

    @Override
    public void close(String idHash) {
        jdbc.update("delete from portal_session where id_hash = ?", idHash);
    }

    @Override
    public int closeAll(String userId) {
        return jdbc.update("delete from portal_session where user_id = ?", userId);
    }
}
