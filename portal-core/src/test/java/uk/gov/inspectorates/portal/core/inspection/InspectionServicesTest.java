package uk.gov.inspectorates.portal.core.inspection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.InspectionRules;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.document.ContentCheck;
import uk.gov.inspectorates.portal.core.document.DocumentIntake;
import uk.gov.inspectorates.portal.core.document.IncomingDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.ResumableUploads;
import uk.gov.inspectorates.portal.core.document.UploadRejected;
import uk.gov.inspectorates.portal.core.document.WindowedScanner;
import uk.gov.inspectorates.portal.core.notification.DueItems;
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.Recipients;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.testdata.EnglandAndWalesBankHolidays;
import uk.gov.inspectorates.portal.core.testdata.FakeContentInspector;
import uk.gov.inspectorates.portal.core.testdata.FakeContentScanner;
import uk.gov.inspectorates.portal.core.testdata.FakeContentTypeDetector;
import uk.gov.inspectorates.portal.core.testdata.FakeDocumentStore;
import uk.gov.inspectorates.portal.core.testdata.FakeKeyService;
import uk.gov.inspectorates.portal.core.testdata.InMemoryDirectory;
import uk.gov.inspectorates.portal.core.testdata.InMemoryInspections;
import uk.gov.inspectorates.portal.core.testdata.InMemoryResumableUploadRepository;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

/**
 * The JTAI services on their own (in-memory ports, the real policy and gate): opening an inspection, requests only to
 * inspected agencies with a due time from the timeline, uploads under the inspection's key scope, what is due.
 */
class InspectionServicesTest {

    /** Tuesday 9 March 2027, day 0; "now" is day 1, Wednesday 10 March, 10:00 GMT. */
    private static final String DAY_0 = "2027-03-09";
    private static final Instant NOW = Instant.parse("2027-03-10T10:00:00Z");
    private static final byte[] MALWARE = "EICAR-MARKER".getBytes(StandardCharsets.US_ASCII);

    private final MutableClock clock = new MutableClock(NOW);
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final PolicyGate gate = new PolicyGate(new AccessPolicy(), audit, clock);
    private final InMemoryDirectory directory = InMemoryDirectory.withDemoOrganisations();
    private final InMemoryInspections inspections = new InMemoryInspections();
    private final WorkingDayCalendar calendar = EnglandAndWalesBankHolidays.calendar();
    private final FakeDocumentStore store = new FakeDocumentStore();
    private final FakeContentScanner scanner = new FakeContentScanner().infectedWhenContaining(MALWARE, "Eicar");
    private final DocumentIntake intake = new DocumentIntake(new FakeContentTypeDetector(), new FakeContentInspector(),
            scanner, store, 100_000);
    /** Stands in for the list-of-children check: refuses a list with a "Name" in it. */
    private final List<String> listsChecked = new ArrayList<>();
    private final ContentCheck lists = () -> new ContentCheck.Session() {
        private final java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();

        @Override
        public void feed(byte[] bytes, int offset, int length) {
            seen.write(bytes, offset, length);
        }

        @Override
        public void conclude(String mediaType) {
            String list = seen.toString(StandardCharsets.UTF_8);
            listsChecked.add(list);
            if (list.contains("Name")) {
                throw new UploadRejected(UploadRejected.Reason.TYPE_NOT_ALLOWED, "names a child", "list names");
            }
        }
    };
    private final List<Notice> noticed = new ArrayList<>();

    private final InspectionService service = new InspectionService(inspections, inspections.requests, directory,
            calendar, gate);
    private final InformationRequests requests = new InformationRequests(inspections, inspections.requests,
            directory, calendar, noticed::add, gate);
    private final EvidenceDocuments documents = new EvidenceDocuments(inspections, inspections.requests,
            inspections.documents, new EvidenceIntake(intake, store, lists), store, new ResumableUploads(new InMemoryResumableUploadRepository(), store,
            intake, new WindowedScanner(scanner, 100_000, 1024), new FakeKeyService(), gate, audit,
            new ResumableUploads.Settings(1000, java.time.Duration.ofHours(1))), gate);
    private final DueWork due = new DueWork(inspections, inspections.requests, inspections.documents, gate);

