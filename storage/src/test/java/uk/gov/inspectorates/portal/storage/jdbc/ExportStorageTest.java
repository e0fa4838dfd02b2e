package uk.gov.inspectorates.portal.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.document.WrappedKey;
import uk.gov.inspectorates.portal.core.inspection.AnnexAItem;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocument;
import uk.gov.inspectorates.portal.core.inspection.ExportRecord;
import uk.gov.inspectorates.portal.core.inspection.InformationRequest;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionStatus;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/**
 * V20 on real PostgreSQL: export records read back oldest first and outlive their inspection's rows; the SHA-256 of
 * an archive is found by its identity; CRCs are learnt once and go with their document; the audit trail is read back
 * about given resources up to a moment.
 */
class ExportStorageTest {

    private static final Instant NOW = Instant.parse("2027-06-09T09:00:00Z");

    private static DataSource dataSource;
    private static JdbcInspectionRepository inspections;
    private static JdbcInformationRequestRepository requests;
    private static JdbcEvidenceDocumentRepository documents;
    private static JdbcExportRecords records;
    private static JdbcExportChecksums checksums;

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
        inspections = new JdbcInspectionRepository(dataSource);
        requests = new JdbcInformationRequestRepository(dataSource);
        documents = new JdbcEvidenceDocumentRepository(dataSource);
        records = new JdbcExportRecords(dataSource);
        checksums = new JdbcExportChecksums(dataSource);
    }

    @Test
    void exportRecordsReadBackOldestFirstAndTheirSha256IsFoundByIdentity() throws Exception {
        inspections.add(anInspection("i-1"));
        ExportRecord later = new ExportRecord("e-2", "i-1", Inspectorate.HMIC, "hmic-inspector",
                NOW.plusSeconds(3600), 2, 9_000_000_000L, "cd".repeat(32));
        ExportRecord first = new ExportRecord("e-1", "i-1", Inspectorate.CQC, "cqc-inspector", NOW, 0, 512,
                "ab".repeat(32));
        records.add(later, "identity-hmic");
        records.add(first, "identity-cqc");

        assertEquals(List.of(first, later), records.ofInspection("i-1"));
        assertEquals(Optional.of("cd".repeat(32)), records.sha256Of("identity-hmic"));
        assertEquals(Optional.empty(), records.sha256Of("identity-unknown"));
        assertEquals(List.of(), records.ofInspection("i-other"));
        assertThrows(DataAccessException.class, () -> records.add(first, "identity-cqc"), "an id is recorded once");

        // who exported what outlives the inspection's rows (the removal certificate names it)
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from inspection where id = 'i-1'");
        }
        assertEquals(List.of(first, later), records.ofInspection("i-1"));
    }

    @Test
    void aDocumentsCrcIsLearntOnceAndGoesWithTheDocument() throws Exception {
        Inspection inspection = anInspection("i-2");
        inspections.add(inspection);
        InformationRequest request = aRequest(inspection, "r-2");
        requests.add(request);
        documents.add(aDocument(inspection, request, "d-2"));

        assertNull(checksums.crc32Of("d-2"));
        checksums.remember("d-2", 4_294_967_295L);
        checksums.remember("d-2", 1L);
        assertEquals(4_294_967_295L, checksums.crc32Of("d-2"), "the first CRC learnt is kept, unsigned");
        checksums.remember("no-such-document", 7L);
        assertNull(checksums.crc32Of("no-such-document"), "nothing is kept about a document that does not exist");

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from inspection where id = 'i-2'");
        }
        assertNull(checksums.crc32Of("d-2"), "removed with its document");
    }

    @Test
    void theAuditTrailIsReadBackAboutGivenResourcesUpToAMoment() {
        JdbcAuditTrail audit = new JdbcAuditTrail(dataSource);
        audit.record(new AuditEvent(NOW, "u-1", "ofsted", "INSPECTION_VIEW", "INSPECTION", "i-9",
                AuditEvent.Outcome.SUCCEEDED, "first"));
        audit.record(new AuditEvent(NOW.plusSeconds(1), "u-2", "hmic", "EVIDENCE_DOWNLOAD", "EVIDENCE_DOCUMENT",
                "d-9", AuditEvent.Outcome.SUCCEEDED, "other type"));
        audit.record(new AuditEvent(NOW.plusSeconds(2), "u-1", "ofsted", "INSPECTION_VIEW", "INSPECTION", "i-8",
                AuditEvent.Outcome.DENIED, "other inspection"));
        audit.record(new AuditEvent(NOW.plusSeconds(3), "u-1", "ofsted", "INSPECTION_CLOSE", "INSPECTION", "i-9",
                AuditEvent.Outcome.SUCCEEDED, "at the cut"));
        audit.record(new AuditEvent(NOW.plusSeconds(4), "u-1", "ofsted", "INSPECTION_EXPORT", "INSPECTION", "i-9",
                AuditEvent.Outcome.SUCCEEDED, "after the cut"));

        assertEquals(List.of("first"), audit.about("INSPECTION", List.of("i-9"), NOW.plusSeconds(3))
                .stream().map(AuditEvent::detail).toList(), "strictly before the cut");
        assertEquals(List.of("first", "other inspection", "at the cut"),
                audit.about("INSPECTION", Set.of("i-9", "i-8"), NOW.plusSeconds(4)).stream()
                        .map(AuditEvent::detail).toList());
        assertTrue(audit.about("INSPECTION", List.of(), NOW.plusSeconds(9)).isEmpty());
    }

    private static Inspection anInspection(String id) {
        return new Inspection(id, "northdale", "Children living with domestic abuse", LocalDate.of(2027, 3, 9),
                Inspectorate.OFSTED, EnumSet.of(Inspectorate.OFSTED, Inspectorate.HMIC, Inspectorate.CQC), Map.of(),
                InspectionStatus.OPEN, "ofsted-lead", NOW);
    }

    private static InformationRequest aRequest(Inspection inspection, String id) {
        return new InformationRequest(id, inspection.id(), Inspectorate.HMIC, "northdale-police", "Police records",
                "", EnumSet.of(AnnexAItem.KEY_CASE_FILE_DOCUMENTS), null, null, NOW.plusSeconds(86_400), "hmic-lead",
                NOW);
    }

    private static EvidenceDocument aDocument(Inspection inspection, InformationRequest request, String id) {
        StoredContent content = new StoredContent(KeyScope.inspection(inspection.id()), "object-" + id,
                new WrappedKey("kek-1", new byte[] {1, 2, 3}), 1234, 1300, "ab".repeat(32));
        return new EvidenceDocument(id, inspection.id(), request.id(), request.agencyId(), request.requestedBy(),
                new Classification(Tier.OFFICIAL, null), "police-uploader", NOW.plusSeconds(60),
                new AcceptedDocument("case-notes.pdf", "application/pdf", content));
    }
}
