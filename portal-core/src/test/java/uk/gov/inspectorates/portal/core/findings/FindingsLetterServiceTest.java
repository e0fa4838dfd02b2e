package uk.gov.inspectorates.portal.core.findings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.document.DocumentIntake;
import uk.gov.inspectorates.portal.core.document.IncomingDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.UploadRejected;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionStatus;
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportType;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.testdata.EnglandAndWalesBankHolidays;
import uk.gov.inspectorates.portal.core.testdata.FakeContentInspector;
import uk.gov.inspectorates.portal.core.testdata.FakeContentScanner;
import uk.gov.inspectorates.portal.core.testdata.FakeContentTypeDetector;
import uk.gov.inspectorates.portal.core.testdata.FakeDocumentStore;
import uk.gov.inspectorates.portal.core.testdata.InMemoryDirectory;
import uk.gov.inspectorates.portal.core.testdata.InMemoryInspections;
import uk.gov.inspectorates.portal.core.testdata.InMemoryReportRepository;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

/**
 * The findings letter from draft to issue on its own (in-memory ports, the real policy and gate): every stage,
 * every step out of turn refused with a 409, the DCS's part, the due dates, and issue as an embargoed report whose
 * named agency recipients read it.
 */
class FindingsLetterServiceTest {

    /** Tuesday 9 March 2027 is day 0; day 21 is Thursday 8 April (Good Friday and Easter Monday are not working). */
    private static final LocalDate DAY_0 = LocalDate.parse("2027-03-09");
    private static final Instant DAY_16 = Instant.parse("2027-03-31T10:00:00Z");
    private static final byte[] PDF = "%PDF-1.7 findings".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MALWARE = "EICAR-MARKER".getBytes(StandardCharsets.US_ASCII);

    private final MutableClock clock = new MutableClock(DAY_16);
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final PolicyGate gate = new PolicyGate(new AccessPolicy(), audit, clock);
    private final InMemoryDirectory directory = InMemoryDirectory.withDemoOrganisations();
    private final InMemoryInspections inspections = new InMemoryInspections();
    private final WorkingDayCalendar calendar = EnglandAndWalesBankHolidays.calendar();
    private final FakeDocumentStore store = new FakeDocumentStore();
    private final DocumentIntake intake = new DocumentIntake(new FakeContentTypeDetector(),
            new FakeContentInspector(), new FakeContentScanner().infectedWhenContaining(MALWARE, "Eicar"), store,
            100_000);
    private final InMemoryFindingsLetters letters = new InMemoryFindingsLetters();
    private final InMemoryReportRepository reports = new InMemoryReportRepository();
    private final List<Notice> noticed = new ArrayList<>();
    private final FindingsLetterService service = new FindingsLetterService(inspections, letters, intake, store,
            directory, calendar, gate);
    private final FindingsLetterReading reading = new FindingsLetterReading(inspections, letters, store, directory,
            calendar, gate);
    private final FindingsLetterIssuing issuing = new FindingsLetterIssuing(inspections, letters, reports, store,
            directory, calendar, noticed::add, gate);

    private final Subject ofstedLead = aSubject().withId("ofsted-lead").of(Inspectorate.OFSTED)
            .withRoles(Role.LEAD_INSPECTOR).build();
    private final Subject ofstedInspector = aSubject().withId("ofsted-inspector").of(Inspectorate.OFSTED)
            .withRoles(Role.INSPECTOR).build();
    private final Subject cqcInspector = aSubject().withId("cqc-inspector").of(Inspectorate.CQC)
            .withRoles(Role.INSPECTOR).build();
    private final Subject hmicLead = aSubject().withId("hmic-lead").of(Inspectorate.HMIC)
            .withRoles(Role.LEAD_INSPECTOR).build();
    private final Subject dcs = agency("dcs", DemoDirectory.CHILDRENS_SERVICES_ID,
            AgencyType.LOCAL_AUTHORITY_CHILDRENS_SERVICES, Role.AGENCY_CHIEF_OFFICER);
    private final Subject policeChief = agency("police-chief", DemoDirectory.POLICE_ID, AgencyType.POLICE_FORCE,
            Role.AGENCY_CHIEF_OFFICER);
    private final Subject policeUploader = agency("police-uploader", DemoDirectory.POLICE_ID,
            AgencyType.POLICE_FORCE, Role.AGENCY_UPLOADER);
    private final Subject laUploader = agency("la-uploader", DemoDirectory.CHILDRENS_SERVICES_ID,
            AgencyType.LOCAL_AUTHORITY_CHILDRENS_SERVICES, Role.AGENCY_UPLOADER);