    private final Subject ofstedLead = aSubject().withId("ofsted-lead").of(Inspectorate.OFSTED)
            .withRoles(Role.LEAD_INSPECTOR).build();
    private final Subject cqcInspector = aSubject().withId("cqc-inspector").of(Inspectorate.CQC)
            .withRoles(Role.INSPECTOR).build();
    private final Subject hmicInspector = aSubject().withId("hmic-inspector").of(Inspectorate.HMIC)
            .withRoles(Role.INSPECTOR).build();
    private final Subject policeUploader = agencyStaff("police-uploader", DemoDirectory.POLICE_ID,
            AgencyType.POLICE_FORCE);
    private final Subject healthUploader = agencyStaff("health-uploader", DemoDirectory.HEALTH_ID,
            AgencyType.HEALTH_COMMISSIONER);

    private static Subject agencyStaff(String id, String agencyId, AgencyType type) {
        return aSubject().withId(id).ofAgency(agencyId, type, DemoDirectory.LOCAL_AUTHORITY_AREA_ID)
                .withRoles(Role.AGENCY_UPLOADER).build();
    }

    private static InspectionDraft draft(String notifiedOn, String... inspectorates) {
        return new InspectionDraft(DemoDirectory.LOCAL_AUTHORITY_AREA_ID, "Children living with domestic abuse",
                notifiedOn, List.of(inspectorates), "OFSTED", Map.of());
    }

    private Inspection opened(String... inspectorates) {
        return service.open(ofstedLead, draft(DAY_0, inspectorates)).inspection();
    }

    private static RequestDraft toAgency(String agency, String... items) {
        return new RequestDraft(agency, "Case records", "By identifier only", List.of(items), null, null, null);
    }

    private List<AuditEvent> events(String action, AuditEvent.Outcome outcome) {
        return audit.events().stream().filter(e -> e.action().equals(action) && e.outcome() == outcome).toList();
    }

    // ---- opening

    @Test
    void anOfstedLeadInspectorOpensAnInspectionWithItsTimelineAndAKeyScopeOfItsOwn() {
        InspectionService.Overview overview = service.open(ofstedLead, draft(DAY_0, "CQC", "HMIC"));

        Inspection inspection = overview.inspection();
        assertEquals(Set.of(Inspectorate.OFSTED, Inspectorate.CQC, Inspectorate.HMIC), inspection.participants());
        assertEquals(Map.of(Inspectorate.OFSTED, "ofsted-lead"), inspection.leadInspectors());
        assertEquals(KeyScope.inspection(inspection.id()), inspection.keyScope());
        assertEquals(LocalDate.of(2027, 3, 16), overview.timeline().milestone("key-documents").orElseThrow().date());
        assertEquals("twenty-selected", overview.next().orElseThrow().key(), "day 1, before midday");
        assertEquals(List.of("children-list"), overview.overdue().stream().map(Milestone::key).toList());
        assertEquals(inspection, inspections.find(inspection.id()).orElseThrow());
        assertEquals(1, events(AuditActions.INSPECTION_OPEN, AuditEvent.Outcome.SUCCEEDED).size());
    }

    @Test
    void inspectoratesOutsideAJtaiAreRefusedByName() {
        InvalidInput refused = assertThrows(InvalidInput.class,
                () -> service.open(ofstedLead, draft(DAY_0, "CQC", "HMI_PRISONS", "HMCPSI")));

        assertEquals(List.of("inspectorates", "inspectorates"), refused.errors().stream().map(e -> e.field()).toList());
        assertTrue(refused.errors().get(0).message().startsWith("HM Inspectorate of Prisons does not take part"));
        assertTrue(inspections.all().isEmpty());
        assertEquals(1, events(AuditActions.INSPECTION_OPEN, AuditEvent.Outcome.REFUSED).size());
    }

