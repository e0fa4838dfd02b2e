package uk.gov.inspectorates.portal.storage.jdbc;

import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.account.PasswordResets;

public final class JdbcPasswordResets implements PasswordResets {

    private final Jdbc jdbc;

    public JdbcPasswordResets(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void save(Reset reset) {
        jdbc.update("insert into password_reset (token_hash, user_id, created_at, expires_at, used_at) "
                        + "values (?, ?, ?, ?, ?)", reset.tokenHash(), reset.userId(), Jdbc.timestamp(reset.createdAt()),
                Jdbc.timestamp(reset.expiresAt()), Jdbc.timestamp(reset.usedAt()));
    }

    @Override
    public Optional<Reset> findByTokenHash(String tokenHash) {
        return jdbc.query("select * from password_reset where token_hash = ?",
                row -> new Reset(row.getString("token_hash"), row.getString("user_id"), Jdbc.instant(row, "created_at"),
                        Jdbc.instant(row, "expires_at"), Jdbc.instant(row, "used_at")), tokenHash).stream().findFirst();
    }

    @Override
    public boolean use(String tokenHash, Instant at) {
        return jdbc.update("update password_reset set used_at = ? where token_hash = ? and used_at is null "
                + "and expires_at > ?", Jdbc.timestamp(at), tokenHash, Jdbc.timestamp(at)) == 1;
    }
}
