package uk.gov.inspectorates.portal.storage.jdbc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.account.EnrolmentsInProgress;
import uk.gov.inspectorates.portal.core.document.MasterKeyRing;
import uk.gov.inspectorates.portal.core.document.WrappedKey;

/**
 * Invitations being accepted, in PostgreSQL (V27). The TOTP secret is encrypted under the current master key with
 * the browser key's hash authenticated with it, so a secret copied onto another row does not decrypt. A secret
 * sealed under a master key since retired is treated as no progress: the person chooses a password again.
 */
public final class JdbcEnrolmentsInProgress implements EnrolmentsInProgress {

    private final Jdbc jdbc;
    private final MasterKeyRing masterKeys;

    public JdbcEnrolmentsInProgress(DataSource dataSource, MasterKeyRing masterKeys) {
        this.jdbc = new Jdbc(dataSource);
        this.masterKeys = masterKeys;
    }

    @Override
    public void keep(Entry entry) {
        WrappedKey sealed = masterKeys.wrap(entry.secret(), boundTo(entry.browserKeyHash()));
        jdbc.update("insert into enrolment_in_progress (browser_key_hash, invitation_token_hash, password_hash, "
                        + "totp_secret_encrypted, totp_master_key_alias, started_at) values (?, ?, ?, ?, ?, ?)",
                entry.browserKeyHash(), entry.invitationTokenHash(), entry.passwordHash(), sealed.ciphertext(),
                sealed.wrappingKeyId(), Jdbc.timestamp(entry.startedAt()));
    }

    @Override
    public Optional<Entry> find(String browserKeyHash) {
        return jdbc.query("select * from enrolment_in_progress where browser_key_hash = ?", row -> {
            byte[] secret;
            try {
                secret = masterKeys.unwrap(new WrappedKey(row.getString("totp_master_key_alias"),
                        row.getBytes("totp_secret_encrypted")), boundTo(browserKeyHash));
            } catch (RuntimeException sealedUnderARetiredKey) {
                return null;
            }
            return new Entry(browserKeyHash, row.getString("invitation_token_hash"), row.getString("password_hash"),
                    secret, Jdbc.instant(row, "started_at"));
        }, browserKeyHash).stream().filter(entry -> entry != null).findFirst();
    }

    @Override
    public void forget(String browserKeyHash) {
        jdbc.update("delete from enrolment_in_progress where browser_key_hash = ?", browserKeyHash);
    }

    @Override
    public int forgetStartedBefore(Instant before) {
        return jdbc.update("delete from enrolment_in_progress where started_at < ?", Jdbc.timestamp(before));
    }

    private static byte[] boundTo(String browserKeyHash) {
        return ("enrolment-in-progress totp-secret " + browserKeyHash).getBytes(StandardCharsets.UTF_8);
    }
}
