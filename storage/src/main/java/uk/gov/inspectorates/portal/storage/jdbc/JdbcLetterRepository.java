package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
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
import uk.gov.inspectorates.portal.core.letter.Letter;
import uk.gov.inspectorates.portal.core.letter.LetterKind;
import uk.gov.inspectorates.portal.core.letter.LetterRepository;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/** Letters of reports (V9 {@code report_letter}); also what a report's removal must take with it. */
public final class JdbcLetterRepository implements LetterRepository {

    private final Jdbc jdbc;

    public JdbcLetterRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void add(Letter letter) {
        AcceptedDocument document = letter.document();
        StoredContent content = document.content();
        jdbc.update("insert into report_letter (id, report_id, originator, kind, addressed_to, classification_tier, "
                        + "classification_descriptor, handling_instructions, service_provider_notified_first, "
                        + "risk_summary, added_by, added_at, file_name, media_type, object_key, wrapping_key_id, "
                        + "wrapped_data_key, plaintext_bytes, stored_bytes, plaintext_sha256, key_scope_kind, "
                        + "key_scope_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                letter.id(), letter.reportId(), letter.originator().name(), letter.kind().name(),
                letter.addressedTo().stream().map(Enum::name).sorted().toArray(String[]::new),
                letter.classification().tier().name(), letter.classification().descriptor(),
                letter.handlingInstructions(), letter.serviceProviderNotifiedFirst(), letter.riskSummary(),
                letter.addedBy(), Jdbc.timestamp(letter.addedAt()), document.fileName(), document.mediaType(),
                content.objectKey(), content.dataKey().wrappingKeyId(), content.dataKey().ciphertext(),
                content.plaintextBytes(), content.storedBytes(), content.plaintextSha256(),
                content.scope().kind().name(), content.scope().id());
    }

    @Override
    public Optional<Letter> find(String reportId, String letterId) {
        return jdbc.query("select * from report_letter where report_id = ? and id = ?", JdbcLetterRepository::letter,
                reportId, letterId).stream().findFirst();
    }

    @Override
    public List<Letter> ofReport(String reportId) {
        return jdbc.query("select * from report_letter where report_id = ? order by added_at, id",
                JdbcLetterRepository::letter, reportId);
    }

    @Override
    public List<Letter> ofReports(Collection<String> reportIds) {
        if (reportIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select * from report_letter where report_id = any (?)", JdbcLetterRepository::letter,
                (Object) reportIds.toArray(String[]::new));
    }

    @Override
    public Optional<Letter> findStandalone(String letterId) {
        return jdbc.query("select * from report_letter where id = ? and report_id is null",
                JdbcLetterRepository::letter, letterId).stream().findFirst();
    }

    @Override
    public List<Letter> standalone() {
        return jdbc.query("select * from report_letter where report_id is null order by added_at, id",
                JdbcLetterRepository::letter);
    }

    @Override
    public boolean link(String letterId, String reportId, StoredContent moved) {
        return jdbc.update("update report_letter set report_id = ?, object_key = ?, wrapping_key_id = ?, "
                        + "wrapped_data_key = ?, plaintext_bytes = ?, stored_bytes = ?, plaintext_sha256 = ?, "
                        + "key_scope_kind = ?, key_scope_id = ? where id = ? and report_id is null",
                reportId, moved.objectKey(), moved.dataKey().wrappingKeyId(), moved.dataKey().ciphertext(),
                moved.plaintextBytes(), moved.storedBytes(), moved.plaintextSha256(), moved.scope().kind().name(),
                moved.scope().id(), letterId) == 1;
    }

    @Override
    public boolean deleteStandalone(String letterId) {
        return jdbc.update("delete from report_letter where id = ? and report_id is null", letterId) == 1;
    }

    @Override
    public List<StoredContent> contentsOf(String reportId) {
        return ofReport(reportId).stream().map(letter -> letter.document().content()).toList();
    }

    @Override
    public void deleteOf(String reportId) {
        jdbc.update("delete from report_letter where report_id = ?", reportId);
    }

    private static Letter letter(ResultSet row) throws SQLException {
        KeyScope scope = new KeyScope(KeyScope.Kind.valueOf(row.getString("key_scope_kind")),
                row.getString("key_scope_id"));
        StoredContent content = new StoredContent(scope, row.getString("object_key"),
                new WrappedKey(row.getString("wrapping_key_id"), row.getBytes("wrapped_data_key")),
                row.getLong("plaintext_bytes"), row.getLong("stored_bytes"), row.getString("plaintext_sha256"));
        return new Letter(row.getString("id"), row.getString("report_id"),
                Inspectorate.valueOf(row.getString("originator")), LetterKind.valueOf(row.getString("kind")),
                JdbcOrganisationDirectory.texts(row.getArray("addressed_to")).stream().map(Inspectorate::valueOf)
                        .collect(Collectors.toSet()),
                new Classification(Tier.valueOf(row.getString("classification_tier")),
                        row.getString("classification_descriptor")),
                row.getString("handling_instructions"), row.getBoolean("service_provider_notified_first"),
                row.getString("risk_summary"), row.getString("added_by"), Jdbc.instant(row, "added_at"),
                new AcceptedDocument(row.getString("file_name"), row.getString("media_type"), content));
    }
}
