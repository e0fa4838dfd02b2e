package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.report.PartyView;
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
                JdbcWithholdRequests::request, reportId, requestId).stream().findFirst().map(this::withViews);
    }

    @Override
    public boolean addView(String requestId, PartyView view) {
        // only on a request not decided yet; a second view of the same party is ignored (false)
        return jdbc.update("insert into withhold_request_view (request_id, party, lead_inspector, view_text, view_at, "
                        + "recorded_by, recorded_at) select id, ?::text, ?::text, ?::text, ?::timestamptz, ?::text, "
                        + "?::timestamptz from withhold_request "
                        + "where id = ? and decision_outcome is null on conflict (request_id, party) do nothing",
                view.party().name(), view.leadInspector(), view.view(), Jdbc.timestamp(view.at()), view.recordedBy(),
                Jdbc.timestamp(view.recordedAt()), requestId) == 1;
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
        List<WithholdRequest> requests = jdbc.query(
                "select * from withhold_request where report_id = ? order by recorded_at, id",
                JdbcWithholdRequests::request, reportId);
        Map<String, List<PartyView>> views = jdbc.query("select v.* from withhold_request_view v "
                        + "join withhold_request r on r.id = v.request_id where r.report_id = ? "
                        + "order by v.recorded_at, v.party", JdbcWithholdRequests::viewRow, reportId).stream()
                .collect(Collectors.groupingBy(ViewRow::requestId, Collectors.mapping(ViewRow::view,
                        Collectors.toList())));
        return requests.stream().map(request -> withViewsOf(request, views.getOrDefault(request.id(), List.of())))
                .toList();
    }

    private record ViewRow(String requestId, PartyView view) {
    }

    private WithholdRequest withViews(WithholdRequest request) {
        return withViewsOf(request, jdbc.query("select * from withhold_request_view where request_id = ? "
                + "order by recorded_at, party", JdbcWithholdRequests::viewRow, request.id()).stream()
                .map(ViewRow::view).toList());
    }

    private static WithholdRequest withViewsOf(WithholdRequest request, List<PartyView> views) {
        return new WithholdRequest(request.id(), request.reportId(), request.kind(), request.applicant(),
                request.exceptionalCircumstances(), request.complaintReference(), request.receivedAt(),
                request.recordedBy(), request.recordedAt(), request.decision(), views);
    }

    private static ViewRow viewRow(ResultSet row) throws SQLException {
        return new ViewRow(row.getString("request_id"), new PartyView(
                Inspectorate.valueOf(row.getString("party")), row.getString("lead_inspector"),
                row.getString("view_text"), Jdbc.instant(row, "view_at"), row.getString("recorded_by"),
                Jdbc.instant(row, "recorded_at")));
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
