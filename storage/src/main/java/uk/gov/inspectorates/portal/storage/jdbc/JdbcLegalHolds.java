package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.retention.HoldTarget;
import uk.gov.inspectorates.portal.core.retention.LegalHold;
import uk.gov.inspectorates.portal.core.retention.LegalHoldRecords;

/** V21: legal holds, at most one in force per target (a partial unique index), lifted ones kept. */
public final class JdbcLegalHolds implements LegalHoldRecords {

    private final Jdbc jdbc;

    public JdbcLegalHolds(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<LegalHold> current(HoldTarget target) {
        return jdbc.query("select * from legal_hold where target_kind = ? and target_id = ? and lifted_at is null",
                JdbcLegalHolds::hold, target.kind().name(), target.id()).stream().findFirst();
    }

    @Override
    public List<LegalHold> inForce() {
        return jdbc.query("select * from legal_hold where lifted_at is null order by since, id", JdbcLegalHolds::hold);
    }

    @Override
    public boolean set(LegalHold hold) {
        return jdbc.update("insert into legal_hold (target_kind, target_id, since, set_by, set_by_organisation, reason) "
                + "values (?, ?, ?, ?, ?, ?) on conflict (target_kind, target_id) where lifted_at is null do nothing",
                hold.target().kind().name(), hold.target().id(), Jdbc.timestamp(hold.since()), hold.setBy(),
                hold.setByOrganisation(), hold.reason()) == 1;
    }

    @Override
    public boolean lift(HoldTarget target, String liftedBy, String liftedByOrganisation, Instant at, String reason) {
        return jdbc.update("update legal_hold set lifted_at = ?, lifted_by = ?, lifted_by_organisation = ?, "
                + "lift_reason = ? where target_kind = ? and target_id = ? and lifted_at is null", Jdbc.timestamp(at),
                liftedBy, liftedByOrganisation, reason, target.kind().name(), target.id()) == 1;
    }

    private static LegalHold hold(ResultSet row) throws SQLException {
        return new LegalHold(new HoldTarget(HoldTarget.Kind.valueOf(row.getString("target_kind")),
                row.getString("target_id")), Jdbc.instant(row, "since"), row.getString("set_by"),
                row.getString("set_by_organisation"), row.getString("reason"));
    }
}
