package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditPage;
import uk.gov.inspectorates.portal.core.audit.AuditQuery;
import uk.gov.inspectorates.portal.core.audit.AuditScope;
import uk.gov.inspectorates.portal.core.audit.AuditSearch;
import uk.gov.inspectorates.portal.core.audit.ReportReaders;
import uk.gov.inspectorates.portal.core.audit.StoredAuditEvent;

/**
 * The SIRO's search of the trail on PostgreSQL (docs/adr/0033): each criterion given becomes one indexed condition
 * (V26), the scope a condition on the actor's organisation or the information owners, newest first by {@code (at,
 * seq)}, a page fetched with one row more to know whether there is a next page (no count of the table). Every index
 * is {@code (criterion, at, seq)}, so any search, a date range alone included, walks one index backwards and stops
 * after a page; the page's seqs are chosen first (an index-only scan where the index carries the scope's columns,
 * so a deep page's offset skips index entries, not rows) and only those rows are then read.
 *
 * <p>Events recorded before issue 18 name their report or inspection only as their resource and carry a download's
 * id only in the detail ({@code downloadId=...}): the search reads every event through {@link #REPORT},
 * {@link #INSPECTION} and {@link #DOWNLOAD} (the expressions V26 indexes), and the events it returns carry those
 * values, so that {@link AuditQuery#matches} holds for each of them.
 */
public final class JdbcAuditSearch implements AuditSearch, ReportReaders {

    static final String REPORT = "coalesce(report_id, case when resource_type = 'REPORT' then resource_id end)";
    static final String INSPECTION =
            "coalesce(inspection_id, case when resource_type = 'INSPECTION' then resource_id end)";
    /** Only a download's own detail names its id (a search's criteria may name one too). */
    static final String DOWNLOAD = "coalesce(download_id, case when action in ('REPORT_DOWNLOAD', 'LETTER_DOWNLOAD') "
            + "then substring(detail from 'downloadId=([0-9a-f]{32})') end)";

    static final String COLUMNS = "seq, at, actor_id, actor_organisation_id, actor_roles, action, "
            + "resource_type, resource_id, information_owners, outcome, detail, client_address, user_agent, "
            + "previous_hash, hash, " + REPORT + " as found_report_id, " + INSPECTION + " as found_inspection_id, "
            + DOWNLOAD + " as found_download_id";

    private final Jdbc jdbc;

    public JdbcAuditSearch(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public AuditPage search(AuditQuery query, AuditScope scope) {
        Statement statement = statement(query, scope);
        List<StoredAuditEvent> found = jdbc.withConnection(connection -> planned(connection, statement));
        boolean more = found.size() > query.pageSize();
        return new AuditPage(more ? found.subList(0, query.pageSize()) : found, query.page(), query.pageSize(),
                more);
    }

    /** The search as one statement and its parameters (the storage test explains its plan). */
    record Statement(String sql, Object[] parameters) {
    }

    static Statement statement(AuditQuery query, AuditScope scope) {
        StringBuilder where = new StringBuilder("true");
        List<Object> parameters = new ArrayList<>();
        if (!scope.all()) {
            String[] organisations = scope.organisationIds().toArray(String[]::new);
            where.append(" and (actor_organisation_id = any (?) or information_owners && ?)");
            parameters.add(organisations);
            parameters.add(organisations);
        }
        criterion(where, parameters, "actor_id = ?", query.actorId());
        if (query.organisationId() != null) {
            where.append(" and (actor_organisation_id = ? or information_owners @> ?)");
            parameters.add(query.organisationId());
            parameters.add(new String[] {query.organisationId()});
        }
        criterion(where, parameters, REPORT + " = ?", query.reportId());
        criterion(where, parameters, INSPECTION + " = ?", query.inspectionId());
        criterion(where, parameters, "action = ?", query.action());
        criterion(where, parameters, "outcome = ?", query.outcome() == null ? null : query.outcome().name());
        criterion(where, parameters, "at >= ?", Jdbc.timestamp(query.from()));
        criterion(where, parameters, "at < ?", Jdbc.timestamp(query.to()));
        criterion(where, parameters, DOWNLOAD + " = ?", query.downloadId());
        parameters.add(query.pageSize() + 1);
        parameters.add((long) (query.page() - 1) * query.pageSize());
        return new Statement("select " + COLUMNS + " from audit_event where seq in (select seq from audit_event where "
                + where + " order by at desc, seq desc limit ? offset ?) order by at desc, seq desc",
                parameters.toArray());
    }

    @Override
    public List<StoredAuditEvent> downloadsOf(String reportId, int limit) {
        return jdbc.query("select " + COLUMNS + " from audit_event where outcome = 'SUCCEEDED' and ("
                        + "(action = ? and " + REPORT + " = ?) or (action = ? and (" + REPORT + " = ? or "
                        + "(resource_type = 'LETTER' and resource_id in (select id from report_letter "
                        + "where report_id = ?))))) order by seq desc limit ?", JdbcAuditSearch::stored,
                AuditActions.REPORT_DOWNLOAD, reportId, AuditActions.LETTER_DOWNLOAD, reportId, reportId, limit);
    }

    /**
     * Runs the search planned for its values every time: a server-side prepared statement's generic plan does not know
     * which criterion is selective (a report, one day) and walks the whole trail by seq instead (ten times slower).
     */
    private static List<StoredAuditEvent> planned(Connection connection, Statement statement) throws SQLException {
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            if (prepared.isWrapperFor(PGStatement.class)) {
                prepared.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            Object[] parameters = statement.parameters();
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof String[] texts) {
                    prepared.setArray(i + 1, connection.createArrayOf("text", texts));
                } else {
                    prepared.setObject(i + 1, parameters[i]);
                }
            }
            List<StoredAuditEvent> found = new ArrayList<>();
            try (ResultSet rows = prepared.executeQuery()) {
                while (rows.next()) {
                    found.add(stored(rows));
                }
            }
            return found;
        }
    }

    private static void criterion(StringBuilder where, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            parameters.add(value);
        }
    }

    static StoredAuditEvent stored(ResultSet row) throws SQLException {
        return AuditEventRows.stored(row, AuditEventRows.FOUND);
    }
}