    private final Inspection inspection = new Inspection("insp-1", DemoDirectory.LOCAL_AUTHORITY_AREA_ID,
            "Children living with domestic abuse", DAY_0, Inspectorate.OFSTED,
            Set.of(Inspectorate.OFSTED, Inspectorate.CQC, Inspectorate.HMIC), Map.of(), InspectionStatus.OPEN,
            "ofsted-lead", DAY_16);

    FindingsLetterServiceTest() {
        inspections.add(inspection);
        for (Subject person : List.of(dcs, policeChief, policeUploader, laUploader)) {
            directory.saveUser(new UserAccount(person.userId(), person.username(), person.displayName(),
                    person.organisation().id(), person.roles(), Set.of(), null));
        }
        // a chief officer of an agency no participant inspects (youth offending: HMI Probation is not taking part)
        directory.saveUser(new UserAccount("yos-chief", "yos-chief", "YOS chief", DemoDirectory.YOUTH_OFFENDING_ID,
                Set.of(Role.AGENCY_CHIEF_OFFICER), Set.of(), null));
    }

    private static Subject agency(String id, String agencyId, AgencyType type, Role role) {
        return aSubject().withId(id).ofAgency(agencyId, type, DemoDirectory.LOCAL_AUTHORITY_AREA_ID)
                .withRoles(role).build();
    }

    private FindingsDocument version(Subject who, byte[] content) {
        FindingsLetterTarget target = service.checkVersion(who, inspection.id(), "OFFICIAL_SENSITIVE", null);
        return service.upload(who, target, new IncomingDocument("letter.pdf", new ByteArrayInputStream(content)));
    }

    private FindingsDocument comments(Subject who) {
        FindingsLetterTarget target = service.checkComments(who, inspection.id(), "OFFICIAL", null);
        return service.upload(who, target, new IncomingDocument("comments.pdf", new ByteArrayInputStream(PDF)));
    }

    private FindingsLetterStage stage() {
        return reading.view(ofstedLead, inspection.id()).stage();
    }

    private void signedOffByBoth() {
        service.signOff(cqcInspector, inspection.id(), null);
        service.signOff(hmicLead, inspection.id(), null);
    }

    private void agreedLetter() {
        version(ofstedLead, PDF);
        signedOffByBoth();
        service.sendForAccuracyCheck(ofstedLead, inspection.id(), null);
        comments(dcs);
        version(ofstedLead, "%PDF-1.7 revised".getBytes(StandardCharsets.US_ASCII));
        signedOffByBoth();
    }

    private List<AuditEvent> events(String action, AuditEvent.Outcome outcome) {
        return audit.events().stream().filter(e -> e.action().equals(action) && e.outcome() == outcome).toList();
    }

    @Test
    void theLetterGoesThroughEveryStageInTurn() {
        assertEquals(FindingsLetterStage.NOT_STARTED, stage());
        FindingsDocument draft = version(ofstedLead, PDF);
        assertEquals(1, draft.version());
        assertEquals(KeyScope.inspection(inspection.id()), draft.document().content().scope());
        assertEquals(FindingsLetterStage.AWAITING_SIGN_OFF, stage());
        service.signOff(cqcInspector, inspection.id(), 1);
        assertEquals(Set.of(Inspectorate.HMIC), reading.view(ofstedLead, inspection.id()).awaitingSignOff());
        service.signOff(hmicLead, inspection.id(), 1);
        assertEquals(FindingsLetterStage.SIGNED_OFF, stage());
        AccuracyCheck check = service.sendForAccuracyCheck(ofstedLead, inspection.id(), null);
        assertEquals("dcs", check.dcsUserId());
        assertEquals(FindingsLetterStage.WITH_DCS, stage());
        comments(dcs);
        assertEquals(FindingsLetterStage.AWAITING_REVISION, stage());
        assertEquals(2, version(ofstedLead, PDF).version());
        assertEquals(FindingsLetterStage.AWAITING_AGREEMENT, stage());
        signedOffByBoth();
        assertEquals(FindingsLetterStage.AGREED, stage());
        issuing.issue(ofstedLead, inspection.id(), null);
        assertEquals(FindingsLetterStage.ISSUED, stage());
        assertEquals(1, events(AuditActions.FINDINGS_LETTER_ISSUE, AuditEvent.Outcome.SUCCEEDED).size());
    }

