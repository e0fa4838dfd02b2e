package uk.gov.inspectorates.portal.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
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
import uk.gov.inspectorates.portal.core.inspection.AnnexAItem;
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
import uk.gov.inspectorates.portal.storage.TestDatabases;

/** V12 on real PostgreSQL: inspections, requests and evidence documents read back whole; the sweep keeps evidence. */
class InspectionStorageTest {

    private static final Instant NOW = Instant.parse("2027-03-09T09:00:00Z");

    private static DataSource dataSource;
    private static JdbcInspectionRepository inspections;
    private static JdbcInformationRequestRepository requests;
    private static JdbcEvidenceDocumentRepository documents;

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.migrated();
        JdbcOrganisationDirectory directory = new JdbcOrganisationDirectory(dataSource);
        for (Inspectorate inspectorate : Inspectorate.values()) {
            directory.saveOrganisation(Organisation.of(inspectorate));
        }
        directory.saveLocalAuthorityArea(new LocalAuthorityArea("northdale", "Northdale"));
        directory.saveOrganisation(Organisation.agency("northdale-police", "Northdale Police", AgencyType.POLICE_FORCE,
                "northdale"));
        directory.saveUser(new UserAccount("ofsted-lead", "ofsted.lead", "Lena Lead",
                Inspectorate.OFSTED.organisationId(), Set.of(Role.LEAD_INSPECTOR), Set.of(), null));
        directory.saveUser(new UserAccount("hmic-lead", "hmic.lead", "Harry Lead",
                Inspectorate.HMIC.organisationId(), Set.of(Role.LEAD_INSPECTOR), Set.of(), null));
        inspections = new JdbcInspectionRepository(dataSource);
        requests = new JdbcInformationRequestRepository(dataSource);
        documents = new JdbcEvidenceDocumentRepository(dataSource);
    }

    @Test
    void anInspectionItsRequestsAndDocumentsAreReadBackWhole() {
        Inspection inspection = anInspection("i-1");
        inspections.add(inspection);
        InformationRequest request = aRequest(inspection, "r-1", "Lists of missing children", "why it is needed");
        requests.add(request);
        EvidenceDocument document = aDocument(inspection, request, "d-1");
        documents.add(document);

        Inspection read = inspections.find("i-1").orElseThrow();
        assertEquals(inspection, read);
        assertEquals(Map.of(Inspectorate.OFSTED, "ofsted-lead", Inspectorate.HMIC, "hmic-lead"),
                read.leadInspectors());
        assertEquals(List.of(request), requests.ofInspection("i-1"));
        assertEquals(request, requests.find("i-1", "r-1").orElseThrow());
        assertTrue(requests.find("another-inspection", "r-1").isEmpty(), "a request is found under its inspection");
        EvidenceDocument readDocument = documents.find("d-1").orElseThrow();
        assertEquals(document.document().content().objectKey(), readDocument.document().content().objectKey());
        assertEquals(document.classification(), readDocument.classification());
        assertEquals(document.sha256(), readDocument.sha256());
        assertEquals(List.of("d-1"), documents.ofInspection("i-1").stream().map(EvidenceDocument::id).toList());
    }

    @Test
    void theOrphanSweepCountsEvidenceAsReferenced() {
        Inspection inspection = anInspection("i-2");
        inspections.add(inspection);
        InformationRequest request = aRequest(inspection, "r-2", null, null);
        requests.add(request);
        documents.add(aDocument(inspection, request, "d-2"));

        assertTrue(new JdbcSweepRecords(dataSource).referencedObjectKeys().contains("object-d-2"));
    }

    @Test
    void theDatabaseRefusesInformationBeyondAnnexAWithoutAJustification() throws Exception {
        Inspection inspection = anInspection("i-3");
        inspections.add(inspection);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThrows(java.sql.SQLException.class, () -> statement.executeUpdate("insert into information_request "
                    + "(id, inspection_id, requested_by, agency_id, title, description, annex_a_items, beyond_annex_a, "
                    + "due_at, requested_by_user_id, requested_at) values ('r-x', 'i-3', 'HMIC', 'northdale-police', "
                    + "'t', '', '{}', 'more', now(), 'u', now())"));
        }
    }

    private static Inspection anInspection(String id) {
        return new Inspection(id, "northdale", "Children living with domestic abuse", LocalDate.of(2027, 3, 9),
                Inspectorate.OFSTED, EnumSet.of(Inspectorate.OFSTED, Inspectorate.HMIC, Inspectorate.CQC),
                Map.of(Inspectorate.OFSTED, "ofsted-lead", Inspectorate.HMIC, "hmic-lead"), InspectionStatus.OPEN,
                "ofsted-lead", NOW);
    }

    private static InformationRequest aRequest(Inspection inspection, String id, String beyond, String why) {
        return new InformationRequest(id, inspection.id(), Inspectorate.HMIC, "northdale-police", "Police records",
                "Records of the children on the list", EnumSet.of(AnnexAItem.KEY_CASE_FILE_DOCUMENTS,
                AnnexAItem.JOINT_EVALUATIONS), beyond, why, NOW.plusSeconds(86_400), "hmic-lead", NOW);
    }

    private static EvidenceDocument aDocument(Inspection inspection, InformationRequest request, String id) {
        StoredContent content = new StoredContent(KeyScope.inspection(inspection.id()), "object-" + id,
                new WrappedKey("kek-1", new byte[] {1, 2, 3}), 1234, 1300, "ab".repeat(32));
        return new EvidenceDocument(id, inspection.id(), request.id(), request.agencyId(), request.requestedBy(),
                new Classification(Tier.OFFICIAL_SENSITIVE, "PERSONAL"), "police-uploader", NOW.plusSeconds(60),
                new AcceptedDocument("case-notes.pdf", "application/pdf", content));
    }
}
