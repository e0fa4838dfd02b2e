package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.postinspection.ProposedActionStatements;
import uk.gov.inspectorates.portal.core.postinspection.StatementOfProposedAction;
import uk.gov.inspectorates.portal.core.postinspection.StatementReview;

/** Statements of proposed action and their reviews (V18 {@code statement_of_proposed_action}, {@code statement_review}). */
public final class JdbcProposedActionStatements implements ProposedActionStatements {

    private final Jdbc jdbc;

    public JdbcProposedActionStatements(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public boolean name(StatementOfProposedAction statement) {
        return jdbc.update("insert into statement_of_proposed_action (inspection_id, request_id, agency_id, due_at, "
                        + "named_by, named_at) values (?, ?, ?, ?, ?, ?) on conflict (inspection_id) do nothing",
                statement.inspectionId(), statement.requestId(), statement.agencyId(),
                Jdbc.timestamp(statement.dueAt()), statement.namedBy(), Jdbc.timestamp(statement.namedAt())) == 1;
    }

    @Override
    public Optional<StatementOfProposedAction> ofInspection(String inspectionId) {
        return jdbc.query("select * from statement_of_proposed_action where inspection_id = ?",
                JdbcProposedActionStatements::statement, inspectionId).stream().findFirst();
    }

    @Override
    public List<StatementOfProposedAction> all() {
        return jdbc.query("select * from statement_of_proposed_action order by due_at, inspection_id",
                JdbcProposedActionStatements::statement);
    }

    @Override
    public boolean review(StatementReview review) {
        return jdbc.update("insert into statement_review (document_id, inspection_id, outcome, comments, reviewed_by, "
                        + "reviewed_at) values (?, ?, ?, ?, ?, ?) on conflict (document_id) do nothing",
                review.documentId(), review.inspectionId(), review.outcome().name(), review.comments(),
                review.reviewedBy(), Jdbc.timestamp(review.reviewedAt())) == 1;
    }

    @Override
    public List<StatementReview> reviewsOf(String inspectionId) {
        return jdbc.query("select * from statement_review where inspection_id = ? order by reviewed_at, document_id",
                row -> new StatementReview(row.getString("document_id"), row.getString("inspection_id"),
                        StatementReview.Outcome.valueOf(row.getString("outcome")), row.getString("comments"),
                        row.getString("reviewed_by"), Jdbc.instant(row, "reviewed_at")), inspectionId);
    }

    private static StatementOfProposedAction statement(ResultSet row) throws SQLException {
        return new StatementOfProposedAction(row.getString("inspection_id"), row.getString("request_id"),
                row.getString("agency_id"), Jdbc.instant(row, "due_at"), row.getString("named_by"),
                Jdbc.instant(row, "named_at"));
    }
}