    @Test
    void aNewDraftNeedsSigningOffAgain() {
        version(ofstedLead, PDF);
        signedOffByBoth();
        version(ofstedLead, PDF);
        assertEquals(FindingsLetterStage.AWAITING_SIGN_OFF, stage());
    }

    @Test
    void stepsOutOfTurnAreConflicts() {
        assertThrows(Conflict.class, () -> service.signOff(cqcInspector, inspection.id(), null));
        version(ofstedLead, PDF);
        assertThrows(Conflict.class, () -> service.sendForAccuracyCheck(ofstedLead, inspection.id(), null));
        assertThrows(Conflict.class, () -> issuing.issue(ofstedLead, inspection.id(), null));
        service.signOff(cqcInspector, inspection.id(), null);
        assertThrows(Conflict.class, () -> service.signOff(cqcInspector, inspection.id(), null));
        service.signOff(hmicLead, inspection.id(), null);
        // signed off but never checked by the DCS: not yet issued
        assertThrows(Conflict.class, () -> issuing.issue(ofstedLead, inspection.id(), null));
        service.sendForAccuracyCheck(ofstedLead, inspection.id(), null);
        assertThrows(Conflict.class, () -> service.sendForAccuracyCheck(ofstedLead, inspection.id(), null));
        // while it is with the DCS the lead inspector waits
        assertThrows(Conflict.class, () -> service.checkVersion(ofstedLead, inspection.id(), "OFFICIAL", null));
        comments(dcs);
        assertThrows(Conflict.class, () -> comments(dcs));
        assertThrows(Conflict.class, () -> issuing.issue(ofstedLead, inspection.id(), null));
        assertFalse(events(AuditActions.FINDINGS_LETTER_ACCURACY_CHECK, AuditEvent.Outcome.REFUSED).isEmpty());
    }

    @Test
    void signingOffAnOlderVersionIsRefused() {
        version(ofstedLead, PDF);
        version(ofstedLead, PDF);
        assertThrows(Conflict.class, () -> service.signOff(cqcInspector, inspection.id(), 1));
        assertEquals(2, service.signOff(cqcInspector, inspection.id(), 2).version());
    }

    @Test
    void theLeadInspectorRevisesWhenTheDcsTimeRunsOutWithoutComments() {
        version(ofstedLead, PDF);
        signedOffByBoth();
        AccuracyCheck check = service.sendForAccuracyCheck(ofstedLead, inspection.id(), null);
        clock.advance(java.time.Duration.between(clock.instant(), check.dueAt().plusSeconds(1)));
        assertEquals(FindingsLetterStage.AWAITING_REVISION, stage());
        assertEquals(2, version(ofstedLead, PDF).version());
    }

    @Test
    void theCommentsAreDueAtTheEndOfTheTenthWorkingDayCountingTheDaySent() {
        // sent on day 24 (Wednesday 14 April 2027 at 11:00 BST): due at the end of day 33 (Tuesday 27 April)
        Instant day24 = Instant.parse("2027-04-14T10:00:00Z");
        assertEquals(LocalDate.parse("2027-04-14"), JtaiDay.of(24));
        assertEquals(Instant.parse("2027-04-27T22:59:59Z"), FindingsLetterDueDates.commentsDue(day24, calendar));
        // sent on a Saturday: the Monday is the first of the ten
        assertEquals(Instant.parse("2027-04-30T22:59:59Z"),
                FindingsLetterDueDates.commentsDue(Instant.parse("2027-04-17T10:00:00Z"), calendar));
    }

