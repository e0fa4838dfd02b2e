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
import uk.gov.inspectorates.portal.core.findings.AccuracyCheck;
import uk.gov.inspectorates.portal.core.findings.FindingsDocument;
import uk.gov.inspectorates.portal.core.findings.FindingsLetter;
import uk.gov.inspectorates.portal.core.findings.FindingsLetterIssue;
import uk.gov.inspectorates.portal.core.findings.FindingsLetters;
import uk.gov.inspectorates.portal.core.findings.SignOff;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/** Findings letters (V17 {@code findings_letter_*}): each step is one row, inserted once. */
public final class JdbcFindingsLetters implements FindingsLetters {

    private final Jdbc jdbc;

    public JdbcFindingsLetters(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public FindingsLetter of(String inspectionId) {
        return jdbc.withConnection(connection -> new FindingsLetter(inspectionId,
                Jdbc.query(connection, "select * from findings_letter_document where inspection_id = ? "
                        + "order by uploaded_at, version", JdbcFindingsLetters::document, inspectionId),
                Jdbc.query(connection, "select * from findings_letter_sign_off where inspection_id = ? "
                        + "order by signed_at, inspectorate", JdbcFindingsLetters::signOff, inspectionId),
                Jdbc.query(connection, "select * from findings_letter_accuracy_check where inspection_id = ?",
                        JdbcFindingsLetters::check, inspectionId).stream().findFirst().orElse(null),
                Jdbc.query(connection, "select * from findings_letter_issue where inspection_id = ?",
                        JdbcFindingsLetters::issue, inspectionId).stream().findFirst().orElse(null)));
    }

    @Override
    public boolean addDocument(FindingsDocument document) {
        AcceptedDocument accepted = document.document();
        StoredContent content = accepted.content();
        return jdbc.update("insert into findings_letter_document (id, inspection_id, kind, version, "
                        + "classification_tier, classification_descriptor, uploaded_by, uploaded_by_name, uploaded_at, "
                        + "file_name, media_type, object_key, wrapping_key_id, wrapped_data_key, plaintext_bytes, "
                        + "stored_bytes, plaintext_sha256, key_scope_kind, key_scope_id) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict (inspection_id, kind, version) do nothing",
                document.id(), document.inspectionId(), document.kind().name(), document.version(),
                document.classification().tier().name(), document.classification().descriptor(),
                document.uploadedBy(), document.uploadedByName() == null ? "" : document.uploadedByName(),
                Jdbc.timestamp(document.uploadedAt()), accepted.fileName(), accepted.mediaType(),
                content.objectKey(), content.dataKey().wrappingKeyId(), content.dataKey().ciphertext(),
                content.plaintextBytes(), content.storedBytes(), content.plaintextSha256(),
                content.scope().kind().name(), content.scope().id()) == 1;
    }

    @Override
    public boolean addSignOff(SignOff signOff) {
        return jdbc.update("insert into findings_letter_sign_off (inspection_id, version, inspectorate, signed_by, "
                        + "signed_by_name, signed_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing",
                signOff.inspectionId(), signOff.version(), signOff.inspectorate().name(), signOff.signedBy(),
                signOff.signedByName(), Jdbc.timestamp(signOff.signedAt())) == 1;
    }

    @Override
    public boolean startAccuracyCheck(AccuracyCheck check) {
        return jdbc.update("insert into findings_letter_accuracy_check (inspection_id, version, dcs_user_id, "
                        + "dcs_agency_id, sent_by, sent_at, due_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                check.inspectionId(), check.version(), check.dcsUserId(), check.dcsAgencyId(), check.sentBy(),
                Jdbc.timestamp(check.sentAt()), Jdbc.timestamp(check.dueAt())) == 1;
    }

    @Override
    public boolean recordIssue(FindingsLetterIssue issue) {
        return jdbc.update("insert into findings_letter_issue (inspection_id, report_id, version, chair_user_id, "
                        + "issued_by, issued_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing",
                issue.inspectionId(), issue.reportId(), issue.version(), issue.chairUserId(), issue.issuedBy(),
                Jdbc.timestamp(issue.issuedAt())) == 1;
    }

    @Override
    public Optional<FindingsLetterIssue> issueOf(String inspectionId) {
        return jdbc.query("select * from findings_letter_issue where inspection_id = ?", JdbcFindingsLetters::issue,
                inspectionId).stream().findFirst();
    }

    @Override
    public List<AccuracyCheck> openAccuracyChecks() {
        return jdbc.query("select c.* from findings_letter_accuracy_check c where not exists (select 1 from "
                + "findings_letter_document d where d.inspection_id = c.inspection_id and d.kind = 'COMMENTS') "
                + "and not exists (select 1 from findings_letter_document d where d.inspection_id = c.inspection_id "
                + "and d.kind = 'LETTER' and d.version > c.version) "
                + "and not exists (select 1 from findings_letter_issue i where i.inspection_id = c.inspection_id) "
                + "and not exists (select 1 from inspection_closure x where x.inspection_id = c.inspection_id) "
                + "order by c.due_at", JdbcFindingsLetters::check);
    }

    private static FindingsDocument document(ResultSet row) throws SQLException {
        KeyScope scope = new KeyScope(KeyScope.Kind.valueOf(row.getString("key_scope_kind")),
                row.getString("key_scope_id"));
        StoredContent content = new StoredContent(scope, row.getString("object_key"),
                new WrappedKey(row.getString("wrapping_key_id"), row.getBytes("wrapped_data_key")),
                row.getLong("plaintext_bytes"), row.getLong("stored_bytes"), row.getString("plaintext_sha256"));
        return new FindingsDocument(row.getString("id"), row.getString("inspection_id"),
                FindingsDocument.Kind.valueOf(row.getString("kind")), row.getInt("version"),
                new Classification(Tier.valueOf(row.getString("classification_tier")),
                        row.getString("classification_descriptor")),
                row.getString("uploaded_by"), row.getString("uploaded_by_name"), Jdbc.instant(row, "uploaded_at"),
                new AcceptedDocument(row.getString("file_name"), row.getString("media_type"), content));
    }

    private static SignOff signOff(ResultSet row) throws SQLException {
        return new SignOff(row.getString("inspection_id"), row.getInt("version"),
                Inspectorate.valueOf(row.getString("inspectorate")), row.getString("signed_by"),
                row.getString("signed_by_name"), Jdbc.instant(row, "signed_at"));
    }

    private static AccuracyCheck check(ResultSet row) throws SQLException {
        return new AccuracyCheck(row.getString("inspection_id"), row.getInt("version"), row.getString("dcs_user_id"),
                row.getString("dcs_agency_id"), row.getString("sent_by"), Jdbc.instant(row, "sent_at"),
                Jdbc.instant(row, "due_at"));
    }

    private static FindingsLetterIssue issue(ResultSet row) throws SQLException {
        return new FindingsLetterIssue(row.getString("inspection_id"), row.getString("report_id"),
                row.getInt("version"), row.getString("chair_user_id"), row.getString("issued_by"),
                Jdbc.instant(row, "issued_at"));
    }
}
