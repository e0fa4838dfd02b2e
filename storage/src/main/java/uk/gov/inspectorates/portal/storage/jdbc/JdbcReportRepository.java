package uk.gov.inspectorates.portal.storage.jdbc;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.document.WrappedKey;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.report.ReportType;
import uk.gov.inspectorates.portal.core.report.Attestations;
import uk.gov.inspectorates.portal.core.report.Publication;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportRepository;
import uk.gov.inspectorates.portal.core.report.Withdrawal;

public final class JdbcReportRepository implements ReportRepository {

    /** A report with its named agency recipients (V17: only a findings letter has any). */
    private static final String SELECT = "select report.*, array(select user_id from report_agency_recipient r "
            + "where r.report_id = report.id order by user_id) as agency_recipients from report";

    private final Jdbc jdbc;

    public JdbcReportRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void add(Report report) {
        AcceptedDocument document = report.document();
        StoredContent content = document.content();
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "insert into report (id, title, report_type, subject, classification_tier, "
                            + "classification_descriptor, handling_instructions, subject_had_chance_to_comment, "
                            + "content_final, subject_has_final_under_embargo, originator, addressees, "
                            + "expected_publication, shared_by, shared_at, file_name, media_type, object_key, "
                            + "wrapping_key_id, wrapped_data_key, plaintext_bytes, stored_bytes, plaintext_sha256, "
                            + "key_scope_kind, key_scope_id) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    report.id(), report.title(), report.type().code(), report.subject(),
                    report.classification().tier().name(), report.classification().descriptor(),
                    report.handlingInstructions(), report.attestations().subjectHadChanceToComment(),
                    report.attestations().contentFinal(), report.attestations().subjectHasFinalUnderEmbargo(),
                    report.originator().name(),
                    report.addressees().stream().map(Enum::name).sorted().toArray(String[]::new),
                    report.expectedPublication(), report.sharedBy(),
                    Jdbc.timestamp(report.sharedAt()), document.fileName(), document.mediaType(), content.objectKey(),
                    content.dataKey().wrappingKeyId(), content.dataKey().ciphertext(), content.plaintextBytes(),
                    content.storedBytes(), content.plaintextSha256(), content.scope().kind().name(),
                    content.scope().id());
            for (String recipient : report.agencyRecipients()) {
                Jdbc.update(connection, "insert into report_agency_recipient (report_id, user_id) values (?, ?)",
                        report.id(), recipient);
            }
            return null;
        });
    }

    @Override
    public Optional<Report> find(String id) {
        return jdbc.query(SELECT + " where id = ?", JdbcReportRepository::report, id).stream().findFirst();
    }

    @Override
    public boolean recordPublication(String id, Publication publication, Instant now) {
        return jdbc.update("update report set published_url = ?, published_at = ?, publication_recorded_by = ?, "
                        + "publication_recorded_at = ? where id = ? and withdrawn_at is null "
                        + "and (published_at is null or published_at > ?)",
                publication.publishedUrl().toString(), Jdbc.timestamp(publication.publishedAt()),
                publication.recordedBy(), Jdbc.timestamp(publication.recordedAt()), id, Jdbc.timestamp(now)) == 1;
    }

    @Override
    public boolean recordWithdrawal(String id, Withdrawal withdrawal, Instant now) {
        return jdbc.update("update report set withdrawal_reason = ?, withdrawn_by = ?, withdrawn_at = ? "
                        + "where id = ? and withdrawn_at is null",
                withdrawal.reason(), withdrawal.withdrawnBy(), Jdbc.timestamp(withdrawal.withdrawnAt()), id) == 1;
    }

    @Override
    public boolean cancelScheduledPublication(String id, Instant now) {
        return jdbc.update("update report set published_url = null, published_at = null, "
                        + "publication_recorded_by = null, publication_recorded_at = null "
                        + "where id = ? and withdrawn_at is null and published_at > ?", id, Jdbc.timestamp(now)) == 1;
    }

    @Override
    public boolean delete(String id) {
        return jdbc.update("delete from report where id = ?", id) == 1;
    }

    @Override
    public List<Report> all() {
        return jdbc.query(SELECT + " order by shared_at desc, id", JdbcReportRepository::report);
    }

    private static Report report(ResultSet row) throws SQLException {
        KeyScope scope = new KeyScope(KeyScope.Kind.valueOf(row.getString("key_scope_kind")),
                row.getString("key_scope_id"));
        StoredContent content = new StoredContent(scope, row.getString("object_key"),
                new WrappedKey(row.getString("wrapping_key_id"), row.getBytes("wrapped_data_key")),
                row.getLong("plaintext_bytes"), row.getLong("stored_bytes"), row.getString("plaintext_sha256"));
        String typeCode = row.getString("report_type");
        return new Report(row.getString("id"), row.getString("title"),
                ReportType.byCode(typeCode)
                        .orElseThrow(() -> new IllegalStateException("unknown report type " + typeCode)),
                row.getString("subject"),
                new Classification(Tier.valueOf(row.getString("classification_tier")),
                        row.getString("classification_descriptor")),
                row.getString("handling_instructions"),
                new Attestations(row.getBoolean("subject_had_chance_to_comment"), row.getBoolean("content_final"),
                        row.getBoolean("subject_has_final_under_embargo")),
                Inspectorate.valueOf(row.getString("originator")),
                JdbcOrganisationDirectory.texts(row.getArray("addressees")).stream().map(Inspectorate::valueOf)
                        .collect(Collectors.toSet()),
                Jdbc.offsetDateTime(row, "expected_publication"), row.getString("shared_by"),
                Jdbc.instant(row, "shared_at"),
                new AcceptedDocument(row.getString("file_name"), row.getString("media_type"), content),
                publication(row), withdrawal(row),
                java.util.Set.copyOf(JdbcOrganisationDirectory.texts(row.getArray("agency_recipients"))));
    }

    private static Publication publication(ResultSet row) throws SQLException {
        String url = row.getString("published_url");
        return url == null ? null : new Publication(URI.create(url), Jdbc.instant(row, "published_at"),
                row.getString("publication_recorded_by"), Jdbc.instant(row, "publication_recorded_at"));
    }

    private static Withdrawal withdrawal(ResultSet row) throws SQLException {
        String reason = row.getString("withdrawal_reason");
        return reason == null ? null
                : new Withdrawal(reason, row.getString("withdrawn_by"), Jdbc.instant(row, "withdrawn_at"));
    }
}
