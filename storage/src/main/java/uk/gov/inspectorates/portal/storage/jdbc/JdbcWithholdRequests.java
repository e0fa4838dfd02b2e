package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.report.WithholdRequest;
import uk.gov.inspectorates.portal.core.report.WithholdRequests;

public final class JdbcWithholdRequests implements WithholdRequests {

    private final Jdbc jdbc;

    public JdbcWithholdRequests(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void add(WithholdRequest request) {
        jdbc.update("insert into withhold_request (id, report_id, kind, applicant, exceptional_circumstances, "
                        + "complaint_reference, received_at, recorded_by, recorded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                request.id(), request.reportId(), request.kind().name(), request.applicant(),
                request.exceptionalCircumstances(), request.complaintReference(),
                Jdbc.timestamp(request.receivedAt()), request.recordedBy(), Jdbc.timestamp(request.recordedAt()));
    }

    @Override
    public Optional<WithholdRequest> find(String reportId, String requestId) {
        return jdbc.query("select * from withhold_request where report_id = ? and id = ?",
                JdbcWithholdRequests::request, reportId, requestId).stream().findFirst();
    }

    @Override
    public boolean decide(String requestId, WithholdRequest.Decision decision) {
        return jdbc.update("update withhold_request set decision_outcome = ?, decision_reason = ?, decided_by = ?, "
                        + "decided_at = ? where id = ? and decision_outcome is null",
                decision.outcome().name(), decision.reason(), decision.decidedBy(),
                Jdbc.timestamp(decision.decidedAt()), requestId) == 1;
    }

    @Override
    public List<WithholdRequest> ofReport(String reportId) {
        return jdbc.query("select * from withhold_request where report_id = ? order by recorded_at, id",
                JdbcWithholdRequests::request, reportId);
    }

    private static WithholdRequest request(ResultSet row) throws SQLException {
        String outcome = row.getString("decision_outcome");
        WithholdRequest.Decision decision = outcome == null ? null
                : new WithholdRequest.Decision(WithholdRequest.Outcome.valueOf(outcome),
                        row.getString("decision_reason"), row.getString("decided_by"),
                        Jdbc.instant(row, "decided_at"));
        return new WithholdRequest(row.getString("id"), row.getString("report_id"),
                WithholdRequest.Kind.valueOf(row.getString("kind")), row.getString("applicant"),
                row.getString("exceptional_circumstances"), row.getString("complaint_reference"),
                Jdbc.instant(row, "received_at"), row.getString("recorded_by"), Jdbc.instant(row, "recorded_at"),
                decision);
    }
}