    @Test
    void aTimelineRunningPastTheBankHolidayListIsRefusedNotGuessed() {
        // day 0 is covered, but the statement of proposed action (day 111) falls after 2028
        InvalidInput refused = assertThrows(InvalidInput.class,
                () -> service.open(ofstedLead, draft("2028-10-03", "CQC")));

        assertEquals("notifiedOn", refused.errors().get(0).field());
        assertTrue(inspections.all().isEmpty());
    }

    @Test
    void onlyAnOfstedLeadInspectorOpensOne() {
        Subject cqcLead = aSubject().of(Inspectorate.CQC).withRoles(Role.LEAD_INSPECTOR).build();

        AccessDenied denied = assertThrows(AccessDenied.class, () -> service.open(cqcLead, draft(DAY_0, "CQC")));

        assertEquals(InspectionRules.OPEN_OFSTED_LEAD_INSPECTOR_ONLY, denied.rule());
        assertTrue(inspections.all().isEmpty());
    }

    @Test
    void aNamedLeadInspectorMustLeadForThatParticipant() {
        directory.saveUser(new UserAccount("cqc-inspector", "cqc.inspector", "Chris", "cqc",
                Set.of(Role.INSPECTOR), Set.of(), null));
        directory.saveUser(new UserAccount("cqc-lead", "cqc.lead", "Cleo", "cqc",
                Set.of(Role.LEAD_INSPECTOR), Set.of(), null));
        InspectionDraft notALead = new InspectionDraft(DemoDirectory.LOCAL_AUTHORITY_AREA_ID, "t", DAY_0,
                List.of("CQC"), null, Map.of("CQC", "cqc-inspector"));

        assertEquals("leadInspectors.CQC", assertThrows(InvalidInput.class, () -> service.open(ofstedLead, notALead))
                .errors().get(0).field());
        Inspection named = service.open(ofstedLead, new InspectionDraft(DemoDirectory.LOCAL_AUTHORITY_AREA_ID, "t",
                DAY_0, List.of("CQC"), null, Map.of("CQC", "cqc-lead"))).inspection();
        assertEquals("cqc-lead", named.leadInspectors().get(Inspectorate.CQC));
    }

    // ---- requests

    @Test
    void aRequestIsDueByTheEarliestMilestoneOfItsItemsAndTheAgencyIsTold() {
        Inspection inspection = opened("CQC", "HMIC");

        InformationRequest request = requests.request(hmicInspector, inspection.id(),
                toAgency(DemoDirectory.POLICE_ID, "JOINT_EVALUATIONS", "KEY_CASE_FILE_DOCUMENTS"));

        // key case file documents by the end of day 5 (Tuesday 16 March), before joint evaluations (day 7)
        assertEquals(Instant.parse("2027-03-16T23:59:59Z"), request.dueAt());
        assertEquals(Inspectorate.HMIC, request.requestedBy());
        assertEquals(1, noticed.size());
        Notice notice = noticed.get(0);
        assertEquals(NoticeKind.NEW_REQUEST, notice.kind());
        assertEquals("/inspections/" + inspection.id() + "/requests/" + request.id(), notice.link());
        assertEquals(List.of(Recipients.withRoles(DemoDirectory.POLICE_ID, Role.AGENCY_UPLOADER,
                Role.AGENCY_CHIEF_OFFICER)), notice.recipients());
    }

    @Test
    void thePagesOfferEachPersonExactlyTheAgenciesThePolicyLetsThemAsk() {
        Inspection inspection = opened("CQC", "HMIC");
        Subject ofstedSiro = aSubject().withId("ofsted-siro").of(Inspectorate.OFSTED).withRoles(Role.SIRO).build();

        assertEquals(List.of(DemoDirectory.POLICE_ID), requests.agenciesAskableBy(hmicInspector, inspection.id())
                .stream().map(Organisation::id).toList());
        assertEquals(List.of(DemoDirectory.HEALTH_ID), requests.agenciesAskableBy(cqcInspector, inspection.id())
                .stream().map(Organisation::id).toList());
        assertTrue(requests.agenciesAskableBy(ofstedSiro, inspection.id()).isEmpty(), "a SIRO asks nobody");
        assertTrue(requests.agenciesAskableBy(policeUploader, inspection.id()).isEmpty(), "agencies ask nobody");
        assertThrows(NotFound.class, () -> requests.agenciesAskableBy(hmicInspector, "no-such-inspection"));
    }

