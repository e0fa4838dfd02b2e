package uk.gov.inspectorates.portal.storage.removal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.ObjectStore;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.inspection.AnnexAItem;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocument;
import uk.gov.inspectorates.portal.core.inspection.ExportRecords;
import uk.gov.inspectorates.portal.core.inspection.InformationRequest;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionClosure;
import uk.gov.inspectorates.portal.core.inspection.InspectionStatus;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.removal.InspectionRemovalSweep;
import uk.gov.inspectorates.portal.core.removal.ProvableRemoval;
import uk.gov.inspectorates.portal.core.removal.RemovalCertifier;
import uk.gov.inspectorates.portal.core.removal.ReportRemovalSweep;
import uk.gov.inspectorates.portal.core.removal.RetentionRun;
import uk.gov.inspectorates.portal.core.retention.HoldTarget;
import uk.gov.inspectorates.portal.core.retention.LegalHold;
import uk.gov.inspectorates.portal.core.retention.LegalHolds;
import uk.gov.inspectorates.portal.core.retention.PolicyChange;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy;
import uk.gov.inspectorates.portal.security.keystore.BcfksMasterKeyRing;
import uk.gov.inspectorates.portal.security.signing.Ed25519CertificateSigner;
import uk.gov.inspectorates.portal.storage.EncryptedDocumentStore;
import uk.gov.inspectorates.portal.storage.calendar.GovUkBankHolidays;
import uk.gov.inspectorates.portal.storage.crypto.EnvelopeCipher;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditTrail;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcEvidenceDocumentRepository;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcExportRecords;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcLegalHolds;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcRetentionPolicies;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcInformationRequestRepository;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcInspectionRepository;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcKeyService;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcOrganisationDirectory;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcRemovalCertificates;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcRemovals;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcRetainedReports;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcScopeInventory;
import uk.gov.inspectorates.portal.storage.objectstore.MinioObjectStore;

/**
 * The removal machinery wired on real components (PostgreSQL, an S3 server, the key hierarchy, the BCFKS keystores),
 * on a clock the test moves; shared by the storage tests of removal and by the child JVM the kill -9 test kills.
 */
final class RemovalFixture {

    static final Instant OPENED = Instant.parse("2027-03-01T09:00:00Z");

    /** A clock the test moves (no sleeping). */
    static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final DataSource dataSource;
    final ObjectStore objects;
    final MovingClock clock = new MovingClock(OPENED);
    final JdbcKeyService keys;
    final EncryptedDocumentStore documents;
    final AuditTrail audit;
    final JdbcInspectionRepository inspections;
    final JdbcInformationRequestRepository requests;
    final JdbcEvidenceDocumentRepository evidence;
    final JdbcRemovals removals;
    final JdbcScopeInventory inventory;
    final JdbcRemovalCertificates certificates;
    final Ed25519CertificateSigner signer;
    final JdbcRetentionPolicies policies;
    final JdbcLegalHolds holds;
    final JdbcExportRecords exports;
    final WorkingDayCalendar calendar = new WorkingDayCalendar(GovUkBankHolidays.shipped());
    final RetentionRun run;

    /**
     * @param store   the real S3 store documents are written to
     * @param removal the store the removal deletes through (the real one, or one that fails or stops part-way)
     */
    RemovalFixture(DataSource dataSource, MinioObjectStore store, ObjectStore removal, Path keystores)
            throws IOException {
        this(dataSource, store, removal, keystores, null);
    }

    /** As above, with removals recording each destroyed scope in the ledger first, as the portal does (ADR 0046). */
    RemovalFixture(DataSource dataSource, MinioObjectStore store, ObjectStore removal, Path keystores,
                   uk.gov.inspectorates.portal.core.document.DestroyedScopeLedger ledger) throws IOException {
        this.dataSource = dataSource;
        this.objects = removal;
        keys = new JdbcKeyService(dataSource, BcfksMasterKeyRing.openOrCreate(keystores.resolve("test-master.bcfks"),
                "test keystore password".toCharArray(), true), clock);
        documents = new EncryptedDocumentStore(store, keys, new EnvelopeCipher());
        audit = new JdbcAuditTrail(dataSource);
        inspections = new JdbcInspectionRepository(dataSource);
        requests = new JdbcInformationRequestRepository(dataSource);
        evidence = new JdbcEvidenceDocumentRepository(dataSource);
        removals = new JdbcRemovals(dataSource);
        inventory = new JdbcScopeInventory(dataSource);
        certificates = new JdbcRemovalCertificates(dataSource);
        signer = Ed25519CertificateSigner.openOrCreate(keystores.resolve("test-signing.bcfks"),
                "test keystore password".toCharArray(), true);
        policies = new JdbcRetentionPolicies(dataSource);
        holds = new JdbcLegalHolds(dataSource);
        exports = new JdbcExportRecords(dataSource);
        LegalHolds legalHolds = holds;
        ExportRecords exportRecords = exports;
        uk.gov.inspectorates.portal.core.document.KeyService removing = ledger == null ? keys
                : new uk.gov.inspectorates.portal.core.document.LedgeredKeyService(keys, ledger);
        ProvableRemoval provable = new ProvableRemoval(removals, inventory, removing, objects, legalHolds,
                new RemovalCertifier(removals, certificates, signer, clock), audit, clock,
                new uk.gov.inspectorates.portal.storage.jdbc.JdbcUnitOfWork(dataSource));
        JdbcRetainedReports reports = new JdbcRetainedReports(dataSource);
        run = new RetentionRun(List.of(
                new InspectionRemovalSweep(inspections, exportRecords, inventory, policies, calendar, removals, provable),
                ReportRemovalSweep.publishedCopies(reports, inventory, policies, calendar, removals, provable),
                ReportRemovalSweep.withdrawn(reports, inventory, policies, calendar, removals, provable),
                ReportRemovalSweep.lettersAhead(reports, inventory, policies, calendar, removals, provable)),
                policies, legalHolds, removals, clock);
    }

