package uk.gov.inspectorates.portal.storage.jdbc;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.document.MasterKeyRing;

/**
 * Master-key rotation: re-wraps every live key-encryption key that is not yet under the ring's current master key.
 * Objects and data keys are not touched. Each KEK is re-wrapped in its own transaction and its row records the
 * master key that wraps it, so an interrupted run is resumed by running again: it carries on with the rows still on
 * an older key. Every run leaves one audit event with its counts (also when it fails).
 */
public final class MasterKeyRotation {

    private static final int BATCH = 500;

    /** What one run did: KEKs re-wrapped by it, and live KEKs (and pre-hierarchy reports) per master key after it. */
    public record Result(String targetAlias, int rewrapped, Map<String, Long> usageAfter) {
    }

    private final Jdbc jdbc;
    private final JdbcLocalCredentials credentials;
    private final MasterKeyRing ring;
    private final AuditTrail audit;
    private final Clock clock;

    public MasterKeyRotation(DataSource dataSource, MasterKeyRing ring, AuditTrail audit, Clock clock) {
        this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
        this.ring = Objects.requireNonNull(ring, "ring");
        this.credentials = new JdbcLocalCredentials(dataSource, ring);
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * How many live KEKs each master key wraps, plus reports stored before the key hierarchy (their data key is
     * wrapped directly under a master key). A master key with no use left may be removed from the keystore.
     */
    public Map<String, Long> usage() {
        Map<String, Long> usage = new TreeMap<>();
        for (String alias : ring.aliases()) {
            usage.put(alias, 0L);
        }
        jdbc.query("select master_key_alias as alias, count(*) as n from key_encryption_key "
                + "where destroyed_at is null group by master_key_alias "
                + "union all select wrapping_key_id as alias, count(*) as n from report "
                + "where wrapping_key_id like 'master-%' group by wrapping_key_id "
                + "union all select totp_master_key_alias as alias, count(*) as n from local_credential "
                + "where totp_master_key_alias is not null group by totp_master_key_alias", row -> {
                    usage.merge(row.getString("alias"), row.getLong("n"), Long::sum);
                    return null;
                });
        return usage;
    }

    /** True if some live KEK is still wrapped under a master key other than the current one. */
    public boolean unfinished() {
        return !jdbc.query("select 1 from key_encryption_key where destroyed_at is null and master_key_alias <> ? "
                + "limit 1", row -> 1, ring.currentAlias()).isEmpty() || credentials.sealedUnder(ring.currentAlias()) > 0;
    }

    /**
     * Re-wraps every live KEK not under the current master key. {@code by} names who ran it, for the audit event.
     */
    public Result run(String by) {
        String target = ring.currentAlias();
        int rewrapped = 0;
        try {
            while (true) {
                List<String> pending = jdbc.query("select kek_id from key_encryption_key where destroyed_at is null "
                        + "and master_key_alias <> ? order by kek_id limit ?", row -> row.getString("kek_id"),
                        target, BATCH);
                if (pending.isEmpty()) {
                    break;
                }
                for (String kekId : pending) { // (agency accounts' TOTP secrets follow below)
                    if (jdbc.inTransaction(connection ->
                            JdbcKeyService.rewrap(connection, ring, kekId, target, clock.instant()))) {
                        rewrapped++;
                    }
                }
            }
        } catch (RuntimeException failure) {
            record(Outcome.REFUSED, target, "interrupted: target=" + target + " rewrapped=" + rewrapped
                    + " remaining=" + safeRemaining(target) + " by=" + by + " (run again to resume)");
            throw failure;
        }
        try {
            rewrapped += credentials.resealSecrets(target);
        } catch (RuntimeException failure) {
            record(Outcome.REFUSED, target, "interrupted at the TOTP secrets: target=" + target + " by=" + by
                    + " (run again to resume)");
            throw failure;
        }
        Map<String, Long> after = usage();
        record(Outcome.SUCCEEDED, target, "target=" + target + " rewrapped=" + rewrapped + " usage=" + after
                + " by=" + by);
        return new Result(target, rewrapped, after);
    }

    private String safeRemaining(String target) {
        try {
            return String.valueOf(jdbc.query("select count(*) as n from key_encryption_key where destroyed_at is null "
                    + "and master_key_alias <> ?", row -> row.getLong("n"), target).get(0));
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    private void record(Outcome outcome, String target, String detail) {
        audit.record(new AuditEvent(clock.instant(), null, null, AuditActions.MASTER_KEY_ROTATION, "MASTER_KEY",
                target, outcome, detail));
    }
}
