package uk.gov.inspectorates.portal.storage.jdbc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.report.ShareDraft;
import uk.gov.inspectorates.portal.core.report.ShareDrafts;

public final class JdbcShareDrafts implements ShareDrafts {

    private final Jdbc jdbc;

    public JdbcShareDrafts(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** The row and its fields in one transaction: a draft is never seen half-saved. */
    @Override
    public void save(ShareDraft draft) {
        jdbc.inTransaction(connection -> {
            int updated = Jdbc.update(connection, "update report_share_draft set updated_at = ? "
                    + "where id = ? and owner_id = ?", Jdbc.timestamp(draft.updatedAt()), draft.id(), draft.ownerId());
            if (updated == 0) {
                Jdbc.update(connection, "insert into report_share_draft (id, owner_id, updated_at) values (?, ?, ?)",
                        draft.id(), draft.ownerId(), Jdbc.timestamp(draft.updatedAt()));
            }
            Jdbc.update(connection, "delete from report_share_draft_field where draft_id = ?", draft.id());
            for (Map.Entry<String, String> field : draft.fields().entrySet()) {
                Jdbc.update(connection, "insert into report_share_draft_field (draft_id, name, value) values (?, ?, ?)",
                        draft.id(), field.getKey(), field.getValue());
            }
            return null;
        });
    }

    @Override
    public Optional<ShareDraft> find(String id, String ownerId) {
        return jdbc.withConnection(connection -> {
            List<java.time.Instant> updated = Jdbc.query(connection, "select updated_at from report_share_draft "
                    + "where id = ? and owner_id = ?", row -> Jdbc.instant(row, "updated_at"), id, ownerId);
            if (updated.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> fields = new HashMap<>();
            Jdbc.query(connection, "select name, value from report_share_draft_field where draft_id = ?",
                    row -> fields.put(row.getString("name"), row.getString("value")), id);
            return Optional.of(new ShareDraft(id, ownerId, fields, updated.get(0)));
        });
    }

    @Override
    public List<ShareDraft> ofOwner(String ownerId) {
        List<String> ids = jdbc.query("select id from report_share_draft where owner_id = ? order by updated_at desc, id",
                row -> row.getString("id"), ownerId);
        return ids.stream().map(id -> find(id, ownerId)).flatMap(Optional::stream).toList();
    }

    @Override
    public void delete(String id, String ownerId) {
        jdbc.update("delete from report_share_draft where id = ? and owner_id = ?", id, ownerId);
    }
}
