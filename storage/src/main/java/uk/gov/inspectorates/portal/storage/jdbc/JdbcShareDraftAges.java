package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.retention.AgedRecords;
import uk.gov.inspectorates.portal.core.retention.RetentionCategory;

/** Share task list drafts, counted from their last change (SHARE_DRAFTS). */
public final class JdbcShareDraftAges implements AgedRecords {

    private final Jdbc jdbc;

    public JdbcShareDraftAges(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public RetentionCategory category() {
        return RetentionCategory.SHARE_DRAFTS;
    }

    @Override
    public String kind() {
        return "SHARE_DRAFT";
    }

    @Override
    public List<Aged> all() {
        return jdbc.query("select id, updated_at from report_share_draft order by updated_at, id",
                JdbcShareDraftAges::aged);
    }

    @Override
    public Optional<Aged> find(String id) {
        return jdbc.query("select id, updated_at from report_share_draft where id = ?", JdbcShareDraftAges::aged, id)
                .stream().findFirst();
    }

    /** Not when saved again since: its period starts over. */
    @Override
    public boolean remove(String id, Instant since) {
        return jdbc.update("delete from report_share_draft where id = ? and updated_at = ?", id,
                Jdbc.timestamp(since)) == 1;
    }

    private static Aged aged(ResultSet row) throws SQLException {
        return new Aged(row.getString("id"), "a report share draft", Jdbc.instant(row, "updated_at"));
    }
}