    @Test
    void anInspectorateAsksOnlyTheAgenciesItInspects() {
        Inspection inspection = opened("CQC", "HMIC");

        AccessDenied denied = assertThrows(AccessDenied.class, () -> requests.request(cqcInspector, inspection.id(),
                toAgency(DemoDirectory.POLICE_ID, "JOINT_EVALUATIONS")));

        assertEquals(InspectionRules.REQUEST_INSPECTED_AGENCIES_ONLY, denied.rule());
        assertTrue(inspections.requests.all().isEmpty());
        assertTrue(noticed.isEmpty());
    }

    @Test
    void informationBeyondAnnexANeedsAJustification() {
        Inspection inspection = opened("HMIC");
        RequestDraft unjustified = new RequestDraft(DemoDirectory.POLICE_ID, "Custody", null, List.of(),
                "All custody records", null, null);

        assertEquals("justification", assertThrows(InvalidInput.class,
                () -> requests.request(hmicInspector, inspection.id(), unjustified)).errors().get(0).field());
        InformationRequest justified = requests.request(hmicInspector, inspection.id(), new RequestDraft(
                DemoDirectory.POLICE_ID, "Custody", null, List.of(), "Custody records of child 1", "Not in Annex A",
                null));
        assertEquals("Not in Annex A", justified.justification());
    }

    @Test
    void anAgencyOutsideTheInspectedAreaIsInvalid() {
        Inspection inspection = opened("HMIC");

        assertEquals("agency", assertThrows(InvalidInput.class, () -> requests.request(hmicInspector,
                inspection.id(), toAgency("southvale-police", "JOINT_EVALUATIONS"))).errors().get(0).field());
    }

    // ---- evidence

    @Test
    void anAgencyUploadsUnderTheInspectionsKeyScopeAndParticipantsReadTheOriginalBytes() throws Exception {
        Inspection inspection = opened("CQC", "HMIC");
        InformationRequest request = requests.request(hmicInspector, inspection.id(),
                toAgency(DemoDirectory.POLICE_ID, "KEY_CASE_FILE_DOCUMENTS"));
        byte[] pdf = "%PDF-1.7 police records".getBytes(StandardCharsets.US_ASCII);

        UploadTarget target = documents.checkUpload(policeUploader, inspection.id(), request.id(),
                "OFFICIAL-SENSITIVE", "PERSONAL");
        EvidenceDocument document = documents.upload(policeUploader, target,
                new IncomingDocument("records.pdf", new ByteArrayInputStream(pdf)));

        assertEquals(KeyScope.inspection(inspection.id()), document.document().content().scope());
        assertEquals("OFFICIAL-SENSITIVE PERSONAL", document.classification().marking());
        assertEquals(DemoDirectory.POLICE_ID, document.agencyId());
        assertEquals("police-uploader", document.uploadedBy());
        try (var in = documents.download(cqcInspector, document.id()).content()) {
            assertArrayEquals(pdf, in.readAllBytes());
        }
        assertTrue(events(AuditActions.EVIDENCE_UPLOAD, AuditEvent.Outcome.SUCCEEDED).get(0).detail()
                .contains("sha256=" + document.sha256()));
    }

    /** The rule that a download is audited before its first byte: no audit row, no content, and the read is freed. */
    @Test
    void aDownloadWhoseAuditFailsServesNothingAndClosesTheStoresRead() {
        Inspection inspection = opened("CQC", "HMIC");
        InformationRequest request = requests.request(hmicInspector, inspection.id(),
                toAgency(DemoDirectory.POLICE_ID, "KEY_CASE_FILE_DOCUMENTS"));
        EvidenceDocument document = documents.upload(policeUploader, documents.checkUpload(policeUploader,
                inspection.id(), request.id(), "OFFICIAL", null), new IncomingDocument("r.pdf",
                new ByteArrayInputStream("%PDF-1.7 x".getBytes(StandardCharsets.US_ASCII))));
        audit.failOn(AuditActions.EVIDENCE_DOWNLOAD);

        assertThrows(IllegalStateException.class, () -> documents.download(cqcInspector, document.id()));

        assertEquals(0, store.unclosedReads(), "the store's read is closed, not left waiting for a reader");
        assertTrue(events(AuditActions.EVIDENCE_DOWNLOAD, AuditEvent.Outcome.SUCCEEDED).isEmpty());
    }