    /** The working days of the inspection in this test. */
    private static final class JtaiDay {
        static LocalDate of(int day) {
            return uk.gov.inspectorates.portal.core.inspection.JtaiTimeline
                    .from(DAY_0, EnglandAndWalesBankHolidays.calendar()).dateOf(day);
        }
    }

    @Test
    void theViewShowsTheTimelinesDueDates() {
        FindingsLetterDueDates due = reading.view(ofstedLead, inspection.id()).dueDates();
        assertEquals(JtaiDay.of(21).atTime(12, 0).atZone(WorkingDayCalendar.UK).toInstant(), due.signOffDue());
        assertEquals(JtaiDay.of(41), due.issueOn());
        assertEquals(JtaiDay.of(43), due.publicationOn());
    }

    @Test
    void onlyTheLeadInspectorateLeadInspectorDraftsSendsAndIssues() {
        AccessDenied denied = assertThrows(AccessDenied.class,
                () -> service.checkVersion(ofstedInspector, inspection.id(), "OFFICIAL", null));
        assertEquals("findings-letter.draft.lead-inspectorate-lead-inspector-only", denied.rule());
        version(ofstedLead, PDF);
        signedOffByBoth();
        assertThrows(AccessDenied.class, () -> service.sendForAccuracyCheck(cqcInspector, inspection.id(), null));
        assertThrows(AccessDenied.class, () -> service.signOff(ofstedLead, inspection.id(), null));
    }

    @Test
    void agencyStaffSeeNothingBeforeTheDraftIsSentAndOnlyTheDcsAfter() {
        version(ofstedLead, PDF);
        assertThrows(NotFound.class, () -> reading.view(dcs, inspection.id()));
        assertThrows(NotFound.class, () -> reading.view(policeChief, inspection.id()));
        signedOffByBoth();
        service.sendForAccuracyCheck(ofstedLead, inspection.id(), null);
        FindingsLetterView seenByDcs = reading.view(dcs, inspection.id());
        assertEquals(1, seenByDcs.documents().size());
        assertTrue(seenByDcs.signOffs().isEmpty());
        assertTrue(seenByDcs.mayTake().contains(FindingsLetterView.Step.UPLOAD_COMMENTS));
        assertThrows(NotFound.class, () -> reading.view(laUploader, inspection.id()));
        assertThrows(NotFound.class, () -> reading.view(policeChief, inspection.id()));
        assertThrows(NotFound.class, () -> service.checkComments(laUploader, inspection.id(), "OFFICIAL", null));
        assertThrows(AccessDenied.class, () -> service.checkComments(ofstedLead, inspection.id(), "OFFICIAL", null));
        comments(dcs);
        // a revision is not for the DCS
        FindingsDocument revised = version(ofstedLead, PDF);
        assertEquals(2, reading.view(dcs, inspection.id()).documents().size());
        assertThrows(NotFound.class, () -> reading.download(dcs, inspection.id(), revised.id()));
        assertEquals(3, reading.view(cqcInspector, inspection.id()).documents().size());
    }

    @Test
    void aRefusedUploadKeepsNothing() {
        FindingsLetterTarget target = service.checkVersion(ofstedLead, inspection.id(), "OFFICIAL", null);
        byte[] infected = "%PDF-1.7 EICAR-MARKER".getBytes(StandardCharsets.US_ASCII);
        assertThrows(UploadRejected.class, () -> service.upload(ofstedLead, target,
                new IncomingDocument("letter.pdf", new ByteArrayInputStream(infected))));
        assertTrue(store.objects().isEmpty());
        assertEquals(FindingsLetterStage.NOT_STARTED, stage());
        assertThrows(InvalidInput.class, () -> service.checkVersion(ofstedLead, inspection.id(), "SECRET", null));
    }

