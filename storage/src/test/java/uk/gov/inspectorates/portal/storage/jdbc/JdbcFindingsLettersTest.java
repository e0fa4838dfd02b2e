package uk.gov.inspectorates.portal.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
import uk.gov.inspectorates.portal.core.findings.FindingsLetterPublication;
import uk.gov.inspectorates.portal.core.findings.SignOff;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.report.Attestations;
import uk.gov.inspectorates.portal.core.report.Publication;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportType;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/**
 * Findings letters on a real PostgreSQL (V17): documents, sign-offs, the accuracy check and the issue each kept whole
 * and recorded once; an issued letter's report keeps its named agency recipients; the inspection's removal takes the
 * letter's rows and leaves the issued report to its own retention.
 */
class JdbcFindingsLettersTest {

    private static final Instant AT = Instant.parse("2030-03-20T10:15:30Z");

    private static DataSource dataSource;
    private static JdbcFindingsLetters letters;
    private static JdbcReportRepository reports;

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.migrated();
        JdbcOrganisationDirectory directory = new JdbcOrganisationDirectory(dataSource);
        DemoDirectory.localAuthorityAreas().forEach(directory::saveLocalAuthorityArea);
        DemoDirectory.organisations().forEach(directory::saveOrganisation);
        directory.saveUser(new UserAccount("u-lead", "jo.ofsted", "Jo Lead", "ofsted", Set.of(Role.LEAD_INSPECTOR),
                Set.of(), null));
        directory.saveUser(new UserAccount("u-dcs", "dcs", "Director", DemoDirectory.CHILDRENS_SERVICES_ID,
                Set.of(Role.AGENCY_CHIEF_OFFICER), Set.of(), null));
        directory.saveUser(new UserAccount("u-police-chief", "chief.police", "Chief Constable", "northdale-police",
                Set.of(Role.AGENCY_CHIEF_OFFICER), Set.of(), null));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String inspection : List.of("insp-a", "insp-b", "insp-c", "insp-d")) {
                statement.executeUpdate("insert into inspection (id, local_authority_area_id, theme, notified_on, "
                        + "lead_inspectorate, status, opened_by, opened_at) values ('" + inspection + "', "
                        + "'northdale', 'Theme', date '2030-03-04', 'OFSTED', 'OPEN', 'u-lead', now())");
            }
        }
        letters = new JdbcFindingsLetters(dataSource);
        reports = new JdbcReportRepository(dataSource);
    }

    private static FindingsDocument document(String id, String inspectionId, FindingsDocument.Kind kind, int version,
                                             long secondsLater) {
        StoredContent content = new StoredContent(KeyScope.inspection(inspectionId), "objects/" + id,
                new WrappedKey("kek-" + inspectionId, new byte[40]), 1000, 1100, "ab".repeat(32));
        return new FindingsDocument(id, inspectionId, kind, version,
                new Classification(Tier.OFFICIAL_SENSITIVE, "PERSONAL"), "u-" + id, "Name of " + id,
                AT.plusSeconds(secondsLater), new AcceptedDocument(id + ".pdf", "application/pdf", content));
    }

    private static Report issuedReport(String id, Set<String> recipients) {
        StoredContent content = new StoredContent(KeyScope.report(id), "objects/" + id,
                new WrappedKey("kek-" + id, new byte[40]), 1000, 1100, "cd".repeat(32));
        return new Report(id, "Findings letter", ReportType.JTAI_FINDINGS_LETTER, "Northdale",
                new Classification(Tier.OFFICIAL_SENSITIVE, null), "Not to be shared beyond its recipients", new Attestations(true, true, true),
                Inspectorate.OFSTED, Set.of(Inspectorate.CQC), null, "u-lead", AT,
                new AcceptedDocument("letter.pdf", "application/pdf", content), null, null, recipients);
    }

    @Test
    void everyStepIsKeptWholeAndRecordedOnce() {
        FindingsDocument draft = document("d-1", "insp-a", FindingsDocument.Kind.LETTER, 1, 0);
        assertTrue(letters.addDocument(draft));
        assertFalse(letters.addDocument(document("d-1b", "insp-a", FindingsDocument.Kind.LETTER, 1, 5)));
        SignOff signOff = new SignOff("insp-a", 1, Inspectorate.CQC, "u-cqc", "Sam Inspector", AT.plusSeconds(60));
        assertTrue(letters.addSignOff(signOff));
        assertFalse(letters.addSignOff(new SignOff("insp-a", 1, Inspectorate.CQC, "u-cqc-2", "Other", AT)));
        AccuracyCheck check = new AccuracyCheck("insp-a", 1, "u-dcs", DemoDirectory.CHILDRENS_SERVICES_ID, "u-lead",
                AT.plusSeconds(120), AT.plusSeconds(86_400 * 14));
        assertTrue(letters.startAccuracyCheck(check));
        assertFalse(letters.startAccuracyCheck(check));
        assertEquals(List.of(check), letters.openAccuracyChecks().stream()
                .filter(open -> open.inspectionId().equals("insp-a")).toList());
        FindingsDocument comments = document("c-1", "insp-a", FindingsDocument.Kind.COMMENTS, 0, 200);
        assertTrue(letters.addDocument(comments));
        assertFalse(letters.addDocument(document("c-2", "insp-a", FindingsDocument.Kind.COMMENTS, 0, 300)));
        assertTrue(letters.openAccuracyChecks().stream().noneMatch(open -> open.inspectionId().equals("insp-a")));

        FindingsLetter letter = letters.of("insp-a");
        assertEquals(List.of(draft, comments), letter.documents());
        assertEquals(List.of(signOff), letter.signOffs());
        assertEquals(check, letter.accuracyCheck());
        assertEquals(FindingsLetter.empty("insp-none"), letters.of("insp-none"));
        assertEquals(List.of(draft.document().content(), comments.document().content()),
                letters.contentsOf("insp-a"));
    }

    @Test
    void theDatabaseRefusesADocumentOutsideItsInspectionsScope() throws Exception {
        String insert = "insert into findings_letter_document (id, inspection_id, kind, version, "
                + "classification_tier, uploaded_by, uploaded_by_name, uploaded_at, file_name, media_type, "
                + "object_key, wrapping_key_id, wrapped_data_key, plaintext_bytes, stored_bytes, plaintext_sha256, "
                + "key_scope_kind, key_scope_id) values (?, 'insp-b', 'LETTER', ?, 'OFFICIAL', 'u', 'n', now(), "
                + "'f.pdf', 'application/pdf', ?, 'kek', '\\x00', 1, 2, 'ef', 'INSPECTION', ?)";
        try (Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, "in-scope");
            statement.setInt(2, 7);
            statement.setString(3, "objects/in-scope");
            statement.setString(4, "insp-b");
            assertEquals(1, statement.executeUpdate(), "the same row in its inspection's scope is kept");
            statement.setString(1, "out-of-scope");
            statement.setInt(2, 8);
            statement.setString(3, "objects/out-of-scope");
            statement.setString(4, "insp-c");
            java.sql.SQLException refused = assertThrows(java.sql.SQLException.class, statement::executeUpdate);
            assertTrue(refused.getMessage().contains("findings_letter_document_in_inspection_scope"),
                    refused.getMessage());
        }
    }

    @Test
    void theIssuedReportKeepsItsNamedAgencyRecipientsAndItsPublicationIsTheLetters() {
        Report report = issuedReport("rep-b", Set.of("u-dcs", "u-police-chief"));
        reports.add(report);
        assertTrue(letters.recordIssue(new FindingsLetterIssue("insp-b", "rep-b", 2, null, "u-lead", AT)));
        assertFalse(letters.recordIssue(new FindingsLetterIssue("insp-b", "rep-other", 2, null, "u-lead", AT)));

        Report found = reports.find("rep-b").orElseThrow();
        assertEquals(ReportType.JTAI_FINDINGS_LETTER, found.type());
        assertEquals(Set.of("u-dcs", "u-police-chief"), found.agencyRecipients());
        assertTrue(reports.all().stream().anyMatch(r -> r.id().equals("rep-b") && r.isFindingsLetter()));

        FindingsLetterPublication publication = new FindingsLetterPublication(letters, reports);
        assertEquals(Optional.empty(), publication.findingsLetterPublishedAt("insp-b"));
        Instant day43 = AT.plusSeconds(86_400 * 2);
        reports.recordPublication("rep-b", new Publication(java.net.URI.create("https://www.gov.uk/letter"), day43,
                "u-lead", AT), AT);
        assertEquals(Optional.of(day43), publication.findingsLetterPublishedAt("insp-b"));

        assertTrue(reports.delete("rep-b"));
        assertEquals(0, count("select count(*) from report_agency_recipient where report_id = 'rep-b'"));
    }

    @Test
    void removingTheInspectionsRowsTakesTheLetterButLeavesTheIssuedReport() throws Exception {
        letters.addDocument(document("d-d", "insp-d", FindingsDocument.Kind.LETTER, 1, 0));
        letters.addSignOff(new SignOff("insp-d", 1, Inspectorate.HMIC, "u-hmic", "Hal", AT));
        letters.startAccuracyCheck(new AccuracyCheck("insp-d", 1, "u-dcs", DemoDirectory.CHILDRENS_SERVICES_ID,
                "u-lead", AT, AT.plusSeconds(1000)));
        reports.add(issuedReport("rep-d", Set.of("u-dcs")));
        letters.recordIssue(new FindingsLetterIssue("insp-d", "rep-d", 1, "u-chair", "u-lead", AT));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from inspection where id = 'insp-d'");
        }
        assertEquals(FindingsLetter.empty("insp-d"), letters.of("insp-d"));
        assertTrue(reports.find("rep-d").isPresent());
    }

    private static int count(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
