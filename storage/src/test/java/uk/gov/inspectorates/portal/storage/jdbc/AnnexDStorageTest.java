package uk.gov.inspectorates.portal.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocument;
import uk.gov.inspectorates.portal.core.inspection.InformationRequest;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionStatus;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.postinspection.Challenge;
import uk.gov.inspectorates.portal.core.postinspection.StatementOfProposedAction;
import uk.gov.inspectorates.portal.core.postinspection.StatementReview;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/**
 * V18 on real PostgreSQL: the statement of proposed action (once per inspection) and its reviews (once per document),
 * challenges with their deadlines acknowledged and answered once, all gone with their inspection's row.
 */
class AnnexDStorageTest {

    private static final Instant NOW = Instant.parse("2027-05-12T09:00:00Z");
    private static final String CHILDRENS_SERVICES = "northdale-childrens-services";

    private static DataSource dataSource;
    private static JdbcInspectionRepository inspections;
    private static JdbcInformationRequestRepository requests;
    private static JdbcEvidenceDocumentRepository documents;
    private static JdbcProposedActionStatements statements;
    private static JdbcChallenges challenges;

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.migrated();
        JdbcOrganisationDirectory directory = new JdbcOrganisationDirectory(dataSource);
        for (Inspectorate inspectorate : Inspectorate.values()) {
            directory.saveOrganisation(Organisation.of(inspectorate));
        }
        directory.saveLocalAuthorityArea(new LocalAuthorityArea("northdale", "Northdale"));
        directory.saveOrganisation(Organisation.agency(CHILDRENS_SERVICES, "Northdale Children's Services",
                AgencyType.LOCAL_AUTHORITY_CHILDRENS_SERVICES, "northdale"));
        directory.saveUser(new UserAccount("ofsted-lead", "ofsted.lead", "Lena Lead",
                Inspectorate.OFSTED.organisationId(), Set.of(Role.LEAD_INSPECTOR), Set.of(), null));
        inspections = new JdbcInspectionRepository(dataSource);
        requests = new JdbcInformationRequestRepository(dataSource);
        documents = new JdbcEvidenceDocumentRepository(dataSource);
        statements = new JdbcProposedActionStatements(dataSource);
        challenges = new JdbcChallenges(dataSource);
    }

    @Test
    void theStatementIsNamedOnceAndEachDocumentReviewedOnceReturnedOnlyWithComments() throws Exception {
        Inspection inspection = anInspection("i-s");
        InformationRequest request = statementRequest(inspection, "r-s");
        StatementOfProposedAction statement = new StatementOfProposedAction("i-s", "r-s", CHILDRENS_SERVICES,
                NOW.plusSeconds(86_400 * 100), "ofsted-lead", NOW);

        assertTrue(statements.name(statement));
        assertFalse(statements.name(new StatementOfProposedAction("i-s", "r-s", CHILDRENS_SERVICES, NOW,
                "ofsted-lead", NOW)), "named once");
        assertEquals(statement, statements.ofInspection("i-s").orElseThrow());
        assertTrue(statements.all().contains(statement));

        EvidenceDocument first = aDocument(inspection, request, "d-s1");
        EvidenceDocument second = aDocument(inspection, request, "d-s2");
        StatementReview returned = new StatementReview("d-s1", "i-s", StatementReview.Outcome.RETURNED,
                "Name the police's part", "ofsted-lead", NOW.plusSeconds(60));
        StatementReview accepted = new StatementReview("d-s2", "i-s", StatementReview.Outcome.ACCEPTED, null,
                "ofsted-lead", NOW.plusSeconds(120));
        assertTrue(statements.review(returned));
        assertFalse(statements.review(new StatementReview("d-s1", "i-s", StatementReview.Outcome.ACCEPTED, null,
                "ofsted-lead", NOW)), "reviewed once");
        assertTrue(statements.review(accepted));
        assertEquals(List.of(returned, accepted), statements.reviewsOf("i-s"));

        EvidenceDocument third = aDocument(inspection, request, "d-s3");
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertThrows(java.sql.SQLException.class, () -> sql.executeUpdate("insert into statement_review "
                    + "(document_id, inspection_id, outcome, comments, reviewed_by, reviewed_at) values ('"
                    + third.id() + "', 'i-s', 'RETURNED', null, 'u', now())"), "returned without comments");
            assertEquals(1, sql.executeUpdate("insert into statement_review (document_id, inspection_id, outcome, "
                    + "comments, reviewed_by, reviewed_at) values ('" + third.id() + "', 'i-s', 'RETURNED', 'why', "
                    + "'u', now())"), "the same row with comments is accepted");
        }
        assertEquals(second.id(), documents.find("d-s2").orElseThrow().id());
    }

    @Test
    void aChallengeIsAcknowledgedOnceAndAnsweredOnceAndAnAnsweredOneIsNoLongerAcknowledged() {
        anInspection("i-c");
        Challenge challenge = aChallenge("c-1", "i-c");
        challenges.add(challenge);
        assertEquals(challenge, challenges.find("i-c", "c-1").orElseThrow());
        assertTrue(challenges.find("another", "c-1").isEmpty(), "found under its inspection only");
        assertTrue(challenges.unanswered().contains(challenge));

        assertTrue(challenges.acknowledge("c-1", NOW.plusSeconds(60), "ofsted-lead"));
        assertFalse(challenges.acknowledge("c-1", NOW.plusSeconds(61), "ofsted-lead"));
        assertTrue(challenges.respond("c-1", NOW.plusSeconds(120), "ofsted-lead", "Not upheld"));
        assertFalse(challenges.respond("c-1", NOW.plusSeconds(121), "ofsted-lead", "again"));
        assertEquals(challenge.acknowledged(NOW.plusSeconds(60), "ofsted-lead")
                        .answered(NOW.plusSeconds(120), "ofsted-lead", "Not upheld"),
                challenges.find("i-c", "c-1").orElseThrow());
        assertFalse(challenges.unanswered().stream().anyMatch(c -> c.id().equals("c-1")));

        Challenge straight = aChallenge("c-2", "i-c");
        challenges.add(straight);
        assertTrue(challenges.respond("c-2", NOW.plusSeconds(60), "ofsted-lead", "Upheld in part"));
        assertFalse(challenges.acknowledge("c-2", NOW.plusSeconds(61), "ofsted-lead"), "an answer acknowledges");
        assertEquals(List.of("c-1", "c-2"), challenges.ofInspection("i-c").stream().map(Challenge::id).toList());
    }

    @Test
    void everythingAfterPublicationGoesWithItsInspectionsRow() throws Exception {
        Inspection inspection = anInspection("i-r");
        InformationRequest request = statementRequest(inspection, "r-r");
        statements.name(new StatementOfProposedAction("i-r", "r-r", CHILDRENS_SERVICES, NOW, "ofsted-lead", NOW));
        aDocument(inspection, request, "d-r");
        statements.review(new StatementReview("d-r", "i-r", StatementReview.Outcome.ACCEPTED, null, "ofsted-lead",
                NOW));
        challenges.add(aChallenge("c-r", "i-r"));

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertEquals(1, sql.executeUpdate("delete from inspection where id = 'i-r'"));
            for (String table : List.of("statement_of_proposed_action", "statement_review", "inspection_challenge")) {
                try (ResultSet rows = sql.executeQuery("select count(*) from " + table
                        + " where inspection_id = 'i-r'")) {
                    rows.next();
                    assertEquals(0, rows.getInt(1), table);
                }
            }
        }
    }

    private static Challenge aChallenge(String id, String inspectionId) {
        return new Challenge(id, inspectionId, Challenge.Kind.PROCESS_OR_OUTCOME, "Northdale Council",
                "Case 3 misread", NOW, NOW.plusSeconds(5 * 86_400), NOW.plusSeconds(42 * 86_400), false, "ofsted-lead",
                NOW, null, null, null, null, null);
    }

    private static Inspection anInspection(String id) {
        Inspection inspection = new Inspection(id, "northdale", "Neglect", LocalDate.of(2027, 3, 9),
                Inspectorate.OFSTED, EnumSet.of(Inspectorate.OFSTED, Inspectorate.CQC),
                Map.of(Inspectorate.OFSTED, "ofsted-lead"), InspectionStatus.OPEN, "ofsted-lead", NOW);
        inspections.add(inspection);
        return inspection;
    }

    private static InformationRequest statementRequest(Inspection inspection, String id) {
        InformationRequest request = new InformationRequest(id, inspection.id(), Inspectorate.OFSTED,
                CHILDRENS_SERVICES, StatementOfProposedAction.TITLE, "", Set.of(), null, null,
                NOW.plusSeconds(86_400 * 100), "ofsted-lead", NOW);
        requests.add(request);
        return request;
    }

    private static EvidenceDocument aDocument(Inspection inspection, InformationRequest request, String id) {
        StoredContent content = new StoredContent(KeyScope.inspection(inspection.id()), "object-" + id,
                new WrappedKey("kek-1", new byte[] {1, 2, 3}), 1234, 1300, "ab".repeat(32));
        EvidenceDocument document = new EvidenceDocument(id, inspection.id(), request.id(), request.agencyId(),
                request.requestedBy(), new Classification(Tier.OFFICIAL, null), "dcs", NOW.plusSeconds(30),
                new AcceptedDocument("statement.pdf", "application/pdf", content));
        documents.add(document);
        return document;
    }
}
