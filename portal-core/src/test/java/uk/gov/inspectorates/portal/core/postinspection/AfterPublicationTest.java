package uk.gov.inspectorates.portal.core.postinspection;

import uk.gov.inspectorates.portal.core.inspection.JtaiTimeline;
import uk.gov.inspectorates.portal.core.inspection.FindingsPublication;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.ChallengeRules;
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
import uk.gov.inspectorates.portal.core.document.WindowedScanner;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocument;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocuments;
import uk.gov.inspectorates.portal.core.inspection.EvidenceIntake;
import uk.gov.inspectorates.portal.core.inspection.InformationRequest;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionDraft;
import uk.gov.inspectorates.portal.core.inspection.InspectionService;
import uk.gov.inspectorates.portal.core.notification.DueItems;
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.Recipients;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.Conflict;
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
 * After the findings letter's publication (JTAI §96-99, Annex D), on a moving clock: the statement of proposed action
 * and its review, challenges and complaints with their deadlines. The letter's publication comes from a fake
 * {@code FindingsPublication} (the real one is the findings letter's).
 */
class AfterPublicationTest {

    /** Day 0: Tuesday 9 March 2027. The letter is published on Tuesday 11 May 2027, 09:00 BST. */
    private static final String DAY_0 = "2027-03-09";
    private static final Instant OPENED = Instant.parse("2027-03-09T10:00:00Z");
    private static final Instant PUBLISHED = Instant.parse("2027-05-11T08:00:00Z");
    /** 70 working days after 11 May 2027 (31 May a bank holiday): Wednesday 18 August, end of the day (BST). */
    private static final Instant STATEMENT_DUE = Instant.parse("2027-08-18T22:59:59Z");
    /** 10 working days after publication: Tuesday 25 May, end of the day. */
    private static final Instant CHALLENGES_CLOSE = Instant.parse("2027-05-25T22:59:59Z");
    private static final byte[] PDF = "%PDF-1.7 statement of proposed action".getBytes(StandardCharsets.US_ASCII);

    private final MutableClock clock = new MutableClock(OPENED);
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final PolicyGate gate = new PolicyGate(new AccessPolicy(), audit, clock);
    private final InMemoryDirectory directory = InMemoryDirectory.withDemoOrganisations();
    private final InMemoryInspections inspections = new InMemoryInspections();
    private final WorkingDayCalendar calendar = EnglandAndWalesBankHolidays.calendar();
    private final Map<String, Instant> publications = new HashMap<>();
    private final AnnexDDeadlines deadlines = new AnnexDDeadlines(
            inspectionId -> Optional.ofNullable(publications.get(inspectionId)), calendar);
    private final List<Notice> noticed = new ArrayList<>();
    private final InMemoryStatements statements = new InMemoryStatements();
    private final InMemoryChallenges challenges = new InMemoryChallenges();

    private final FakeDocumentStore store = new FakeDocumentStore();
    private final FakeContentScanner scanner = new FakeContentScanner();
    private final DocumentIntake intake = new DocumentIntake(new FakeContentTypeDetector(), new FakeContentInspector(),
            scanner, store, 100_000);
    private final EvidenceDocuments documents = new EvidenceDocuments(inspections, inspections.requests,
            inspections.documents, new EvidenceIntake(intake, store, ContentCheck.NONE), store,
            new ResumableUploads(new InMemoryResumableUploadRepository(), store, intake,
                    new WindowedScanner(scanner, 100_000, 1024), new FakeKeyService(), gate, audit,
                    new ResumableUploads.Settings(1000, Duration.ofHours(1))), gate);

    private final ProposedActionService statementService = new ProposedActionService(inspections,
            inspections.requests, statements, deadlines, directory, noticed::add, gate);
    private final StatementReviews reviews = new StatementReviews(inspections, inspections.documents, statements,
            noticed::add, gate);
    private final ChallengeService challengeService = new ChallengeService(inspections, challenges, deadlines,
            noticed::add, gate);

    private final Subject ofstedLead = aSubject().withId("ofsted-lead").of(Inspectorate.OFSTED)
            .withRoles(Role.LEAD_INSPECTOR).build();
    private final Subject ofstedAnalyst = aSubject().withId("ofsted-analyst").of(Inspectorate.OFSTED)
            .withRoles(Role.DATA_ANALYST).build();
    private final Subject cqcInspector = aSubject().withId("cqc-inspector").of(Inspectorate.CQC)
            .withRoles(Role.INSPECTOR).build();
    private final Subject dcs = agencyStaff("dcs", DemoDirectory.CHILDRENS_SERVICES_ID,
            AgencyType.LOCAL_AUTHORITY_CHILDRENS_SERVICES, Role.AGENCY_CHIEF_OFFICER);
    private final Subject policeUploader = agencyStaff("police-uploader", DemoDirectory.POLICE_ID,
            AgencyType.POLICE_FORCE, Role.AGENCY_UPLOADER);
    private final Inspection inspection;

    AfterPublicationTest() {
        directory.saveUser(new UserAccount("cqc-lead", "cqc.lead", "Cleo", "cqc", Set.of(Role.LEAD_INSPECTOR),
                Set.of(), null));
        inspection = new InspectionService(inspections, inspections.requests, directory, calendar, gate)
                .open(ofstedLead, new InspectionDraft(DemoDirectory.LOCAL_AUTHORITY_AREA_ID, "Neglect", DAY_0,
                        List.of("OFSTED", "CQC", "HMIC"), "OFSTED", Map.of("CQC", "cqc-lead"))).inspection();
        at(PUBLISHED.plus(Duration.ofDays(1)));
    }

    private void at(Instant instant) {
        clock.advance(Duration.between(clock.instant(), instant));
    }

    private static Subject agencyStaff(String id, String agencyId, AgencyType type, Role role) {
        return aSubject().withId(id).ofAgency(agencyId, type, DemoDirectory.LOCAL_AUTHORITY_AREA_ID).withRoles(role)
                .build();
    }

    private void published() {
        publications.put(inspection.id(), PUBLISHED);
    }

    private AuditEvent lastEvent() {
        return audit.events().get(audit.events().size() - 1);
    }

    // ---- the statement of proposed action

    @Test
    void theStatementIsAskedForOnlyAfterTheLettersPublication() {
        Conflict notYet = assertThrows(Conflict.class, () -> statementService.name(ofstedLead, inspection.id(), null));
        assertEquals(ProposedActionService.NAMED_AFTER_PUBLICATION, notYet.rule());

        publications.put(inspection.id(), clock.instant().plusSeconds(60)); // scheduled, not yet come
        assertThrows(Conflict.class, () -> statementService.name(ofstedLead, inspection.id(), null));
        assertTrue(inspections.requests.ofInspection(inspection.id()).isEmpty());
        assertEquals(AuditEvent.Outcome.REFUSED, lastEvent().outcome());
    }

    @Test
    void theStatementCountsItsSeventyWorkingDaysFromWhenTheLetterWasSentNotFromPublication() {
        // sent (issued, day 41) on Friday 7 May 2027, published on Tuesday 11 May: two working days earlier
        Instant sent = Instant.parse("2027-05-07T08:00:00Z");
        AnnexDDeadlines deadlines = new AnnexDDeadlines(new FindingsPublication() {
            @Override
            public Optional<Instant> findingsLetterPublishedAt(String inspectionId) {
                return Optional.of(PUBLISHED);
            }

            @Override
            public Optional<Instant> findingsLetterSentAt(String inspectionId) {
                return Optional.of(sent);
            }
        }, calendar);

        assertEquals(Instant.parse("2027-08-16T22:59:59Z"), deadlines.statementDue(inspection.id(), PUBLISHED));
        assertEquals(java.time.LocalDate.of(2027, 8, 16),
                JtaiTimeline.statementOfProposedActionDue(java.time.LocalDate.of(2027, 5, 7), calendar),
                "the same day as the timeline's milestone");
    }

    @Test
    void afterPublicationTheLeadInspectorAsksTheAreasChildrensServicesByDefaultDue70WorkingDaysLater() {
        published();

        StatementOfProposedAction statement = statementService.name(ofstedLead, inspection.id(), " ");

        assertEquals(DemoDirectory.CHILDRENS_SERVICES_ID, statement.agencyId());
        assertEquals(STATEMENT_DUE, statement.dueAt());
        InformationRequest request = inspections.requests.find(inspection.id(), statement.requestId()).orElseThrow();
        assertEquals(Inspectorate.OFSTED, request.requestedBy());
        assertEquals(DemoDirectory.CHILDRENS_SERVICES_ID, request.agencyId());
        assertEquals(STATEMENT_DUE, request.dueAt(), "reminded like any request, by its due time");
        assertEquals(StatementOfProposedAction.TITLE, request.title());
        Notice notice = noticed.get(noticed.size() - 1);
        assertEquals(NoticeKind.NEW_REQUEST, notice.kind());
        assertEquals(List.of(Recipients.withRoles(DemoDirectory.CHILDRENS_SERVICES_ID, Role.AGENCY_UPLOADER,
                Role.AGENCY_CHIEF_OFFICER)), notice.recipients());
        assertEquals(AuditActions.PROPOSED_ACTION_STATEMENT, lastEvent().action());
        assertEquals(AuditEvent.Outcome.SUCCEEDED, lastEvent().outcome());

        assertEquals(Optional.of(statement), statementService.of(dcs, inspection.id()), "the agency named sees it");
        assertEquals(Optional.of(statement), statementService.of(cqcInspector, inspection.id()));
        assertEquals(Optional.empty(), statementService.of(policeUploader, inspection.id()), "another agency not");
    }

    @Test
    void theLetterMayNameAnotherAgencyOfTheAreaButNoOtherAndOnlyOnce() {
        published();
        InvalidInput elsewhere = assertThrows(InvalidInput.class,
                () -> statementService.name(ofstedLead, inspection.id(), "another-area-agency"));
        assertEquals("agency", elsewhere.errors().get(0).field());

        StatementOfProposedAction statement = statementService.name(ofstedLead, inspection.id(),
                DemoDirectory.POLICE_ID);
        assertEquals(DemoDirectory.POLICE_ID, statement.agencyId());

        Conflict again = assertThrows(Conflict.class, () -> statementService.name(ofstedLead, inspection.id(), null));
        assertEquals(ProposedActionService.NAMED_ONCE, again.rule());
        assertEquals(1, inspections.requests.ofInspection(inspection.id()).size());
    }

    @Test
    void onlyTheInspectionsLeadInspectorAsksForTheStatement() {
        published();
        AccessDenied denied = assertThrows(AccessDenied.class,
                () -> statementService.name(cqcInspector, inspection.id(), null));
        assertEquals(InspectionRules.CHANGE_LEAD_INSPECTOR_ONLY, denied.rule());
        assertThrows(AccessDenied.class, () -> statementService.name(ofstedAnalyst, inspection.id(), null));
        assertTrue(statements.all().isEmpty());
    }

    @Test
    void theAgencyUploadsItsStatementUnderTheInspectionsKeyScopeAndTheLeadInspectorReturnsThenAcceptsIt() {
        published();
        StatementOfProposedAction statement = statementService.name(ofstedLead, inspection.id(), null);
        EvidenceDocument first = upload(statement);
        assertEquals(KeyScope.inspection(inspection.id()), first.document().content().scope(),
                "the statement is the inspection's: removal takes it");

        InvalidInput bare = assertThrows(InvalidInput.class,
                () -> reviews.review(ofstedLead, inspection.id(), first.id(), "RETURNED", " "));
        assertEquals("comments", bare.errors().get(0).field());
        StatementReview returned = reviews.review(ofstedLead, inspection.id(), first.id(), "returned",
                "Say how the police will take part");
        assertEquals(StatementReview.Outcome.RETURNED, returned.outcome());
        Notice told = noticed.get(noticed.size() - 1);
        assertEquals(NoticeKind.STATEMENT_REVIEWED, told.kind());
        assertEquals(List.of(Recipients.withRoles(DemoDirectory.CHILDRENS_SERVICES_ID, Role.AGENCY_UPLOADER,
                Role.AGENCY_CHIEF_OFFICER)), told.recipients());
        Conflict twice = assertThrows(Conflict.class,
                () -> reviews.review(ofstedLead, inspection.id(), first.id(), "ACCEPTED", null));
        assertEquals(StatementReviews.REVIEWED_ONCE, twice.rule());

        EvidenceDocument revised = upload(statement);
        reviews.review(ofstedLead, inspection.id(), revised.id(), "ACCEPTED", null);

        assertEquals(List.of(StatementReview.Outcome.RETURNED, StatementReview.Outcome.ACCEPTED),
                reviews.reviews(dcs, inspection.id()).stream().map(StatementReview::outcome).toList());
        assertTrue(reviews.reviews(policeUploader, inspection.id()).isEmpty(), "another agency sees none");
        assertEquals(2, reviews.reviews(cqcInspector, inspection.id()).size());
    }

    @Test
    void onlyTheStatementsDocumentsAreReviewedAndOnlyByTheLeadInspector() {
        published();
        StatementOfProposedAction statement = statementService.name(ofstedLead, inspection.id(), null);
        EvidenceDocument document = upload(statement);

        assertThrows(AccessDenied.class,
                () -> reviews.review(cqcInspector, inspection.id(), document.id(), "ACCEPTED", null));
        assertThrows(NotFound.class, () -> reviews.review(ofstedLead, inspection.id(), "no-such", "ACCEPTED", null));
        assertTrue(lastEvent().detail().contains(StatementReviews.REVIEW_OF_STATEMENT_DOCUMENTS), lastEvent().detail());
        assertTrue(statements.reviewsOf(inspection.id()).isEmpty());
    }

    private EvidenceDocument upload(StatementOfProposedAction statement) {
        return documents.upload(dcs, documents.checkUpload(dcs, inspection.id(), statement.requestId(), "OFFICIAL",
                null), new IncomingDocument("statement.pdf", new ByteArrayInputStream(PDF)));
    }

    // ---- challenges and complaints

    private ChallengeDraft challengeReceived(String at) {
        return new ChallengeDraft("PROCESS_OR_OUTCOME", "Northdale Council", "The evidence on case 3 was misread",
                OffsetDateTime.parse(at));
    }

    @Test
    void aChallengeIsDueToBeAcknowledgedIn5WorkingDaysAndAnsweredIn30AndTheOtherLeadInspectorsAreTold() {
        published();
        at(Instant.parse("2027-05-20T09:00:00Z"));

        Challenge challenge = challengeService.record(ofstedLead, inspection.id(),
                challengeReceived("2027-05-19T10:00:00Z"));

        assertEquals(Instant.parse("2027-05-26T22:59:59Z"), challenge.acknowledgeBy());
        assertEquals(Instant.parse("2027-07-01T22:59:59Z"), challenge.respondBy());
        assertFalse(challenge.late());
        Notice told = noticed.get(noticed.size() - 1);
        assertEquals(NoticeKind.CHALLENGE_RECORDED, told.kind());
        assertEquals(List.of(Recipients.person("cqc-lead")), told.recipients());
        assertEquals(List.of(challenge), challengeService.ofInspection(cqcInspector, inspection.id()),
                "copies are shared with the other inspectorates' lead inspectors");
    }

    @Test
    void aChallengeRaisedMoreThan10WorkingDaysAfterPublicationIsRecordedAsLate() {
        published();
        at(CHALLENGES_CLOSE.plusSeconds(3600));

        Challenge onTime = challengeService.record(ofstedLead, inspection.id(),
                challengeReceived("2027-05-25T22:59:59Z"));
        Challenge late = challengeService.record(ofstedLead, inspection.id(),
                challengeReceived("2027-05-25T23:00:00Z"));

        assertFalse(onTime.late());
        assertTrue(late.late());
        assertTrue(lastEvent().detail().contains(ChallengeService.WITHIN_TEN_WORKING_DAYS), lastEvent().detail());
    }

    @Test
    void onlyTheLeadInspectoratesStaffRecordChallengesAndOnlyParticipatingInspectionStaffSeeThem() {
        published();
        AccessDenied denied = assertThrows(AccessDenied.class, () -> challengeService.record(cqcInspector,
                inspection.id(), challengeReceived("2027-05-11T10:00:00Z")));
        assertEquals(ChallengeRules.RECORD_LEAD_INSPECTORATE_STAFF_ONLY, denied.rule());
        assertThrows(AccessDenied.class, () -> challengeService.record(ofstedAnalyst, inspection.id(),
                challengeReceived("2027-05-11T10:00:00Z")));
        assertTrue(challenges.unanswered().isEmpty());

        challengeService.record(ofstedLead, inspection.id(), challengeReceived("2027-05-11T10:00:00Z"));
        assertTrue(challengeService.ofInspection(dcs, inspection.id()).isEmpty(), "not the area's agencies");
        assertEquals(1, challengeService.ofInspection(ofstedAnalyst, inspection.id()).size());
    }

    @Test
    void aChallengeNeedsItsKindComplainantAndSummaryAndIsNotReceivedInTheFuture() {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> challengeService.record(ofstedLead,
                inspection.id(), new ChallengeDraft("gripe", " ", null,
                        clock.instant().plusSeconds(60).atOffset(ZoneOffset.UTC))));
        assertEquals(List.of("kind", "complainant", "summary", "receivedAt"),
                invalid.errors().stream().map(e -> e.field()).toList());
        assertTrue(challenges.unanswered().isEmpty());
    }

    @Test
    void aChallengeIsAcknowledgedOnceAnsweredOnceAndItsDeadlinesAreRemindedToTheLeadInspectorUntilDone() {
        published();
        at(Instant.parse("2027-05-19T10:00:00Z"));
        Challenge challenge = challengeService.record(ofstedLead, inspection.id(), new ChallengeDraft(
                "INSPECTOR_CONDUCT", "Northdale Council", "Conduct at the feedback meeting", null));
        ChallengeDeadlines due = new ChallengeDeadlines(inspections, challenges);

        List<DueItems.DueItem> overdue = due.overdueAt(challenge.acknowledgeBy().plusSeconds(1));
        assertEquals(List.of("challenge-acknowledgement:" + challenge.id()),
                overdue.stream().map(DueItems.DueItem::itemId).toList());
        assertEquals(Recipients.person("ofsted-lead"), overdue.get(0).recipients(),
                "the named lead inspector of the lead inspectorate");
        assertEquals(List.of(challenge), challengeService.dueFor(ofstedLead));
        assertTrue(challengeService.dueFor(cqcInspector).isEmpty());

        clock.advance(Duration.ofDays(1));
        challengeService.acknowledge(ofstedLead, inspection.id(), challenge.id(), null);
        Conflict again = assertThrows(Conflict.class,
                () -> challengeService.acknowledge(ofstedLead, inspection.id(), challenge.id(), null));
        assertEquals(ChallengeService.ACKNOWLEDGED_ONCE, again.rule());
        assertEquals(List.of("challenge-response:" + challenge.id()),
                due.overdueAt(challenge.respondBy().plusSeconds(1)).stream().map(DueItems.DueItem::itemId).toList());

        InvalidInput noResponse = assertThrows(InvalidInput.class,
                () -> challengeService.respond(ofstedLead, inspection.id(), challenge.id(), null, " "));
        assertEquals("response", noResponse.errors().get(0).field());
        Challenge answered = challengeService.respond(ofstedLead, inspection.id(), challenge.id(), null,
                "Not upheld: the inspector's notes were reviewed");
        assertTrue(answered.answered());
        assertThrows(Conflict.class, () -> challengeService.respond(ofstedLead, inspection.id(), challenge.id(),
                null, "again"));
        assertTrue(due.overdueAt(challenge.respondBy().plusSeconds(1)).isEmpty());
        assertTrue(challengeService.dueFor(ofstedLead).isEmpty());
    }

    @Test
    void anotherInspectorateChangesNoChallengeAndAnUnknownOneIsNotFound() {
        Challenge challenge = challengeService.record(ofstedLead, inspection.id(), challengeReceived(
                "2027-05-11T10:00:00Z"));
        assertThrows(AccessDenied.class, () -> challengeService.acknowledge(cqcInspector, inspection.id(),
                challenge.id(), null));
        assertThrows(NotFound.class, () -> challengeService.acknowledge(dcs, inspection.id(), challenge.id(), null));
        assertThrows(NotFound.class, () -> challengeService.acknowledge(ofstedLead, inspection.id(), "nope", null));
        assertTrue(challenges.find(inspection.id(), challenge.id()).orElseThrow().awaitingAcknowledgement());
    }
}
