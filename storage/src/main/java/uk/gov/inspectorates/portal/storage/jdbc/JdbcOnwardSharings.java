package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.report.OnwardSharing;
import uk.gov.inspectorates.portal.core.report.OnwardSharings;

public final class JdbcOnwardSharings implements OnwardSharings {

    private final Jdbc jdbc;

    public JdbcOnwardSharings(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void add(OnwardSharing sharing) {
        jdbc.update("insert into onward_sharing (id, report_id, basis, recipient, evidence, requesting_party, "
                        + "requested_by, requested_at, status, decided_by, decided_at, decision_note) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                sharing.id(), sharing.reportId(), sharing.basis().name(), sharing.recipient(), sharing.evidence(),
                sharing.requestingParty().name(), sharing.requestedBy(), Jdbc.timestamp(sharing.requestedAt()),
                sharing.status().name(), sharing.decidedBy(), Jdbc.timestamp(sharing.decidedAt()),
                sharing.decisionNote());
    }

    @Override
    public Optional<OnwardSharing> find(String reportId, String sharingId) {
        return jdbc.query("select * from onward_sharing where report_id = ? and id = ?", JdbcOnwardSharings::sharing,
                reportId, sharingId).stream().findFirst();
    }

    @Override
    public boolean decide(OnwardSharing decided) {
        return jdbc.update("update onward_sharing set status = ?, decided_by = ?, decided_at = ?, decision_note = ? "
                        + "where id = ? and status = 'CONSENT_REQUESTED'",
                decided.status().name(), decided.decidedBy(), Jdbc.timestamp(decided.decidedAt()),
                decided.decisionNote(), decided.id()) == 1;
    }

    @Override
    public List<OnwardSharing> ofReport(String reportId) {
        return jdbc.query("select * from onward_sharing where report_id = ? order by requested_at, id",
                JdbcOnwardSharings::sharing, reportId);
    }

    private static OnwardSharing sharing(ResultSet row) throws SQLException {
        return new OnwardSharing(row.getString("id"), row.getString("report_id"),
                OnwardSharing.Basis.valueOf(row.getString("basis")), row.getString("recipient"),
                row.getString("evidence"), Inspectorate.valueOf(row.getString("requesting_party")),
                row.getString("requested_by"), Jdbc.instant(row, "requested_at"),
                OnwardSharing.Status.valueOf(row.getString("status")), row.getString("decided_by"),
                Jdbc.instant(row, "decided_at"), row.getString("decision_note"));
    }
}
