package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.postinspection.Challenge;
import uk.gov.inspectorates.portal.core.postinspection.Challenges;

/** Challenges and complaints about inspections (V18 {@code inspection_challenge}). */
public final class JdbcChallenges implements Challenges {

    private final Jdbc jdbc;

    public JdbcChallenges(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void add(Challenge challenge) {
        jdbc.update("insert into inspection_challenge (id, inspection_id, kind, complainant, summary, received_at, "
                        + "acknowledge_by, respond_by, late, recorded_by, recorded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                challenge.id(), challenge.inspectionId(), challenge.kind().name(), challenge.complainant(),
                challenge.summary(), Jdbc.timestamp(challenge.receivedAt()), Jdbc.timestamp(challenge.acknowledgeBy()),
                Jdbc.timestamp(challenge.respondBy()), challenge.late(), challenge.recordedBy(),
                Jdbc.timestamp(challenge.recordedAt()));
    }

    @Override
    public Optional<Challenge> find(String inspectionId, String challengeId) {
        return jdbc.query("select * from inspection_challenge where inspection_id = ? and id = ?",
                JdbcChallenges::challenge, inspectionId, challengeId).stream().findFirst();
    }

    @Override
    public List<Challenge> ofInspection(String inspectionId) {
        return jdbc.query("select * from inspection_challenge where inspection_id = ? order by received_at, id",
                JdbcChallenges::challenge, inspectionId);
    }

    @Override
    public List<Challenge> unanswered() {
        return jdbc.query("select * from inspection_challenge where responded_at is null order by respond_by, id",
                JdbcChallenges::challenge);
    }

    @Override
    public boolean acknowledge(String challengeId, Instant at, String by) {
        return jdbc.update("update inspection_challenge set acknowledged_at = ?, acknowledged_by = ? "
                + "where id = ? and acknowledged_at is null and responded_at is null",
                Jdbc.timestamp(at), by, challengeId) == 1;
    }

    @Override
    public boolean respond(String challengeId, Instant at, String by, String response) {
        return jdbc.update("update inspection_challenge set responded_at = ?, responded_by = ?, response_summary = ? "
                + "where id = ? and responded_at is null", Jdbc.timestamp(at), by, response, challengeId) == 1;
    }

    private static Challenge challenge(ResultSet row) throws SQLException {
        return new Challenge(row.getString("id"), row.getString("inspection_id"),
                Challenge.Kind.valueOf(row.getString("kind")), row.getString("complainant"), row.getString("summary"),
                Jdbc.instant(row, "received_at"), Jdbc.instant(row, "acknowledge_by"), Jdbc.instant(row, "respond_by"),
                row.getBoolean("late"), row.getString("recorded_by"), Jdbc.instant(row, "recorded_at"),
                Jdbc.instant(row, "acknowledged_at"), row.getString("acknowledged_by"),
                Jdbc.instant(row, "responded_at"), row.getString("responded_by"), row.getString("response_summary"));
    }
}
