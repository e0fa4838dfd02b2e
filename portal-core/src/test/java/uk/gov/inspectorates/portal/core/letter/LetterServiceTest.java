package uk.gov.inspectorates.portal.core.letter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.CQC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMIC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.OFSTED;
import static uk.gov.inspectorates.portal.core.organisation.Role.ADMINISTRATOR;
import static uk.gov.inspectorates.portal.core.organisation.Role.AGENCY_UPLOADER;
import static uk.gov.inspectorates.portal.core.organisation.Role.INSPECTOR;
import static uk.gov.inspectorates.portal.core.testdata.ReportBuilder.aReport;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.Recipients;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.document.DocumentIntake;
import uk.gov.inspectorates.portal.core.document.IncomingDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.ResumableUploads;
import uk.gov.inspectorates.portal.core.document.UploadRejected;
import uk.gov.inspectorates.portal.core.document.WindowedScanner;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportService;
import uk.gov.inspectorates.portal.core.report.StampMarks;
import uk.gov.inspectorates.portal.core.report.StampedCopies;
import uk.gov.inspectorates.portal.core.retention.ScopeRemoval;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.testdata.FakeContentScanner;
import uk.gov.inspectorates.portal.core.testdata.FakeContentInspector;
import uk.gov.inspectorates.portal.core.testdata.FakeContentTypeDetector;
import uk.gov.inspectorates.portal.core.testdata.FakeDocumentStore;
import uk.gov.inspectorates.portal.core.testdata.FakeKeyService;
import uk.gov.inspectorates.portal.core.testdata.FakeStamper;
import uk.gov.inspectorates.portal.core.testdata.InMemoryLetterRepository;
import uk.gov.inspectorates.portal.core.testdata.InMemoryReportRepository;
import uk.gov.inspectorates.portal.core.testdata.InMemoryResumableUploadRepository;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

class LetterServiceTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EICAR = "%PDF-1.7 EICAR-TEST\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final InMemoryReportRepository reports = new InMemoryReportRepository();
    private final InMemoryLetterRepository letters = new InMemoryLetterRepository();
    private final FakeDocumentStore store = new FakeDocumentStore();
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final FakeKeyService keys = new FakeKeyService();
    private final FakeContentScanner scanner = new FakeContentScanner()
            .infectedWhenContaining("EICAR".getBytes(StandardCharsets.US_ASCII), "Eicar-Test-Signature");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final DocumentIntake intake = new DocumentIntake(new FakeContentTypeDetector(), new FakeContentInspector(), scanner, store, 1 << 20);
    private final FakeStamper stamper = new FakeStamper();
    private final ScopeRemoval scopeRemoval = new ScopeRemoval(keys, store, audit, clock, target -> false);
    private final List<Notice> notices = new ArrayList<>();
    private final LetterService service = serviceAt(clock);
    private final AdvanceLetterService advanceLetters = new AdvanceLetterService(service, letters,
            new LetterFiles(intake, store, new PolicyGate(new AccessPolicy(), audit, clock)),
            new PolicyGate(new AccessPolicy(), audit, clock), copiesAt(clock), scopeRemoval, notices::add);

    private LetterCopies copiesAt(Clock at) {
        return new LetterCopies(store, stamper, StampedCopies.defaultBudget(),
                new PolicyGate(new AccessPolicy(), audit, at));
    }

    private LetterService serviceAt(Clock at) {
        PolicyGate gate = new PolicyGate(new AccessPolicy(), audit, at);
        return new LetterService(reports, letters, new LetterFiles(intake, store, gate), gate, copiesAt(at),
                notices::add);
    }

    private final Subject ofstedInspector = aSubject().withId("ofsted-inspector").of(OFSTED).withRoles(INSPECTOR)
            .build();
    private final Subject cqcReader = aSubject().withId("cqc-reader").of(CQC).onReaderList().build();
    private final Subject hmicReader = aSubject().withId("hmic-reader").of(HMIC).onReaderList().build();
    private final Subject agency = aSubject().withId("agency").ofAgency().withRoles(AGENCY_UPLOADER).build();

    private Report report(String id, Report template) {
        reports.add(template);
        return template;
    }

    private Report embargoedReport() {
        return report("r1", aReport().withId("r1").from(OFSTED).addressedTo(CQC, HMIC)
                .storedAs(new uk.gov.inspectorates.portal.core.document.StoredContent(KeyScope.report("r1"),
                        "object-r1", new uk.gov.inspectorates.portal.core.document.WrappedKey("kek", new byte[] {1}),
                        4, 40, "0".repeat(64))).build());
    }

    private static LetterDraft covering(String... to) {
        return new LetterDraft("COVERING", List.of(to), "OFFICIAL", null, null, true, null);
    }

    private static LetterDraft advance(Boolean notifiedFirst, String riskSummary, String... to) {
        return new LetterDraft("ADVANCE_RISK_OF_HARM", List.of(to), "OFFICIAL_SENSITIVE", "PERSONAL",
                "Named individuals: do not copy", notifiedFirst, riskSummary);
    }

    private Letter add(Report report, LetterDraft draft, byte[] file) {
        LetterDetails details = service.checkAdd(ofstedInspector, report.id(), draft);
        Letter letter = service.add(ofstedInspector, report.id(), details,
                new IncomingDocument("letter.pdf", new ByteArrayInputStream(file)));
        audit.clear();
        return letter;
    }

    private AuditEvent onlyEvent() {
        assertEquals(1, audit.events().size(), () -> "one audit event, got " + audit.events());
        return audit.events().get(0);
    }

    private static List<String> fields(InvalidInput invalid) {
        return invalid.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void theOriginatorAddsACoveringLetterUnderTheReportsKeyScopeWithOneAuditEvent() {
        Report report = embargoedReport();

        LetterDetails details = service.checkAdd(ofstedInspector, report.id(), covering("CQC"));
        Letter letter = service.add(ofstedInspector, report.id(), details,
                new IncomingDocument("letter.pdf", new ByteArrayInputStream(PDF)));

        assertEquals(KeyScope.report(report.id()), letter.document().content().scope());
        assertEquals(Set.of(CQC), letter.addressedTo());
        assertEquals(List.of(letter), letters.all());
        assertArrayEquals(PDF, store.bytesOf(letter.document().content()));
        AuditEvent event = onlyEvent();
        assertEquals(AuditActions.LETTER_ADD, event.action());
        assertEquals(Outcome.SUCCEEDED, event.outcome());
        assertEquals(letter.id(), event.resourceId());
        assertTrue(event.detail().contains("report=r1 kind=COVERING classification=OFFICIAL addressedTo=[CQC]"),
                event.detail());
    }

    @Test
    void aLetterIsNoticedToTheReaderListsOfThePartiesItIsAddressedToWithoutItsRiskSummary() {
        Report report = embargoedReport();
        add(report, advance(true, "Children at risk at Elm Street", "CQC", "HMIC"), PDF);
        sendAhead("HMIC");

        assertEquals(List.of(
                new Notice(NoticeKind.REPORT_SHARED, List.of(Recipients.readerListOf(CQC.organisationId()),
                        Recipients.readerListOf(HMIC.organisationId())), "Letter: " + report.title(),
                        "/reports/r1/letters"),
                new Notice(NoticeKind.REPORT_SHARED, List.of(Recipients.readerListOf(HMIC.organisationId())),
                        "Advance letter", "/reports")), notices);
    }

    @Test
    void anAdvanceLetterRecordsThatTheServiceProviderWasNotifiedFirstAndItsRiskSummary() {
        Letter letter = add(embargoedReport(), advance(true, "Children at risk at Northdale", "CQC", "HMIC"),
                PDF);

        assertTrue(letter.advance());
        assertTrue(letter.serviceProviderNotifiedFirst());
        assertEquals("Children at risk at Northdale", letter.riskSummary());
        assertEquals("OFFICIAL-SENSITIVE PERSONAL", letter.classification().marking());
    }

    @Test
    void anAdvanceLetterWithoutTheConfirmationIsRefusedBeforeAnyByteIsReadAndAudited() {
        Report report = embargoedReport();

        for (Boolean notified : new Boolean[] {null, false}) {
            audit.clear();
            InvalidInput invalid = assertThrows(InvalidInput.class,
                    () -> service.checkAdd(ofstedInspector, report.id(), advance(notified, "risk", "CQC")));

            assertEquals(List.of("serviceProviderNotifiedFirst"), fields(invalid));
            assertEquals(Outcome.REFUSED, onlyEvent().outcome());
        }
        assertTrue(store.objects().isEmpty());
    }

    @Test
    void aCoveringLetterWithoutTheProviderNotifiedFirstConfirmationIsRefusedBeforeAnyByteIsReadAndAudited() {
        // ISP ¶7: "In all cases, the party that identifies the concerns will notify the service provider ... first"
        Report report = embargoedReport();

        for (Boolean notified : new Boolean[] {null, false}) {
            audit.clear();
            InvalidInput invalid = assertThrows(InvalidInput.class, () -> service.checkAdd(ofstedInspector,
                    report.id(), new LetterDraft("COVERING", List.of("CQC"), "OFFICIAL", null, null, notified, null)));

            assertEquals(List.of("serviceProviderNotifiedFirst"), fields(invalid));
            AuditEvent refused = onlyEvent();
            assertEquals(Outcome.REFUSED, refused.outcome());
            assertEquals(AuditActions.LETTER_ADD, refused.action());
            assertTrue(refused.detail().contains("serviceProviderNotifiedFirst"), refused.detail());
        }
        assertTrue(store.objects().isEmpty());
        Letter confirmed = add(report, covering("CQC"), PDF);
        assertTrue(confirmed.serviceProviderNotifiedFirst(), "recorded with the letter");
    }

    @Test
    void anAdvanceLetterNeedsItsRiskSummaryAndACoveringLetterCarriesNone() {
        Report report = embargoedReport();

        assertEquals(List.of("riskSummary"), fields(assertThrows(InvalidInput.class,
                () -> service.checkAdd(ofstedInspector, report.id(), advance(true, " ", "CQC")))));
        assertEquals(List.of("riskSummary"), fields(assertThrows(InvalidInput.class,
                () -> service.checkAdd(ofstedInspector, report.id(),
                        new LetterDraft("COVERING", List.of("CQC"), "OFFICIAL", null, null, true, "risk")))));
    }

    @Test
    void badDetailsAreRefusedFieldByField() {
        Report report = embargoedReport();
        record Case(LetterDraft draft, String field) {
        }
        for (Case c : List.of(
                new Case(new LetterDraft(null, List.of("CQC"), "OFFICIAL", null, null, null, null), "kind"),
                new Case(new LetterDraft("MEMO", List.of("CQC"), "OFFICIAL", null, null, null, null), "kind"),
                new Case(covering(), "addressedTo"),
                new Case(covering("HMI_PRISONS"), "addressedTo"),
                new Case(covering("OFSTED"), "addressedTo"),
                new Case(covering("NOBODY"), "addressedTo"),
                new Case(new LetterDraft("COVERING", List.of("CQC"), "SECRET", null, null, true, null),
                        "classification.tier"),
                new Case(new LetterDraft("COVERING", List.of("CQC"), "TOP_SECRET", null, null, true, null),
                        "classification.tier"),
                new Case(new LetterDraft("COVERING", List.of("CQC"), null, null, null, true, null),
                        "classification.tier"),
                new Case(new LetterDraft("COVERING", List.of("CQC"), "OFFICIAL", "PERSONAL", null, true, null),
                        "classification.descriptor"),
                new Case(new LetterDraft("COVERING", List.of("CQC"), "OFFICIAL", null, "x".repeat(2001), true,
                        null), "handlingInstructions"))) {
            InvalidInput invalid = assertThrows(InvalidInput.class,
                    () -> service.checkAdd(ofstedInspector, report.id(), c.draft()), c.toString());
            assertEquals(List.of(c.field()), fields(invalid), c.toString());
        }
    }

    @Test
    void aReaderOfTheReportMayNotAddLettersAndAnyoneElseIsNotToldTheReportExists() {
        Report report = embargoedReport();

        AccessDenied denied = assertThrows(AccessDenied.class,
                () -> service.checkAdd(cqcReader, report.id(), covering("CQC")));
        assertEquals(AccessPolicy.LETTER_ADD_ORIGINATOR_STAFF_ONLY, denied.rule());
        assertEquals(Outcome.DENIED, onlyEvent().outcome());
        audit.clear();
        assertThrows(NotFound.class, () -> service.checkAdd(agency, report.id(), covering("CQC")));
        assertEquals(Outcome.DENIED, onlyEvent().outcome());
        audit.clear();
        assertThrows(NotFound.class, () -> service.checkAdd(ofstedInspector, "no-such-report", covering("CQC")));
        assertEquals("no such report", onlyEvent().detail());
    }

    @Test
    void addingIsDecidedAgainWithTheFileAndCheckedDetailsCannotWidenTheAddressees() {
        Report report = embargoedReport();
        LetterDetails toPrisons = new LetterDetails(LetterKind.COVERING,
                Set.of(uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMI_PRISONS),
                Classification.of(Tier.OFFICIAL), "handle", true, null);

        assertThrows(AccessDenied.class, () -> service.add(cqcReader, report.id(), toPrisons,
                new IncomingDocument("letter.pdf", new ByteArrayInputStream(PDF))));
        assertThrows(InvalidInput.class, () -> service.add(ofstedInspector, report.id(), toPrisons,
                new IncomingDocument("letter.pdf", new ByteArrayInputStream(PDF))));
        assertTrue(store.objects().isEmpty());
        assertTrue(letters.all().isEmpty());
    }

    @Test
    void noLetterIsAddedToAPublishedOrWithdrawnReport() {
        Report published = report("p", aReport().withId("p").from(OFSTED).addressedTo(CQC).published().build());
        Report withdrawn = report("w", aReport().withId("w").from(OFSTED).addressedTo(CQC).withdrawn().build());
        Clock later = Clock.fixed(Instant.parse("2030-02-01T00:00:00Z"), ZoneOffset.UTC);
        LetterService afterPublication = serviceAt(later);

        assertEquals(AccessPolicy.LETTER_ADD_UNDER_EMBARGO_ONLY, assertThrows(AccessDenied.class,
                () -> afterPublication.checkAdd(ofstedInspector, published.id(), covering("CQC"))).rule());
        assertEquals(AccessPolicy.LETTER_ADD_UNDER_EMBARGO_ONLY, assertThrows(AccessDenied.class,
                () -> service.checkAdd(ofstedInspector, withdrawn.id(), covering("CQC"))).rule());
    }

    @Test
    void anInfectedLetterIsRefusedLeavingNothingStored() {
        Report report = embargoedReport();
        LetterDetails details = service.checkAdd(ofstedInspector, report.id(), covering("CQC"));
        audit.clear();

        UploadRejected rejected = assertThrows(UploadRejected.class, () -> service.add(ofstedInspector, report.id(),
                details, new IncomingDocument("letter.pdf", new ByteArrayInputStream(EICAR))));

        assertEquals(UploadRejected.Reason.MALWARE, rejected.reason());
        assertTrue(store.objects().isEmpty());
        assertTrue(letters.all().isEmpty());
        assertTrue(onlyEvent().detail().startsWith("MALWARE"), onlyEvent().detail());
    }

    @Test
    void aFileThatIsNotAPdfIsRefusedAsForReports() {
        Report report = embargoedReport();
        LetterDetails details = service.checkAdd(ofstedInspector, report.id(), covering("CQC"));

        UploadRejected rejected = assertThrows(UploadRejected.class, () -> service.add(ofstedInspector, report.id(),
                details, new IncomingDocument("letter.pdf",
                        new ByteArrayInputStream("plain text".getBytes(StandardCharsets.US_ASCII)))));
        assertEquals(UploadRejected.Reason.TYPE_NOT_ALLOWED, rejected.reason());
        assertTrue(store.objects().isEmpty());
    }

    @Test
    void aReaderTheLetterIsAddressedToGetsAStampedCopyWithTheLettersOwnMarkingAndTheDownloadIdAudited()
            throws IOException {
        Letter letter = add(embargoedReport(), advance(true, "risk", "CQC"), PDF);

        LetterDownload download = service.download(cqcReader, "r1", letter.id());

        byte[] served = FakeStamper.written(download.content());
        StampMarks marks = LetterCopies.marksFor(letter, false, cqcReader, NOW, download.downloadId());
        assertArrayEquals(FakeStamper.stampedAs(marks, PDF), served, "a stamped copy, never the original");
        assertEquals("OFFICIAL-SENSITIVE PERSONAL", marks.marking(), "the letter's classification, not the report's");
        assertEquals(StampMarks.PRE_PUBLICATION_WATERMARK, marks.watermark());
        assertTrue(marks.handlingInstructions().startsWith(LetterCopies.ADVANCE_FLAG), marks.handlingInstructions());
        assertTrue(marks.handlingInstructions().endsWith("Named individuals: do not copy"));
        assertTrue(marks.recipientLine().contains(download.downloadId()));
        AuditEvent event = onlyEvent();
        assertEquals(AuditActions.LETTER_DOWNLOAD, event.action());
        assertEquals(letter.id(), event.resourceId());
        assertEquals("report=r1 downloadId=" + download.downloadId(), event.detail());
    }

    @Test
    void aReaderOfTheReportWhosePartyTheLetterIsNotAddressedToIsNotToldItExists() {
        Letter letter = add(embargoedReport(), covering("CQC"), PDF);

        assertThrows(NotFound.class, () -> service.download(hmicReader, "r1", letter.id()));
        assertEquals(AccessPolicy.LETTER_ADDRESSEE_READER_LISTS_ONLY, onlyEvent().detail());
        assertThrows(NotFound.class, () -> service.view(hmicReader, "r1", letter.id()));
        assertEquals(List.of(), service.ofReport(hmicReader, "r1"));
        assertEquals(List.of(letter), service.ofReport(cqcReader, "r1"));
        assertThrows(NotFound.class, () -> service.ofReport(agency, "r1"));
        assertThrows(NotFound.class, () -> service.download(agency, "r1", letter.id()));
        assertThrows(NotFound.class, () -> service.download(cqcReader, "another-report", letter.id()),
                "a letter is found only under its own report");
    }

    @Test
    void afterPublicationTheLetterIsStillServedOnlyStampedToTheSameReaders() throws IOException {
        Report report = report("p", aReport().withId("p").from(OFSTED).addressedTo(CQC, HMIC)
                .publishedAt(Instant.parse("2030-01-20T09:00:00Z")).build());
        Letter letter = add(report, covering("CQC"), PDF);
        Clock later = Clock.fixed(Instant.parse("2030-02-01T00:00:00Z"), ZoneOffset.UTC);
        LetterService afterPublication = serviceAt(later);
        Subject cqcStaff = aSubject().of(CQC).withRoles(INSPECTOR).inTeamNotOnReaderList().build();

        byte[] served = FakeStamper.written(afterPublication.download(cqcReader, "p", letter.id()).content());

        assertFalse(java.util.Arrays.equals(PDF, served), "stamped after publication too");
        assertTrue(new String(served, StandardCharsets.UTF_8).startsWith("Copy for "));
        assertThrows(NotFound.class, () -> afterPublication.download(cqcStaff, "p", letter.id()));
    }

    @Test
    void afterPublicationALettersCopyCarriesItsClassificationAndTheCorrespondenceLineNotThePrePublicationMarking()
            throws IOException {
        // ISP ¶13: "Pre-publication markings will be removed at the point of publication"
        Report report = report("p", aReport().withId("p").from(OFSTED).addressedTo(CQC, HMIC)
                .publishedAt(Instant.parse("2030-01-20T09:00:00Z")).build());
        Letter letter = add(report, advance(true, "risk", "CQC"), PDF);

        service.download(cqcReader, "p", letter.id());
        StampMarks before = stamper.lastMarks();
        assertEquals(StampMarks.PRE_PUBLICATION_WATERMARK, before.watermark(), "under embargo until 20 January");

        audit.clear();
        LetterDownload after = serviceAt(Clock.fixed(Instant.parse("2030-01-20T09:00:00Z"), ZoneOffset.UTC))
                .download(cqcReader, "p", letter.id());
        StampMarks marks = stamper.lastMarks();
        assertEquals(StampMarks.PUBLISHED_REPORT_CORRESPONDENCE, marks.watermark());
        assertFalse(marks.watermark().contains("Pre-publication") || marks.handlingInstructions()
                .contains("Pre-publication") || marks.recipientLine().contains("Pre-publication"), marks.toString());
        assertEquals("OFFICIAL-SENSITIVE PERSONAL", marks.marking(), "the letter's own classification stays");
        assertTrue(marks.handlingInstructions().startsWith(LetterCopies.ADVANCE_FLAG));
        assertTrue(marks.recipientLine().contains(after.downloadId()));
        assertEquals("report=p after publication downloadId=" + after.downloadId(), onlyEvent().detail());
    }

    @Test
    void aLetterSentAheadOfItsReportKeepsThePrePublicationMarking() {
        Letter sent = sendAhead("CQC");

        advanceLetters.downloadAhead(cqcReader, sent.id());

        assertEquals(StampMarks.PRE_PUBLICATION_WATERMARK, stamper.lastMarks().watermark());
    }

    @Test
    void aWithdrawnReportsLettersAreNotServed() {
        Report report = embargoedReport();
        Letter letter = add(report, covering("CQC"), PDF);
        reports.recordWithdrawal("r1", new uk.gov.inspectorates.portal.core.report.Withdrawal("error", "x", NOW),
                NOW);

        AccessDenied denied = assertThrows(AccessDenied.class, () -> service.download(cqcReader, "r1", letter.id()));
        assertEquals(AccessPolicy.LETTER_OF_WITHDRAWN_REPORT_NOT_SERVED, denied.rule());
    }

    @Test
    void aLetterThatCannotBeStampedIsRefusedNeverServedUnstamped() {
        Letter letter = add(embargoedReport(), covering("CQC"), PDF);
        stamper.refuseEverything();

        assertThrows(uk.gov.inspectorates.portal.core.report.Stamper.UnstampableDocument.class,
                () -> service.download(cqcReader, "r1", letter.id()));
        assertEquals(Outcome.REFUSED, onlyEvent().outcome());
    }

    @Test
    void reportsWithAnAdvanceLetterAreFlaggedOnlyToThoseWhoMaySeeIt() {
        Report first = embargoedReport();
        Report second = report("r2", aReport().withId("r2").from(OFSTED).addressedTo(CQC, HMIC).build());
        add(first, advance(true, "risk", "CQC"), PDF);
        add(second, covering("CQC", "HMIC"), PDF);

        assertEquals(Set.of("r1"), service.withAdvanceLetters(cqcReader, List.of(first, second)));
        assertEquals(Set.of(), service.withAdvanceLetters(hmicReader, List.of(first, second)));
        assertEquals(Set.of("r1"), service.withAdvanceLetters(ofstedInspector, List.of(first, second)));
    }

    private Letter sendAhead(String... to) {
        LetterDetails details = advanceLetters.checkSendAhead(ofstedInspector, advance(true, "risk", to));
        Letter letter = advanceLetters.sendAhead(ofstedInspector, details,
                new IncomingDocument("advance.pdf", new ByteArrayInputStream(PDF)));
        audit.clear();
        return letter;
    }

    @Test
    void anAdvanceLetterIsSentAheadOfItsReportUnderAKeyScopeOfItsOwnToItsAddresseesOnly() throws IOException {
        Letter ahead = sendAhead("CQC");

        assertTrue(ahead.standalone());
        assertEquals(OFSTED, ahead.originator());
        assertFalse(ahead.document().content().scope().id().equals(ahead.id()), "a reserved scope, not the id");
        assertEquals(List.of(ahead), advanceLetters.aheadOfReports(cqcReader));
        assertEquals(List.of(), advanceLetters.aheadOfReports(hmicReader));
        byte[] served = FakeStamper.written(advanceLetters.downloadAhead(cqcReader, ahead.id()).content());
        assertTrue(new String(served, StandardCharsets.UTF_8).startsWith("Copy for "), "stamped");
        assertThrows(NotFound.class, () -> advanceLetters.downloadAhead(hmicReader, ahead.id()));
        assertThrows(NotFound.class, () -> advanceLetters.viewAhead(agency, ahead.id()));
    }

    @Test
    void onlyAnAdvanceLetterFromTheSendersSharingStaffToOtherPartiesIsSentAhead() {
        assertEquals(List.of("kind"), fields(assertThrows(InvalidInput.class,
                () -> advanceLetters.checkSendAhead(ofstedInspector, covering("CQC")))));
        assertEquals(List.of("addressedTo"), fields(assertThrows(InvalidInput.class,
                () -> advanceLetters.checkSendAhead(ofstedInspector, advance(true, "risk", "OFSTED")))));
        assertEquals(List.of("serviceProviderNotifiedFirst"), fields(assertThrows(InvalidInput.class,
                () -> advanceLetters.checkSendAhead(ofstedInspector, advance(false, "risk", "CQC")))));
        assertEquals(AccessPolicy.LETTER_ADD_ORIGINATOR_STAFF_ONLY, assertThrows(AccessDenied.class,
                () -> advanceLetters.checkSendAhead(cqcReader, advance(true, "risk", "HMIC"))).rule());
        assertThrows(AccessDenied.class, () -> advanceLetters.checkSendAhead(agency, advance(true, "risk", "CQC")));
        assertTrue(store.objects().isEmpty());
    }

    @Test
    void linkingMovesTheLetterIntoItsReportsScopeAndShredsItsOwn() throws IOException {
        Letter ahead = sendAhead("CQC");
        KeyScope own = ahead.document().content().scope();
        Report report = embargoedReport();

        Letter linked = advanceLetters.linkToReport(ofstedInspector, ahead.id(), report.id());

        assertEquals(KeyScope.report(report.id()), linked.document().content().scope());
        assertTrue(keys.isDestroyed(own), "its own key is destroyed");
        assertFalse(store.objects().containsKey(ahead.document().content().objectKey()), "its old object is gone");
        assertArrayEquals(PDF, store.bytesOf(linked.document().content()));
        assertEquals(List.of(linked.id()), service.ofReport(cqcReader, report.id()).stream().map(Letter::id).toList());
        assertThrows(NotFound.class, () -> advanceLetters.viewAhead(cqcReader, ahead.id()), "not standalone any more");
        assertThrows(NotFound.class, () -> advanceLetters.linkToReport(ofstedInspector, ahead.id(), report.id()));
    }

    @Test
    void aLetterIsLinkedOnlyToTheSendersReportSharedWithEveryAddressee() {
        Letter ahead = sendAhead("HMI_PRISONS");
        Report report = embargoedReport();

        assertThrows(InvalidInput.class, () -> advanceLetters.linkToReport(ofstedInspector, ahead.id(), report.id()));
        assertThrows(NotFound.class, () -> advanceLetters.linkToReport(cqcReader, ahead.id(), report.id()),
                "not even told it exists");
        Letter toCqc = sendAhead("CQC");
        assertThrows(AccessDenied.class, () -> advanceLetters.linkToReport(cqcReader, toCqc.id(), report.id()),
                "an addressee may read it, not link it");
        assertTrue(letters.findStandalone(ahead.id()).isPresent());
        assertTrue(letters.findStandalone(toCqc.id()).isPresent());
    }

    @Test
    void anAdvanceLetterSentAheadIsRemovedByAnAdministratorOfItsSenderOnly() {
        Letter ahead = sendAhead("CQC");
        Subject ofstedAdmin = aSubject().withId("ofsted-admin").of(OFSTED).withRoles(ADMINISTRATOR).build();

        assertEquals(AccessPolicy.LETTER_AHEAD_REMOVE_ORIGINATOR_ADMINISTRATOR_ONLY, assertThrows(AccessDenied.class,
                () -> advanceLetters.removeAhead(ofstedInspector, ahead.id(), "x")).rule());
        assertThrows(NotFound.class, () -> advanceLetters.removeAhead(hmicReader, ahead.id(), "x"));
        advanceLetters.removeAhead(ofstedAdmin, ahead.id(), "sent in error");

        assertTrue(keys.isDestroyed(ahead.document().content().scope()));
        assertTrue(store.objects().isEmpty());
        assertTrue(letters.all().isEmpty());
    }

    @Test
    void everyLetterTheSubjectMaySeeIsListedOfEveryReportAndAhead() {
        Letter toCqc = add(embargoedReport(), advance(true, "risk", "CQC"), PDF);
        Report second = report("r2", aReport().withId("r2").from(OFSTED).addressedTo(CQC, HMIC)
                .storedAs(new uk.gov.inspectorates.portal.core.document.StoredContent(KeyScope.report("r2"),
                        "object-r2", new uk.gov.inspectorates.portal.core.document.WrappedKey("kek", new byte[] {1}),
                        4, 40, "0".repeat(64))).build());
        Letter toBoth = add(second, covering("CQC", "HMIC"), PDF);
        Letter ahead = sendAhead("HMIC");

        assertEquals(List.of(toCqc, toBoth), service.visibleTo(cqcReader));
        assertEquals(List.of(toBoth, ahead), service.visibleTo(hmicReader));
        assertEquals(List.of(), service.visibleTo(agency));
    }

    @Test
    void aLetterOfAReportIsNeverRemovedOnItsOwn() {
        Letter letter = add(embargoedReport(), covering("CQC"), PDF);
        Subject ofstedAdmin = aSubject().withId("ofsted-admin").of(OFSTED).withRoles(ADMINISTRATOR).build();

        assertEquals(AccessPolicy.LETTER_CHANGES_WITH_ITS_REPORT, assertThrows(AccessDenied.class,
                () -> service.remove(ofstedInspector, "r1", letter.id())).rule());
        assertThrows(NotFound.class, () -> service.remove(ofstedAdmin, "r1", letter.id()));
        assertThrows(NotFound.class, () -> service.remove(hmicReader, "r1", letter.id()));
        assertEquals(List.of(letter), letters.all());
    }

    @Test
    void removingTheReportCryptoShredsItsLettersWithIt() {
        Report report = embargoedReport();
        DocumentIntake reportIntake = intake;
        ReportService reportService = new ReportService(reports, reportIntake, store,
                new PolicyGate(new AccessPolicy(), audit, clock), new ScopeRemoval(keys, store, audit, clock, target -> false),
                new ResumableUploads(new InMemoryResumableUploadRepository(), store, reportIntake,
                        new WindowedScanner(scanner, 1 << 20, 1024), keys, new PolicyGate(new AccessPolicy(), audit,
                        clock), audit, new ResumableUploads.Settings(16, Duration.ofHours(1))), stamper, letters,
                notices::add);
        Letter covering = add(report, covering("CQC"), PDF);
        Letter advance = add(report, advance(true, "risk", "CQC"), PDF);
        Subject ofstedAdmin = aSubject().withId("ofsted-admin").of(OFSTED).withRoles(ADMINISTRATOR).build();

        reportService.remove(ofstedAdmin, "r1", "test");

        assertTrue(keys.isDestroyed(KeyScope.report("r1")));
        assertTrue(store.objects().isEmpty(), "no object of the letters is left");
        assertTrue(letters.all().isEmpty(), "their rows are gone");
        AuditEvent tombstone = onlyEvent();
        assertEquals(AuditActions.SCOPE_REMOVE, tombstone.action());
        assertTrue(tombstone.detail().contains("objects=3"), tombstone.detail());
        assertThrows(NotFound.class, () -> service.download(cqcReader, "r1", covering.id()));
        assertThrows(NotFound.class, () -> service.view(cqcReader, "r1", advance.id()));
    }
}
