package uk.gov.inspectorates.portal.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.document.WrappedKey;
import uk.gov.inspectorates.portal.core.letter.Letter;
import uk.gov.inspectorates.portal.core.letter.LetterKind;
import uk.gov.inspectorates.portal.core.letter.LetterOnwardSharing;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.report.AnnexBReportTypes;
import uk.gov.inspectorates.portal.core.report.Attestations;
import uk.gov.inspectorates.portal.core.report.OnwardSharing;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/**
 * V9 and V19 on real PostgreSQL: letters read back whole, kept in their report's key scope, gone with their report;
 * every new letter confirms the provider was notified first; onward-sharing records kept with their letter.
 */
class LetterStorageTest {

    private static final Instant NOW = Instant.parse("2030-03-02T09:00:00Z");

    private static DataSource dataSource;
    private static JdbcReportRepository reports;
    private static JdbcLetterRepository letters;
    private static JdbcLetterOnwardSharings sharings;

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.migrated();
        JdbcOrganisationDirectory directory = new JdbcOrganisationDirectory(dataSource);
        directory.saveOrganisation(Organisation.of(Inspectorate.OFSTED));
        directory.saveUser(new UserAccount("ofsted-inspector", "ofsted.inspector", "An Inspector",
                Inspectorate.OFSTED.organisationId(), Set.of(Role.INSPECTOR), Set.of(), null));
        reports = new JdbcReportRepository(dataSource);
        letters = new JdbcLetterRepository(dataSource);
        sharings = new JdbcLetterOnwardSharings(dataSource);
    }

    @Test
    void aLetterIsReadBackWholeUnderItsOwnReportOnly() {
        Report report = aReport();
        Letter advance = letter(report, LetterKind.ADVANCE_RISK_OF_HARM, true, "children at risk");
        Letter covering = letter(report, LetterKind.COVERING, true, null);
        letters.add(advance);
        letters.add(covering);

        Letter read = letters.find(report.id(), advance.id()).orElseThrow();
        assertEquals(advance.id(), read.id());
        assertEquals(LetterKind.ADVANCE_RISK_OF_HARM, read.kind());
        assertEquals(Set.of(Inspectorate.CQC), read.addressedTo());
        assertEquals("OFFICIAL-SENSITIVE PERSONAL", read.classification().marking());
        assertEquals("Named individuals: do not copy", read.handlingInstructions());
        assertTrue(read.serviceProviderNotifiedFirst());
        assertEquals("children at risk", read.riskSummary());
        assertEquals(NOW, read.addedAt());
        assertEquals(advance.document().content().objectKey(), read.document().content().objectKey());
        assertEquals(KeyScope.report(report.id()), read.document().content().scope());
        assertEquals(Set.of(advance.id(), covering.id()), letters.ofReport(report.id()).stream().map(Letter::id)
                .collect(java.util.stream.Collectors.toSet()));
        assertTrue(letters.find(aReport().id(), advance.id()).isEmpty(), "not under another report");
        assertEquals(2, letters.ofReports(List.of(report.id(), "no-such-report")).size());
        assertEquals(List.of(), letters.ofReports(List.of()));
    }

    @Test
    void theSchemaRefusesAnAdvanceLetterWithoutItsConfirmationAndALetterOutsideItsReportsScope() throws Exception {
        Report report = aReport();
        Letter letter = letter(report, LetterKind.COVERING, true, null);
        letters.add(letter);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThrows(Exception.class, () -> statement.executeUpdate("update report_letter set kind = "
                    + "'ADVANCE_RISK_OF_HARM' where id = '" + letter.id() + "'"), "no confirmation, no summary");
            assertThrows(Exception.class, () -> statement.executeUpdate("update report_letter set key_scope_id = "
                    + "'elsewhere' where id = '" + letter.id() + "'"), "only the report's own key scope");
            assertThrows(Exception.class, () -> statement.executeUpdate("update report_letter set "
                    + "classification_tier = 'SECRET' where id = '" + letter.id() + "'"));
            assertThrows(Exception.class, () -> statement.executeUpdate("update report_letter set "
                    + "addressed_to = '{}' where id = '" + letter.id() + "'"));
        }
    }

    @Test
    void aReportsLettersAreListedForItsRemovalAndGoWithIt() {
        Report report = aReport();
        Letter letter = letter(report, LetterKind.COVERING, true, null);
        letters.add(letter);
        assertEquals(List.of(letter.document().content().objectKey()),
                letters.contentsOf(report.id()).stream().map(StoredContent::objectKey).toList());
        assertTrue(new JdbcSweepRecords(dataSource).referencedObjectKeys()
                .contains(letter.document().content().objectKey()), "the orphan sweep leaves a letter's object");

        assertTrue(reports.delete(report.id()));

        assertTrue(letters.ofReport(report.id()).isEmpty(), "the rows go with the report's");
        assertFalse(new JdbcSweepRecords(dataSource).referencedObjectKeys()
                .contains(letter.document().content().objectKey()));
    }

    @Test
    void deleteOfRemovesOnlyThatReportsLetters() {
        Report report = aReport();
        Report other = aReport();
        letters.add(letter(report, LetterKind.COVERING, true, null));
        letters.add(letter(other, LetterKind.COVERING, true, null));

        letters.deleteOf(report.id());

        assertTrue(letters.ofReport(report.id()).isEmpty());
        assertEquals(1, letters.ofReport(other.id()).size());
    }

    @Test
    void anAdvanceLetterSentAheadIsStandaloneUntilLinkedOnceIntoItsReportsScope() {
        String id = UUID.randomUUID().toString();
        String ownScope = UUID.randomUUID().toString();
        Letter ahead = new Letter(id, null, Inspectorate.OFSTED, LetterKind.ADVANCE_RISK_OF_HARM,
                Set.of(Inspectorate.CQC), Classification.of(Tier.OFFICIAL), "handle", true, "risk",
                "ofsted-inspector", NOW, new AcceptedDocument("a.pdf", "application/pdf", new StoredContent(
                        KeyScope.report(ownScope), "objects/" + id, new WrappedKey("kek-a", new byte[40]), 5, 6,
                        "ef".repeat(32))));
        letters.add(ahead);
        assertEquals(ownScope, letters.findStandalone(id).orElseThrow().document().content().scope().id());
        assertTrue(letters.standalone().stream().anyMatch(l -> l.id().equals(id)));

        Report report = aReport();
        StoredContent moved = new StoredContent(KeyScope.report(report.id()), "objects/moved-" + id,
                new WrappedKey("kek-" + report.id(), new byte[40]), 5, 6, "ef".repeat(32));
        assertTrue(letters.link(id, report.id(), moved));
        assertFalse(letters.link(id, report.id(), moved), "linked once");
        assertTrue(letters.findStandalone(id).isEmpty());
        Letter linked = letters.find(report.id(), id).orElseThrow();
        assertEquals("objects/moved-" + id, linked.document().content().objectKey());
        assertEquals(KeyScope.report(report.id()), linked.document().content().scope());
        assertFalse(letters.deleteStandalone(id), "a linked letter goes with its report only");
    }

    @Test
    void aCoveringLetterIsNeverSentAhead() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThrows(Exception.class, () -> statement.executeUpdate("insert into report_letter (id, originator, "
                    + "kind, addressed_to, classification_tier, handling_instructions, service_provider_notified_first,"
                    + " added_by, added_at, file_name, media_type, object_key, wrapping_key_id, wrapped_data_key, "
                    + "plaintext_bytes, stored_bytes, plaintext_sha256, key_scope_kind, key_scope_id) values ('x', "
                    + "'OFSTED', 'COVERING', '{CQC}', 'OFFICIAL', 'h', true, 'u', now(), 'f', 'm', 'o', 'k', '\\x00',"
                    + " 1, 1, 's', 'REPORT', 'x')"));
        }
    }

    @Test
    void aLetterNeedsAnExistingReport() {
        Report gone = aReport();
        reports.delete(gone.id());

        assertThrows(RuntimeException.class, () -> letters.add(letter(gone, LetterKind.COVERING, true, null)));
    }

    @Test
    void everyNewLetterRecordsThatTheServiceProviderWasNotifiedFirst() {
        // ISP ¶7, V19: covering letters too
        Report report = aReport();

        assertThrows(RuntimeException.class, () -> letters.add(letter(report, LetterKind.COVERING, false, null)));
        assertTrue(letters.ofReport(report.id()).isEmpty());
    }

    @Test
    void aLettersOnwardSharingIsKeptWithTheLetterAndGoesWithIt() {
        Report report = aReport();
        Letter letter = letter(report, LetterKind.COVERING, true, null);
        letters.add(letter);
        LetterOnwardSharing asked = new LetterOnwardSharing(UUID.randomUUID().toString(), letter.id(),
                OnwardSharing.Basis.WRITTEN_CONSENT, "Local safeguarding board", null, Inspectorate.CQC, "cqc-reader",
                NOW, OnwardSharing.Status.CONSENT_REQUESTED, null, null, null);
        LetterOnwardSharing court = new LetterOnwardSharing(UUID.randomUUID().toString(), letter.id(),
                OnwardSharing.Basis.LEGAL_OBLIGATION, "Family Court", "Order FD26P00123", Inspectorate.CQC,
                "cqc-reader", NOW.plusSeconds(1), OnwardSharing.Status.RECORDED, null, null, null);
        sharings.add(asked);
        sharings.add(court);

        assertEquals(List.of(asked, court), sharings.ofLetter(letter.id()));
        assertEquals(asked, sharings.find(letter.id(), asked.id()).orElseThrow());
        assertTrue(sharings.find("another-letter", asked.id()).isEmpty());
        LetterOnwardSharing granted = asked.decided(true, "ofsted-inspector", NOW.plusSeconds(60), "agreed");
        assertTrue(sharings.decide(granted));
        assertFalse(sharings.decide(asked.decided(false, "ofsted-inspector", NOW.plusSeconds(61), null)),
                "answered once");
        assertEquals(granted, sharings.find(letter.id(), asked.id()).orElseThrow());

        reports.delete(report.id());
        assertTrue(sharings.ofLetter(letter.id()).isEmpty(), "gone with the letter, gone with its report");
    }

    @Test
    void theSchemaRefusesALetterInThePublicDomainAndAnUnnamedLegalObligation() throws Exception {
        Report report = aReport();
        Letter letter = letter(report, LetterKind.COVERING, true, null);
        letters.add(letter);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String basisAndEvidence : List.of("'PUBLIC_DOMAIN', 'published'", "'LEGAL_OBLIGATION', null")) {
                assertThrows(Exception.class, () -> statement.executeUpdate("insert into letter_onward_sharing (id,"
                        + " letter_id, basis, evidence, recipient, requesting_party, requested_by, requested_at, status)"
                        + " values ('" + UUID.randomUUID() + "', '" + letter.id() + "', " + basisAndEvidence
                        + ", 'someone', 'CQC', 'u', now(), 'RECORDED')"), basisAndEvidence);
            }
        }
    }

    private static Letter letter(Report report, LetterKind kind, boolean notifiedFirst, String riskSummary) {
        String id = UUID.randomUUID().toString();
        StoredContent content = new StoredContent(KeyScope.report(report.id()), "objects/" + id,
                new WrappedKey("kek-" + report.id(), new byte[40]), 500, 600, "cd".repeat(32));
        return new Letter(id, report.id(), Inspectorate.OFSTED, kind, Set.of(Inspectorate.CQC),
                new Classification(Tier.OFFICIAL_SENSITIVE, "PERSONAL"), "Named individuals: do not copy",
                notifiedFirst, riskSummary, "ofsted-inspector", NOW,
                new AcceptedDocument("letter.pdf", "application/pdf", content));
    }

    private static Report aReport() {
        String id = UUID.randomUUID().toString();
        StoredContent content = new StoredContent(KeyScope.report(id), "objects/" + id,
                new WrappedKey("kek-" + id, new byte[40]), 1000, 1100, "ab".repeat(32));
        Report report = new Report(id, "Northdale JTAI", AnnexBReportTypes.of(Inspectorate.OFSTED).get(0),
                "Northdale Council", new Classification(Tier.OFFICIAL_SENSITIVE, "PERSONAL"), "Do not forward",
                new Attestations(true, true, true), Inspectorate.OFSTED, Set.of(Inspectorate.CQC, Inspectorate.HMIC),
                null, "ofsted-inspector", NOW.minusSeconds(86_400),
                new AcceptedDocument("report.pdf", "application/pdf", content), null, null);
        reports.add(report);
        return report;
    }
}