    @Test
    void anotherAgencyMayNotKnowTheRequestOrTheDocumentExists() {
        Inspection inspection = opened("CQC", "HMIC");
        InformationRequest toPolice = requests.request(hmicInspector, inspection.id(),
                toAgency(DemoDirectory.POLICE_ID, "KEY_CASE_FILE_DOCUMENTS"));
        EvidenceDocument document = documents.upload(policeUploader, documents.checkUpload(policeUploader,
                inspection.id(), toPolice.id(), "OFFICIAL", null), new IncomingDocument("r.pdf",
                new ByteArrayInputStream("%PDF-1.7 x".getBytes(StandardCharsets.US_ASCII))));

        assertThrows(NotFound.class, () -> documents.checkUpload(healthUploader, inspection.id(), toPolice.id(),
                "OFFICIAL", null));
        assertThrows(NotFound.class, () -> documents.download(healthUploader, document.id()));
        assertTrue(documents.ofInspection(healthUploader, inspection.id()).isEmpty());
        assertThrows(NotFound.class, () -> documents.download(
                aSubject().of(Inspectorate.OFSTED).withRoles(Role.SIRO).build(), document.id()));
    }

    @Test
    void secretMaterialAndRefusedFilesLeaveNothing() {
        Inspection inspection = opened("HMIC");
        InformationRequest request = requests.request(hmicInspector, inspection.id(),
                toAgency(DemoDirectory.POLICE_ID, "KEY_CASE_FILE_DOCUMENTS"));

        assertEquals("classification.tier", assertThrows(InvalidInput.class, () -> documents.checkUpload(
                policeUploader, inspection.id(), request.id(), "SECRET", null)).errors().get(0).field());
        UploadTarget target = documents.checkUpload(policeUploader, inspection.id(), request.id(), "OFFICIAL", null);
        byte[] infected = ("%PDF-1.7 " + new String(MALWARE, StandardCharsets.US_ASCII))
                .getBytes(StandardCharsets.US_ASCII);
        assertThrows(UploadRejected.class, () -> documents.upload(policeUploader, target,
                new IncomingDocument("r.pdf", new ByteArrayInputStream(infected))));
        assertEquals(0, inspections.documents.size());
        assertTrue(store.objects().isEmpty(), "a refused file leaves no stored byte");
        assertEquals(1, events(AuditActions.EVIDENCE_UPLOAD, AuditEvent.Outcome.REFUSED).stream()
                .filter(e -> e.detail().contains("signature=Eicar")).count());
    }

    // ---- what is due

    @Test
    void anAgencySeesWhatIsDueAndAnInspectorateItsOverdueRequests() {
        Inspection inspection = opened("CQC", "HMIC");
        InformationRequest list = requests.request(hmicInspector, inspection.id(),
                toAgency(DemoDirectory.POLICE_ID, "KEY_CASE_FILE_DOCUMENTS"));
        requests.request(cqcInspector, inspection.id(), toAgency(DemoDirectory.HEALTH_ID, "KEY_CASE_FILE_DOCUMENTS"));

        List<DueWork.Item> police = due.dueFor(policeUploader);
        assertEquals(List.of(list.id()), police.stream().map(item -> item.request().id()).toList());
        assertFalse(police.get(0).overdue());
        assertTrue(due.dueFor(hmicInspector).isEmpty(), "nothing overdue yet");

        clock.advance(java.time.Duration.ofDays(7));
        assertTrue(due.dueFor(policeUploader).get(0).overdue());
        assertEquals(List.of(list.id()), due.dueFor(hmicInspector).stream().map(item -> item.request().id())
                .toList(), "HMIC's overdue request, not CQC's");
    }

