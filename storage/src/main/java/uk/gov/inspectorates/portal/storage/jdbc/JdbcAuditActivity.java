package uk.gov.inspectorates.portal.storage.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.audit.AuditActivity;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditScope;

/**
 * Counts a report's or an inspection's events in PostgreSQL, grouped by period (cut in UK time), actor's organisation,
 * action and outcome: one query whatever the number of events. A report or an inspection is found as the search finds
 * it ({@link JdbcAuditSearch#REPORT}, {@link JdbcAuditSearch#INSPECTION}: events recorded before issue 18 name it only
 * as their resource), through the same expression indexes (V26), so the chart and the search agree.
 */
public final class JdbcAuditActivity implements AuditActivity {

    private final Jdbc jdbc;

    public JdbcAuditActivity(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public List<Count> counts(About about, Period period, Instant from, Instant to, AuditScope scope) {
        StringBuilder sql = new StringBuilder("select date_trunc(?, at, '").append(AuditActivity.UK.getId())
                .append("') as period, actor_organisation_id, action, outcome, count(*) as events from audit_event"
                        + " where ");
        List<Object> parameters = new ArrayList<>();
        parameters.add(period == Period.HOUR ? "hour" : "day");
        if (about.reportId() != null) {
            sql.append(JdbcAuditSearch.REPORT).append(" = ?");
            parameters.add(about.reportId());
        } else {
            sql.append(JdbcAuditSearch.INSPECTION).append(" = ?");
            parameters.add(about.inspectionId());
        }
        if (from != null) {
            sql.append(" and at >= ?");
            parameters.add(Jdbc.timestamp(from));
        }
        if (to != null) {
            sql.append(" and at < ?");
            parameters.add(Jdbc.timestamp(to));
        }
        if (!scope.all()) {
            String[] organisations = scope.organisationIds().toArray(String[]::new);
            sql.append(" and (actor_organisation_id = any (?) or information_owners && ?)");
            parameters.add(organisations);
            parameters.add(organisations);
        }
        sql.append(" group by 1, 2, 3, 4 order by 1, 2, 3, 4");
        return jdbc.query(sql.toString(), row -> new Count(Jdbc.instant(row, "period"),
                row.getString("actor_organisation_id"), row.getString("action"),
                AuditEvent.Outcome.valueOf(row.getString("outcome")), row.getLong("events")),
                parameters.toArray());
    }
}
