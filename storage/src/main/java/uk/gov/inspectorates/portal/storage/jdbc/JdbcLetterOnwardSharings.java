package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.letter.LetterOnwardSharing;
import uk.gov.inspectorates.portal.core.letter.LetterOnwardSharings;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.report.OnwardSharing;

/** Letters' onward-sharing records (V19 {@code letter_onward_sharing}); they go with their letter's row. */
public final class JdbcLetterOnwardSharings implements LetterOnwardSharings {

    private final Jdbc jdbc;

    public JdbcLetterOnwardSharings(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void add(LetterOnwardSharing sharing) {
        jdbc.update("insert into letter_onward_sharing (id, letter_id, basis, recipient, evidence, requesting_party, "
                        + "requested_by, requested_at, status, decided_by, decided_at, decision_note) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                sharing.id(), sharing.letterId(), sharing.basis().name(), sharing.recipient(), sharing.evidence(),
                sharing.requestingParty().name(), sharing.requestedBy(), Jdbc.timestamp(sharing.requestedAt()),
                sharing.status().name(), sharing.decidedBy(), Jdbc.timestamp(sharing.decidedAt()),
                sharing.decisionNote());
    }

    @Override
    public Optional<LetterOnwardSharing> find(String letterId, String sharingId) {
        return jdbc.query("select * from letter_onward_sharing where letter_id = ? and id = ?",
                JdbcLetterOnwardSharings::sharing, letterId, sharingId).stream().findFirst();
    }

    @Override
    public boolean decide(LetterOnwardSharing decided) {
        return jdbc.update("update letter_onward_sharing set status = ?, decided_by = ?, decided_at = ?, "
                        + "decision_note = ? where id = ? and letter_id = ? and status = 'CONSENT_REQUESTED'",
                decided.status().name(), decided.decidedBy(), Jdbc.timestamp(decided.decidedAt()),
                decided.decisionNote(), decided.id(), decided.letterId()) == 1;
    }

    @Override
    public List<LetterOnwardSharing> ofLetter(String letterId) {
        return jdbc.query("select * from letter_onward_sharing where letter_id = ? order by requested_at, id",
                JdbcLetterOnwardSharings::sharing, letterId);
    }

    private static LetterOnwardSharing sharing(ResultSet row) throws SQLException {
        return new LetterOnwardSharing(row.getString("id"), row.getString("letter_id"),
                OnwardSharing.Basis.valueOf(row.getString("basis")), row.getString("recipient"),
                row.getString("evidence"), Inspectorate.valueOf(row.getString("requesting_party")),
                row.getString("requested_by"), Jdbc.instant(row, "requested_at"),
                OnwardSharing.Status.valueOf(row.getString("status")), row.getString("decided_by"),
                Jdbc.instant(row, "decided_at"), row.getString("decision_note"));
    }
}