    @Test
    void remindersGoForRequestsOfOpenInspectionsThatNoDocumentAnswersYet() {
        Inspection inspection = opened("CQC", "HMIC");
        InformationRequest toPolice = requests.request(hmicInspector, inspection.id(),
                toAgency(DemoDirectory.POLICE_ID, "KEY_CASE_FILE_DOCUMENTS"));
        InformationRequest toHealth = requests.request(cqcInspector, inspection.id(),
                toAgency(DemoDirectory.HEALTH_ID, "KEY_CASE_FILE_DOCUMENTS"));
        documents.upload(healthUploader, documents.checkUpload(healthUploader, inspection.id(), toHealth.id(),
                "OFFICIAL", null), new IncomingDocument("h.pdf",
                new ByteArrayInputStream("%PDF-1.7 h".getBytes(StandardCharsets.US_ASCII))));
        OutstandingRequests outstanding = new OutstandingRequests(inspections, inspections.requests,
                inspections.documents);

        List<DueItems.DueItem> overdue = outstanding.overdueAt(toPolice.dueAt().plusSeconds(1));
        assertEquals(List.of(toPolice.id()), overdue.stream().map(DueItems.DueItem::itemId).toList());
        assertEquals(DemoDirectory.POLICE_ID, overdue.get(0).organisationId());
        assertEquals(List.of(toPolice.id()), outstanding.dueBetween(toPolice.dueAt().minusSeconds(60),
                toPolice.dueAt().plusSeconds(1)).stream().map(DueItems.DueItem::itemId).toList());
        assertTrue(outstanding.overdueAt(toPolice.dueAt()).isEmpty(), "not before its due time");
    }

    @Test
    void theListOfChildrenIsAskedForOnItsOwnAndWhatAnswersItIsCheckedAsAList() {
        Inspection inspection = opened("CQC");
        assertEquals("items", assertThrows(InvalidInput.class, () -> requests.request(ofstedLead, inspection.id(),
                toAgency(DemoDirectory.CHILDRENS_SERVICES_ID, "LIST_OF_CHILDREN", "JOINT_EVALUATIONS")))
                .errors().get(0).field());
        InformationRequest list = requests.request(ofstedLead, inspection.id(),
                toAgency(DemoDirectory.CHILDRENS_SERVICES_ID, "LIST_OF_CHILDREN"));
        InformationRequest other = requests.request(ofstedLead, inspection.id(),
                toAgency(DemoDirectory.CHILDRENS_SERVICES_ID, "JOINT_EVALUATIONS"));
        Subject childrens = aSubject().withId("childrens-uploader").ofAgency().withRoles(Role.AGENCY_UPLOADER)
                .build();
        childrens = new Subject(childrens.userId(), childrens.username(), childrens.displayName(),
                directory.findOrganisation(DemoDirectory.CHILDRENS_SERVICES_ID).orElseThrow(), childrens.roles(),
                childrens.teams());
        Subject uploader = childrens;

        assertThrows(UploadRejected.class, () -> documents.upload(uploader, documents.checkUpload(uploader,
                inspection.id(), list.id(), "OFFICIAL-SENSITIVE", null), new IncomingDocument("children.txt",
                new ByteArrayInputStream("Id,Name\n1,Ann\n".getBytes(StandardCharsets.UTF_8)))));
        assertEquals(0, inspections.documents.size());
        assertTrue(store.objects().isEmpty(), "a refused list leaves no stored byte");
        documents.upload(uploader, documents.checkUpload(uploader, inspection.id(), list.id(), "OFFICIAL-SENSITIVE",
                null), new IncomingDocument("children.txt", new ByteArrayInputStream("Id\n1\n".getBytes(
                StandardCharsets.UTF_8))));
        documents.upload(uploader, documents.checkUpload(uploader, inspection.id(), other.id(), "OFFICIAL", null),
                new IncomingDocument("evaluation.txt", new ByteArrayInputStream("Name of the worker: social worker"
                        .getBytes(StandardCharsets.UTF_8))));
        assertEquals(List.of("Id,Name\n1,Ann\n", "Id\n1\n"), listsChecked, "only what answers the list request");
        assertEquals(2, inspections.documents.size());
    }
}
