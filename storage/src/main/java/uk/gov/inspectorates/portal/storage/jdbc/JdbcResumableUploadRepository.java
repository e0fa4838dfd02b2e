package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.PartedContent;
import uk.gov.inspectorates.portal.core.document.ResumableUpload;
import uk.gov.inspectorates.portal.core.document.ResumableUploadRepository;
import uk.gov.inspectorates.portal.core.document.UploadPurpose;
import uk.gov.inspectorates.portal.core.document.WrappedKey;

/** {@link ResumableUploadRepository} on PostgreSQL: one row per upload, one per stored part (migration V3). */
public final class JdbcResumableUploadRepository implements ResumableUploadRepository {

    private final Jdbc jdbc;

    public JdbcResumableUploadRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void add(ResumableUpload upload) {
        PartedContent content = upload.content();
        jdbc.update("insert into resumable_upload (id, owner_user_id, owner_organisation, purpose, file_name, status, "
                        + "media_type, plaintext_sha256, key_scope_kind, key_scope_id, object_key, parts_upload_id, "
                        + "wrapping_key_id, wrapped_data_key, envelope_header, length, part_size, stored_bytes, "
                        + "created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                upload.id(), upload.ownerUserId(), upload.ownerOrganisationId(), upload.purpose().name(),
                upload.fileName(), upload.status().name(), upload.mediaType(), upload.plaintextSha256(),
                content.scope().kind().name(), content.scope().id(), content.objectKey(), content.partsUploadId(),
                content.dataKey().wrappingKeyId(), content.dataKey().ciphertext(), content.envelopeHeader(),
                content.length(), content.partSize(), content.storedBytes(), Jdbc.timestamp(upload.createdAt()),
                Jdbc.timestamp(upload.expiresAt()));
    }

    @Override
    public Optional<ResumableUpload> find(String id) {
        return jdbc.inTransaction(connection -> {
            Map<Integer, String> tags = new HashMap<>();
            Jdbc.query(connection, "select part_number, tag from resumable_upload_part where upload_id = ?",
                    row -> tags.put(row.getInt("part_number"), row.getString("tag")), id);
            return Jdbc.query(connection, "select * from resumable_upload where id = ?",
                    row -> upload(row, tags), id).stream().findFirst();
        });
    }

    @Override
    public void recordPart(String id, int part, String tag, Instant expiresAt) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "insert into resumable_upload_part (upload_id, part_number, tag) values (?, ?, ?) "
                    + "on conflict (upload_id, part_number) do update set tag = excluded.tag", id, part, tag);
            return Jdbc.update(connection, "update resumable_upload set expires_at = ? where id = ?",
                    Jdbc.timestamp(expiresAt), id);
        });
    }

    @Override
    public void recordMediaType(String id, String mediaType) {
        jdbc.update("update resumable_upload set media_type = ? where id = ?", mediaType, id);
    }

    @Override
    public void markAssembled(String id) {
        jdbc.update("update resumable_upload set status = 'ASSEMBLED' where id = ? and status = 'RECEIVING'", id);
    }

    @Override
    public void markReady(String id, String plaintextSha256) {
        jdbc.update("update resumable_upload set status = 'READY', plaintext_sha256 = ? where id = ?",
                plaintextSha256, id);
    }

    @Override
    public boolean remove(String id) {
        return jdbc.update("delete from resumable_upload where id = ?", id) == 1;
    }

    @Override
    public int countUnfinished(String ownerUserId, Instant now) {
        return jdbc.query("select count(*) from resumable_upload where owner_user_id = ? and status <> 'READY' "
                + "and expires_at > ?", row -> row.getInt(1), ownerUserId, Jdbc.timestamp(now)).get(0);
    }

    @Override
    public List<ResumableUpload> all() {
        // parts are not needed to list or discard an upload
        return jdbc.query("select * from resumable_upload order by expires_at, id", row -> upload(row, Map.of()));
    }

    private static ResumableUpload upload(ResultSet row, Map<Integer, String> tags) throws SQLException {
        PartedContent content = new PartedContent(
                new KeyScope(KeyScope.Kind.valueOf(row.getString("key_scope_kind")), row.getString("key_scope_id")),
                row.getString("object_key"), row.getString("parts_upload_id"),
                new WrappedKey(row.getString("wrapping_key_id"), row.getBytes("wrapped_data_key")),
                row.getBytes("envelope_header"), row.getLong("length"), row.getInt("part_size"),
                row.getLong("stored_bytes"));
        return new ResumableUpload(row.getString("id"), row.getString("owner_user_id"),
                row.getString("owner_organisation"), UploadPurpose.valueOf(row.getString("purpose")),
                row.getString("file_name"), content, ResumableUpload.Status.valueOf(row.getString("status")), tags,
                row.getString("media_type"), row.getString("plaintext_sha256"), Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "expires_at"));
    }
}
