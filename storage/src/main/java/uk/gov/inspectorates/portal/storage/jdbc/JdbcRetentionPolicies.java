package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.retention.DefaultRetentionPolicies;
import uk.gov.inspectorates.portal.core.retention.PolicyChange;
import uk.gov.inspectorates.portal.core.retention.RetentionCategory;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.DurationUnit;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.EndAction;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicyRecords;

/** V21: the policy in force per category (its default until changed) and every change with before and after. */
public final class JdbcRetentionPolicies implements RetentionPolicyRecords {

    private final Jdbc jdbc;

    public JdbcRetentionPolicies(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public RetentionPolicy current(RetentionCategory category) {
        List<RetentionPolicy> set = jdbc.query("select * from retention_policy where category = ?",
                row -> policy(category, row, ""), category.name());
        return set.isEmpty() ? DefaultRetentionPolicies.defaultFor(category) : set.get(0);
    }

    /**
     * The row is locked (or, for a category never changed, the insert races on the primary key) so that two
     * administrators changing the same policy at once cannot both succeed over the same "before".
     */
    @Override
    public boolean change(PolicyChange change) {
        RetentionCategory category = change.category();
        return jdbc.inTransaction(connection -> {
            List<RetentionPolicy> locked = Jdbc.query(connection,
                    "select * from retention_policy where category = ? for update",
                    row -> policy(category, row, ""), category.name());
            RetentionPolicy inForce = locked.isEmpty() ? DefaultRetentionPolicies.defaultFor(category)
                    : locked.get(0);
            if (!inForce.equals(change.before())) {
                return false;
            }
            RetentionPolicy after = change.after();
            if (locked.isEmpty()) {
                // on conflict rather than catching the unique violation: within a unit of work an SQL error
                // would abort the whole transaction
                int inserted = Jdbc.update(connection, "insert into retention_policy (category, amount, unit, "
                        + "action, owner, changed_at) values (?, ?, ?, ?, ?, ?) on conflict (category) do nothing",
                        category.name(), after.amount(), after.unit().name(), after.action().name(),
                        after.owner(), Jdbc.timestamp(change.changedAt()));
                if (inserted == 0) {
                    return false;
                }
            } else {
                Jdbc.update(connection, "update retention_policy set amount = ?, unit = ?, action = ?, owner = ?, "
                        + "changed_at = ? where category = ?", after.amount(), after.unit().name(),
                        after.action().name(), after.owner(), Jdbc.timestamp(change.changedAt()),
                        category.name());
            }
            RetentionPolicy before = change.before();
            Jdbc.update(connection, "insert into retention_policy_change (category, before_amount, before_unit, "
                    + "before_action, before_owner, after_amount, after_unit, after_action, after_owner, "
                    + "changed_by, changed_by_organisation, changed_at, reason) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", category.name(), before.amount(),
                    before.unit().name(), before.action().name(), before.owner(), after.amount(),
                    after.unit().name(), after.action().name(), after.owner(), change.changedBy(),
                    change.changedByOrganisation(), Jdbc.timestamp(change.changedAt()), change.reason());
            return true;
        });
    }

    @Override
    public List<PolicyChange> history(RetentionCategory category) {
        return jdbc.query("select * from retention_policy_change where category = ? order by seq desc",
                row -> new PolicyChange(policy(category, row, "before_"), policy(category, row, "after_"),
                        row.getString("changed_by"), row.getString("changed_by_organisation"),
                        Jdbc.instant(row, "changed_at"), row.getString("reason")), category.name());
    }

    private static RetentionPolicy policy(RetentionCategory category, ResultSet row, String prefix)
            throws SQLException {
        return new RetentionPolicy(category, row.getInt(prefix + "amount"),
                DurationUnit.valueOf(row.getString(prefix + "unit")),
                EndAction.valueOf(row.getString(prefix + "action")), row.getString(prefix + "owner"));
    }
}
