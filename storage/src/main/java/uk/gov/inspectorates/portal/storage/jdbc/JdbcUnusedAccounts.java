package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.retention.AgedRecords;
import uk.gov.inspectorates.portal.core.retention.RetentionCategory;

/**
 * Active accounts, counted from their last successful sign-in (the audit trail's) or, never signed in to, from their
 * creation (UNUSED_ACCOUNTS). Removal is deactivation (and the account's sessions end); an organisation's only
 * active administrator is never deactivated, checked again under a lock of the organisation's administrators.
 */
public final class JdbcUnusedAccounts implements AgedRecords {

    private static final String ACCOUNTS = "select u.id, u.organisation_id, "
            + "greatest(u.created_at, (select max(a.at) from audit_event a where a.actor_id = u.id "
            + "and a.action = '" + AuditActions.SIGN_IN + "' and a.outcome = 'SUCCEEDED')) as since, "
            + "('ADMINISTRATOR' = any(u.roles) and (select count(*) from user_account o where o.active "
            + "and o.organisation_id = u.organisation_id and 'ADMINISTRATOR' = any(o.roles)) = 1) as last_admin "
            + "from user_account u where u.active";
    private final Jdbc jdbc;

    public JdbcUnusedAccounts(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public RetentionCategory category() {
        return RetentionCategory.UNUSED_ACCOUNTS;
    }

    @Override
    public String kind() {
        return "USER";
    }

    @Override
    public List<Aged> all() {
        return jdbc.query(ACCOUNTS + " order by since, u.id", JdbcUnusedAccounts::aged);
    }

    @Override
    public Optional<Aged> find(String id) {
        return jdbc.query(ACCOUNTS + " and u.id = ?", JdbcUnusedAccounts::aged, id).stream().findFirst();
    }

    @Override
    public boolean remove(String id, Instant since) {
        return jdbc.inTransaction(connection -> {
            List<String> organisation = Jdbc.query(connection, "select organisation_id from user_account "
                    + "where id = ? and active", row -> row.getString(1), id);
            if (organisation.isEmpty()) {
                return false;
            }
            // every active administrator of the organisation locked: two deactivations cannot each leave the other
            Jdbc.query(connection, "select id from user_account where organisation_id = ? and active "
                    + "and 'ADMINISTRATOR' = any(roles) for update", row -> row.getString(1), organisation.get(0));
            List<Aged> now = Jdbc.query(connection, ACCOUNTS + " and u.id = ?", JdbcUnusedAccounts::aged, id);
            if (now.isEmpty() || now.get(0).lastActiveAdministrator() || !now.get(0).since().equals(since)) {
                return false;
            }
            Jdbc.update(connection, "update user_account set active = false where id = ?", id);
            Jdbc.update(connection, "delete from portal_session where user_id = ?", id);
            return true;
        });
    }

    private static Aged aged(ResultSet row) throws SQLException {
        return new Aged(row.getString("id"), "an account of " + row.getString("organisation_id")
                + " not signed in to", Jdbc.instant(row, "since"), row.getBoolean("last_admin"));
    }
}
