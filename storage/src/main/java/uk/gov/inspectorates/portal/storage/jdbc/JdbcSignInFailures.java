package uk.gov.inspectorates.portal.storage.jdbc;

import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.account.SignInFailures;
import uk.gov.inspectorates.portal.core.account.SignInThrottle;

/**
 * {@link SignInFailures} on PostgreSQL (V15): one row per name key, counted with one upsert so that concurrent failures
 * of one name all count. Names whose last failure is past the forgetting point are purged as others fail.
 */
public final class JdbcSignInFailures implements SignInFailures {

    private final Jdbc jdbc;

    public JdbcSignInFailures(DataSource dataSource) {
        this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public SignInThrottle.Failures of(String nameKey) {
        return jdbc.query("select failed_attempts, last_failure_at from sign_in_failure where name_key = ?",
                row -> new SignInThrottle.Failures(row.getInt("failed_attempts"),
                        Jdbc.instant(row, "last_failure_at")), Objects.requireNonNull(nameKey, "nameKey"))
                .stream().findFirst().orElse(SignInThrottle.Failures.none());
    }

    @Override
    public void recordFailure(String nameKey, Instant at, Instant forgetBefore) {
        // skip locked: nodes purging at the same time take different rows instead of waiting on each other
        jdbc.update("delete from sign_in_failure where name_key in (select name_key from sign_in_failure "
                + "where last_failure_at < ? limit 500 for update skip locked)", Jdbc.timestamp(forgetBefore));
        jdbc.update("insert into sign_in_failure (name_key, failed_attempts, last_failure_at) values (?, 1, ?) "
                        + "on conflict (name_key) do update set failed_attempts = case when "
                        + "sign_in_failure.last_failure_at < ? then 1 else least(sign_in_failure.failed_attempts, "
                        + "2147483646) + 1 end, last_failure_at = greatest(sign_in_failure.last_failure_at, "
                        + "excluded.last_failure_at)",
                Objects.requireNonNull(nameKey, "nameKey"), Jdbc.timestamp(at), Jdbc.timestamp(forgetBefore));
    }
}
