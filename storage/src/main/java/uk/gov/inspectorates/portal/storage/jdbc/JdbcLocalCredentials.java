package uk.gov.inspectorates.portal.storage.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.account.LocalCredential;
import uk.gov.inspectorates.portal.core.account.LocalCredentials;
import uk.gov.inspectorates.portal.core.account.SignInThrottle;
import uk.gov.inspectorates.portal.core.document.MasterKeyRing;
import uk.gov.inspectorates.portal.core.document.WrappedKey;

/**
 * Local credentials in PostgreSQL. The TOTP secret is encrypted under the current master key (AES-GCM, the user id
 * authenticated with it, so a secret copied onto another account's row does not decrypt): a copy of the database
 * alone cannot mint codes (docs/adr/0010).
 */
public final class JdbcLocalCredentials implements LocalCredentials {

    private final Jdbc jdbc;
    private final MasterKeyRing masterKeys;

    public JdbcLocalCredentials(DataSource dataSource, MasterKeyRing masterKeys) {
        this.jdbc = new Jdbc(dataSource);
        this.masterKeys = masterKeys;
    }

    @Override
    public Optional<LocalCredential> find(String userId) {
        return jdbc.query("select * from local_credential where user_id = ?", this::credential, userId).stream()
                .findFirst();
    }

    @Override
    public void save(LocalCredential credential) {
        byte[] secret = credential.totpSecret();
        WrappedKey sealed = secret == null ? null : masterKeys.wrap(secret, boundTo(credential.userId()));
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
        SignInThrottle.Failures failures = credential.failures();
        jdbc.update("insert into local_credential (user_id, email, password_hash, totp_secret_encrypted, "
                        + "totp_master_key_alias, last_totp_step, recovery_code_hashes, failed_attempts, last_failure_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (user_id) do update set email = excluded.email,"
                        + " password_hash = excluded.password_hash, totp_secret_encrypted = excluded.totp_secret_encrypted,"
                        + " totp_master_key_alias = excluded.totp_master_key_alias,"
                        + " last_totp_step = excluded.last_totp_step,"
                        + " recovery_code_hashes = excluded.recovery_code_hashes,"
                        + " failed_attempts = excluded.failed_attempts, last_failure_at = excluded.last_failure_at",
                credential.userId(), credential.email(), credential.passwordHash(),
                sealed == null ? null : sealed.ciphertext(), sealed == null ? null : sealed.wrappingKeyId(),
                credential.lastTotpStep(), credential.recoveryCodeHashes().toArray(String[]::new), failures.count(),
                Jdbc.timestamp(failures.last()));
    }

    @Override
    public void changePassword(String userId, String passwordHash) {
        jdbc.update("update local_credential set password_hash = ?, failed_attempts = 0, last_failure_at = null "
                + "where user_id = ?", passwordHash, userId);
    }

    @Override
    public boolean useTotpStep(String userId, long step) {
        return jdbc.update("update local_credential set last_totp_step = ? where user_id = ? and last_totp_step < ?",
                step, userId, step) == 1;
    }

    @Override
    public boolean useRecoveryCode(String userId, String hash) {
        return jdbc.update("update local_credential set recovery_code_hashes = array_remove(recovery_code_hashes, ?)"
                + " where user_id = ? and ? = any(recovery_code_hashes)", hash, userId, hash) == 1;
    }

    @Override
    public void recordFailure(String userId, Instant at) {
        jdbc.update("update local_credential set failed_attempts = least(failed_attempts, 2147483646) + 1, "
                + "last_failure_at = greatest(coalesce(last_failure_at, ?), ?) where user_id = ?",
                Jdbc.timestamp(at), Jdbc.timestamp(at), userId);
    }

    @Override
    public void clearFailures(String userId) {
        jdbc.update("update local_credential set failed_attempts = 0, last_failure_at = null "
                + "where user_id = ? and failed_attempts > 0", userId);
    }

    private LocalCredential credential(ResultSet row) throws SQLException {
        String userId = row.getString("user_id");
        byte[] sealed = row.getBytes("totp_secret_encrypted");
        byte[] secret = sealed == null ? null
                : masterKeys.unwrap(new WrappedKey(row.getString("totp_master_key_alias"), sealed), boundTo(userId));
        int failed = row.getInt("failed_attempts");
        SignInThrottle.Failures failures = failed == 0 ? SignInThrottle.Failures.none()
                : new SignInThrottle.Failures(failed, Jdbc.instant(row, "last_failure_at"));
        return new LocalCredential(userId, row.getString("email"), row.getString("password_hash"), secret,
                row.getLong("last_totp_step"), List.copyOf(JdbcOrganisationDirectory.texts(
                row.getArray("recovery_code_hashes"))), failures);
    }

    private static byte[] boundTo(String userId) {
        return ("local-credential totp-secret " + userId).getBytes(StandardCharsets.UTF_8);
    }

    /** How many TOTP secrets are sealed under a master key other than {@code currentAlias}. */
    public long sealedUnder(String currentAlias) {
        return jdbc.query("select count(*) as n from local_credential where totp_master_key_alias <> ?",
                row -> row.getLong("n"), currentAlias).get(0);
    }

    /** Master-key rotation: re-encrypts every TOTP secret not yet under {@code targetAlias}; returns how many. */
    public int resealSecrets(String targetAlias) {
        List<String> pending = jdbc.query("select user_id from local_credential where totp_master_key_alias <> ?",
                row -> row.getString("user_id"), targetAlias);
        int resealed = 0;
        for (String userId : pending) {
            resealed += jdbc.inTransaction(connection -> {
                List<WrappedKey> sealed = Jdbc.query(connection, "select totp_secret_encrypted, totp_master_key_alias "
                                + "from local_credential where user_id = ? and totp_master_key_alias <> ? for update",
                        row -> new WrappedKey(row.getString("totp_master_key_alias"),
                                row.getBytes("totp_secret_encrypted")), userId, targetAlias);
                if (sealed.isEmpty()) {
                    return 0;
                }
                byte[] secret = masterKeys.unwrap(sealed.get(0), boundTo(userId));
                WrappedKey resealedKey = masterKeys.wrap(secret, boundTo(userId));
                Arrays.fill(secret, (byte) 0);
                if (!resealedKey.wrappingKeyId().equals(targetAlias)) {
                    throw new IllegalStateException("the current master key changed during rotation");
                }
                return Jdbc.update(connection, "update local_credential set totp_secret_encrypted = ?, "
                        + "totp_master_key_alias = ? where user_id = ?", resealedKey.ciphertext(), targetAlias, userId);
            });
        }
        return resealed;
    }
}
