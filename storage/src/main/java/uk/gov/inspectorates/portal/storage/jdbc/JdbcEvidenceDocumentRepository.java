package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.document.WrappedKey;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocument;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocumentRepository;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/** Evidence documents (V12 {@code evidence_document}): metadata and wrapped data key; the bytes are in the store. */
public final class JdbcEvidenceDocumentRepository implements EvidenceDocumentRepository {

    private final Jdbc jdbc;

    public JdbcEvidenceDocumentRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void add(EvidenceDocument document) {
        AcceptedDocument accepted = document.document();
        StoredContent content = accepted.content();
        jdbc.update("insert into evidence_document (id, inspection_id, request_id, agency_id, requested_by, "
                        + "classification_tier, classification_descriptor, uploaded_by, uploaded_at, file_name, "
                        + "media_type, object_key, wrapping_key_id, wrapped_data_key, plaintext_bytes, stored_bytes, "
                        + "plaintext_sha256, key_scope_kind, key_scope_id) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                document.id(), document.inspectionId(), document.requestId(), document.agencyId(),
                document.requestedBy().name(), document.classification().tier().name(),
                document.classification().descriptor(), document.uploadedBy(), Jdbc.timestamp(document.uploadedAt()),
                accepted.fileName(), accepted.mediaType(), content.objectKey(), content.dataKey().wrappingKeyId(),
                content.dataKey().ciphertext(), content.plaintextBytes(), content.storedBytes(),
                content.plaintextSha256(), content.scope().kind().name(), content.scope().id());
    }

    @Override
    public Optional<EvidenceDocument> find(String id) {
        return jdbc.query("select * from evidence_document where id = ?", JdbcEvidenceDocumentRepository::document, id)
                .stream().findFirst();
    }

    @Override
    public List<EvidenceDocument> ofInspection(String inspectionId) {
        return jdbc.query("select * from evidence_document where inspection_id = ? order by uploaded_at, id",
                JdbcEvidenceDocumentRepository::document, inspectionId);
    }

    private static EvidenceDocument document(ResultSet row) throws SQLException {
        KeyScope scope = new KeyScope(KeyScope.Kind.valueOf(row.getString("key_scope_kind")),
                row.getString("key_scope_id"));
        StoredContent content = new StoredContent(scope, row.getString("object_key"),
                new WrappedKey(row.getString("wrapping_key_id"), row.getBytes("wrapped_data_key")),
                row.getLong("plaintext_bytes"), row.getLong("stored_bytes"), row.getString("plaintext_sha256"));
        return new EvidenceDocument(row.getString("id"), row.getString("inspection_id"), row.getString("request_id"),
                row.getString("agency_id"), Inspectorate.valueOf(row.getString("requested_by")),
                new Classification(Tier.valueOf(row.getString("classification_tier")),
                        row.getString("classification_descriptor")),
                row.getString("uploaded_by"), Jdbc.instant(row, "uploaded_at"),
                new AcceptedDocument(row.getString("file_name"), row.getString("media_type"), content));
    }
}