    /** The directory rows an inspection needs (once per database). */
    static void seedDirectory(DataSource dataSource) {
        JdbcOrganisationDirectory directory = new JdbcOrganisationDirectory(dataSource);
        for (Inspectorate inspectorate : Inspectorate.values()) {
            directory.saveOrganisation(Organisation.of(inspectorate));
        }
        directory.saveLocalAuthorityArea(new LocalAuthorityArea("northdale", "Northdale"));
        directory.saveOrganisation(Organisation.agency("northdale-police", "Northdale Police", AgencyType.POLICE_FORCE,
                "northdale"));
        directory.saveOrganisation(Organisation.agency("northdale-health", "Northdale Health Board",
                AgencyType.HEALTH_COMMISSIONER, "northdale"));
        directory.saveUser(new UserAccount("ofsted-lead", "ofsted.lead", "Lena Lead",
                Inspectorate.OFSTED.organisationId(), Set.of(Role.LEAD_INSPECTOR), Set.of(), null));
        directory.saveUser(new UserAccount("hmic-lead", "hmic.lead", "Harry Lead",
                Inspectorate.HMIC.organisationId(), Set.of(Role.LEAD_INSPECTOR), Set.of(), null));
    }

    /** Opens an inspection with a request to each of two agencies and {@code perRequest} real encrypted uploads each. */
    List<StoredContent> anInspectionWithEvidence(String id, int perRequest, int bytes) throws IOException {
        Inspection inspection = new Inspection(id, "northdale", "Children living with domestic abuse",
                LocalDate.of(2027, 3, 1), Inspectorate.OFSTED, EnumSet.of(Inspectorate.OFSTED, Inspectorate.HMIC,
                Inspectorate.CQC), Map.of(Inspectorate.OFSTED, "ofsted-lead", Inspectorate.HMIC, "hmic-lead"),
                InspectionStatus.OPEN, "ofsted-lead", clock.instant());
        inspections.add(inspection);
        List<StoredContent> stored = new java.util.ArrayList<>();
        String[][] asks = {{"HMIC", "northdale-police"}, {"CQC", "northdale-health"}};
        for (String[] ask : asks) {
            InformationRequest request = new InformationRequest(id + "-" + ask[1], id, Inspectorate.valueOf(ask[0]),
                    ask[1], "Records", "Records of the children on the list", EnumSet.of(
                    AnnexAItem.KEY_CASE_FILE_DOCUMENTS), null, null, clock.instant().plusSeconds(86_400),
                    ask[0].equals("HMIC") ? "hmic-lead" : "ofsted-lead", clock.instant());
            requests.add(request);
            for (int n = 0; n < perRequest; n++) {
                byte[] content = new byte[bytes];
                new java.util.Random(n).nextBytes(content);
                StoredContent document = documents.store(KeyScope.inspection(id), new ByteArrayInputStream(content));
                evidence.add(new EvidenceDocument(id + "-" + ask[1] + "-" + n, id, request.id(), ask[1],
                        request.requestedBy(), new Classification(Tier.OFFICIAL_SENSITIVE, "PERSONAL"), "uploader",
                        clock.instant(), new AcceptedDocument("case-notes-" + n + ".pdf", "application/pdf",
                        document)));
                stored.add(document);
            }
        }
        return stored;
    }

    /** An administrator's change of a category's policy, as the retention administration records it. */
    void setPolicy(RetentionPolicy after) {
        if (!policies.change(new PolicyChange(policies.current(after.category()), after, "ofsted-admin", "ofsted",
                clock.instant(), "set by the test"))) {
            throw new IllegalStateException("the policy changed meanwhile");
        }
    }

    void hold(HoldTarget target) {
        holds.set(new LegalHold(target, clock.instant(), "ofsted-admin", "ofsted", "a court order (test)"));
    }

    void lift(HoldTarget target) {
        holds.lift(target, "ofsted-admin", "ofsted", clock.instant(), "the order was discharged (test)");
    }

    void close(String inspectionId, Instant at) {
        inspections.close(new InspectionClosure(inspectionId, "ofsted-lead", at));
    }

    long count(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