    @Test
    void issuingMakesAnEmbargoedReportForTheOtherInspectoratesAndTheNamedAgencyRecipients() throws IOException {
        agreedLetter();
        Report report = issuing.issue(ofstedLead, inspection.id(), "la-uploader");
        assertEquals(ReportType.JTAI_FINDINGS_LETTER, report.type());
        assertEquals(Set.of(Inspectorate.CQC, Inspectorate.HMIC), report.addressees());
        // the DCS, the chief officers of the agencies the participants inspect, the chair: not the YOS's chief
        assertEquals(Set.of("dcs", "police-chief", "la-uploader"), report.agencyRecipients());
        assertTrue(report.underEmbargoAt(clock.instant()));
        assertEquals(KeyScope.report(report.id()), report.document().content().scope());
        assertArrayEquals("%PDF-1.7 revised".getBytes(StandardCharsets.US_ASCII),
                store.open(report.document().content()).readAllBytes());
        assertTrue(reports.find(report.id()).isPresent());
        assertEquals(1, noticed.size());
        assertNotEquals(inspection.keyScope(), report.document().content().scope());
        assertThrows(Conflict.class, () -> issuing.issue(ofstedLead, inspection.id(), null));
    }

    @Test
    void theChairMustBeAPersonOfTheArea() {
        agreedLetter();
        assertThrows(InvalidInput.class, () -> issuing.issue(ofstedLead, inspection.id(), "cqc-inspector"));
        assertThrows(InvalidInput.class, () -> issuing.issue(ofstedLead, inspection.id(), "nobody"));
        assertTrue(reports.all().isEmpty());
    }

    @Test
    void publicationIsReadFromTheIssuedReport() {
        FindingsLetterPublication publication = new FindingsLetterPublication(letters, reports);
        assertTrue(publication.findingsLetterPublishedAt(inspection.id()).isEmpty());
        agreedLetter();
        Report report = issuing.issue(ofstedLead, inspection.id(), null);
        assertTrue(publication.findingsLetterPublishedAt(inspection.id()).isEmpty());
        Instant day43 = Instant.parse("2027-05-11T08:00:00Z");
        reports.recordPublication(report.id(), new uk.gov.inspectorates.portal.core.report.Publication(
                java.net.URI.create("https://www.gov.uk/letter"), day43, "ofsted-lead", clock.instant()),
                clock.instant());
        assertEquals(day43, publication.findingsLetterPublishedAt(inspection.id()).orElseThrow());
    }

    @Test
    void theDcsIsRemindedUntilTheCommentsAreIn() {
        version(ofstedLead, PDF);
        signedOffByBoth();
        AccuracyCheck check = service.sendForAccuracyCheck(ofstedLead, inspection.id(), null);
        AccuracyCheckDueItems due = new AccuracyCheckDueItems(letters);
        assertEquals(List.of(DemoDirectory.CHILDRENS_SERVICES_ID), due.dueBetween(check.dueAt().minusSeconds(60),
                check.dueAt().plusSeconds(1)).stream().map(item -> item.organisationId()).toList());
        assertEquals(1, due.overdueAt(check.dueAt().plusSeconds(1)).size());
        comments(dcs);
        assertTrue(due.overdueAt(check.dueAt().plusSeconds(1)).isEmpty());
    }

    @Test
    void theDcsIsChosenAmongTheChildrensServicesChiefOfficersWhenThereAreSeveral() {
        assertEquals(List.of("dcs"), reading.dcsCandidates(ofstedLead, inspection.id()).stream()
                .map(UserAccount::id).toList());
        assertTrue(reading.dcsCandidates(cqcInspector, inspection.id()).isEmpty(), "offered to the sender only");
        directory.saveUser(new UserAccount("deputy", "deputy", "Deputy director", DemoDirectory.CHILDRENS_SERVICES_ID,
                Set.of(Role.AGENCY_CHIEF_OFFICER), Set.of(), null));
        version(ofstedLead, PDF);
        signedOffByBoth();
        InvalidInput choose = assertThrows(InvalidInput.class,
                () -> service.sendForAccuracyCheck(ofstedLead, inspection.id(), null));
        assertEquals("dcs", choose.errors().get(0).field());
        assertThrows(InvalidInput.class, () -> service.sendForAccuracyCheck(ofstedLead, inspection.id(),
                "police-chief"));
        assertEquals("deputy", service.sendForAccuracyCheck(ofstedLead, inspection.id(), "deputy").dcsUserId());
        assertThrows(NotFound.class, () -> reading.view(dcs, inspection.id()), "the other chief officer is not it");
    }
}
