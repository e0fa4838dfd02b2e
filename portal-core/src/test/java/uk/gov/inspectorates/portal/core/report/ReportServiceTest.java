package uk.gov.inspectorates.portal.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.CQC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMIC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.OFSTED;
import static uk.gov.inspectorates.portal.core.organisation.Role.DATA_ANALYST;
import static uk.gov.inspectorates.portal.core.organisation.Role.INSPECTOR;
import static uk.gov.inspectorates.portal.core.testdata.ReportBuilder.aReport;
import static uk.gov.inspectorates.portal.core.testdata.ReportDraftBuilder.aReportDraft;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.document.DocumentIntake;
import uk.gov.inspectorates.portal.core.document.IncomingDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.ResumableUpload;
import uk.gov.inspectorates.portal.core.document.UploadPurpose;
import uk.gov.inspectorates.portal.core.document.ResumableUploads;
import uk.gov.inspectorates.portal.core.document.WindowedScanner;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.retention.ScopeRemoval;
import uk.gov.inspectorates.portal.core.document.ScanningUnavailable;
import uk.gov.inspectorates.portal.core.document.UploadRejected;
import uk.gov.inspectorates.portal.core.document.WrappedKey;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.Recipients;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.testdata.FakeContentScanner;
import uk.gov.inspectorates.portal.core.testdata.FakeContentInspector;
import uk.gov.inspectorates.portal.core.testdata.FakeStamper;
import uk.gov.inspectorates.portal.core.testdata.FakeContentTypeDetector;
import uk.gov.inspectorates.portal.core.testdata.FakeDocumentStore;
import uk.gov.inspectorates.portal.core.testdata.FakeKeyService;
import uk.gov.inspectorates.portal.core.testdata.InMemoryLetterRepository;
import uk.gov.inspectorates.portal.core.testdata.InMemoryReportRepository;
import uk.gov.inspectorates.portal.core.testdata.InMemoryResumableUploadRepository;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

class ReportServiceTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");
    private static final long MAX_BYTES = 1024 * 1024;
    private static final int PART_SIZE = 16;
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final InMemoryReportRepository reports = new InMemoryReportRepository();
    private final FakeDocumentStore store = new FakeDocumentStore();
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final FakeKeyService keys = new FakeKeyService();
    private final FakeContentScanner scanner = new FakeContentScanner();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final DocumentIntake intake = new DocumentIntake(new FakeContentTypeDetector(), new FakeContentInspector(), scanner, store, MAX_BYTES);
    private final InMemoryResumableUploadRepository uploadRecords = new InMemoryResumableUploadRepository();
    private final ResumableUploads uploads = new ResumableUploads(uploadRecords, store,
            intake, new WindowedScanner(scanner, MAX_BYTES, 1024), keys, new PolicyGate(new AccessPolicy(), audit, clock),
            audit, new ResumableUploads.Settings(PART_SIZE, Duration.ofHours(24)));
    private final FakeStamper stamper = new FakeStamper();
    private final List<Notice> notices = new ArrayList<>();
    private final ReportService service = new ReportService(reports, intake, store,
            new PolicyGate(new AccessPolicy(), audit, clock), new ScopeRemoval(keys, store, audit, clock, target -> false), uploads,
            stamper, new InMemoryLetterRepository(), notices::add);

    private final Subject ofstedInspector = aSubject().withId("ofsted-inspector").of(OFSTED).withRoles(INSPECTOR)
            .build();
    private final Subject cqcReader = aSubject().withId("cqc-reader").of(CQC).onReaderList().build();

    private static IncomingDocument file(String name, byte[] bytes) {
        return new IncomingDocument(name, new ByteArrayInputStream(bytes));
    }

    private Report shareAsOfstedInspector() {
        ReportDetails details = service.checkShare(ofstedInspector, aReportDraft().build());
        Report report = service.share(ofstedInspector, details, file("report.pdf", PDF));
        audit.clear();
        return report;
    }

    private AuditEvent onlyEvent() {
        List<AuditEvent> events = audit.events();
        assertEquals(1, events.size(), () -> "expected exactly one audit event, got " + events);
        return events.get(0);
    }

    private static void assertEvent(Subject actor, String action, String resourceId, Outcome outcome,
                                    AuditEvent event) {
        assertEquals(NOW, event.at());
        assertEquals(actor.userId(), event.actorId());
        assertEquals(actor.organisation().id(), event.actorOrganisationId());
        assertEquals(action, event.action());
        assertEquals("REPORT", event.resourceType());
        assertEquals(resourceId, event.resourceId());
        assertEquals(outcome, event.outcome());
    }

    @Nested
    class Sharing {

        @Test
        void aSharedReportIsStoredUnderEmbargoForEveryOtherPartyWithOneAuditEvent() {
            ReportDetails details = service.checkShare(ofstedInspector, aReportDraft().build());
            Report report = service.share(ofstedInspector, details, file("report.pdf", PDF));

            assertEquals(List.of(report), reports.all());
            assertEquals(OFSTED, report.originator());
            EnumSet<Inspectorate> others = EnumSet.complementOf(EnumSet.of(OFSTED));
            assertEquals(others, EnumSet.copyOf(report.addressees()));
            assertEquals(ReportStatus.UNDER_EMBARGO, report.statusAt(NOW));
            assertEquals(ofstedInspector.userId(), report.sharedBy());
            assertEquals(NOW, report.sharedAt());
            assertArrayEquals(PDF, store.bytesOf(report.document().content()));
            AuditEvent event = onlyEvent();
            assertEvent(ofstedInspector, AuditActions.REPORT_SHARE, report.id(), Outcome.SUCCEEDED, event);
            assertTrue(event.detail().contains("OFFICIAL-SENSITIVE"), event.detail());
        }

        @Test
        void aSharedReportIsNoticedToTheReaderListsOfTheAddressedPartiesWithItsTitleAndLinkOnly() {
            ReportDetails details = service.checkShare(ofstedInspector, aReportDraft().addressedTo("CQC", "HMIC")
                    .build());
            Report report = service.share(ofstedInspector, details, file("report.pdf", PDF));

            assertEquals(List.of(new Notice(NoticeKind.REPORT_SHARED, List.of(
                    Recipients.readerListOf(CQC.organisationId()), Recipients.readerListOf(HMIC.organisationId())),
                    report.title(), "/reports/" + report.id())), notices);
        }

        @Test
        void aRefusedShareNoticesNobody() {
            ReportDetails details = service.checkShare(ofstedInspector, aReportDraft().build());
            scanner.unavailable();

            assertThrows(ScanningUnavailable.class, () -> service.share(ofstedInspector, details, file("r.pdf", PDF)));
            assertTrue(notices.isEmpty());
        }

        @Test
        void aSubjectWhoMayNotShareIsDeniedWithOneAuditEvent() {
            Subject analyst = aSubject().of(OFSTED).withRoles(DATA_ANALYST).build();

            AccessDenied denied = assertThrows(AccessDenied.class,
                    () -> service.checkShare(analyst, aReportDraft().build()));

            assertEquals(AccessPolicy.SHARE_NEEDS_SHARING_ROLE, denied.rule());
            AuditEvent event = onlyEvent();
            assertEvent(analyst, AuditActions.REPORT_SHARE, null, Outcome.DENIED, event);
            assertEquals(AccessPolicy.SHARE_NEEDS_SHARING_ROLE, event.detail());
        }

        @Test
        void theReportTypesOfferedAreThoseThePolicyLetsTheSubjectShare() {
            assertEquals(AnnexBReportTypes.of(OFSTED), service.reportTypesFor(ofstedInspector));
            assertEquals(List.of(), service.reportTypesFor(aSubject().of(OFSTED).withRoles(DATA_ANALYST).build()));
            assertEquals(List.of(), service.reportTypesFor(cqcReader));
            assertEquals(List.of(), service.reportTypesFor(aSubject().ofAgency().build()));
        }

        @Test
        void anAgencyIsDeniedWithOneAuditEvent() {
            Subject agency = aSubject().ofAgency().build();

            assertThrows(AccessDenied.class, () -> service.checkShare(agency, aReportDraft().build()));

            assertEquals(AccessPolicy.SHARE_INSPECTORATES_ONLY, onlyEvent().detail());
        }

        @Test
        void anInvalidDraftIsRefusedWithOneAuditEventNamingTheFields() {
            assertThrows(InvalidInput.class,
                    () -> service.checkShare(ofstedInspector, aReportDraft().withTitle(null).withTier("SECRET").build()));

            AuditEvent event = onlyEvent();
            assertEvent(ofstedInspector, AuditActions.REPORT_SHARE, null, Outcome.REFUSED, event);
            assertEquals("invalid: [title, classification.tier]", event.detail());
        }

        @Test
        void aRefusedFileLeavesNothingAndOneAuditEvent() {
            ReportDetails details = service.checkShare(ofstedInspector, aReportDraft().build());

            UploadRejected rejected = assertThrows(UploadRejected.class,
                    () -> service.share(ofstedInspector, details, file("report.docx", PDF)));

            assertEquals(UploadRejected.Reason.NAME_DOES_NOT_MATCH_CONTENT, rejected.reason());
            AuditEvent event = onlyEvent();
            assertEvent(ofstedInspector, AuditActions.REPORT_SHARE, null, Outcome.REFUSED, event);
            assertEquals("NAME_DOES_NOT_MATCH_CONTENT", event.detail());
            assertTrue(reports.all().isEmpty());
            assertTrue(store.objects().isEmpty());
        }

        @Test
        void anOversizedFileLeavesNothingAndOneAuditEvent() {
            ReportDetails details = service.checkShare(ofstedInspector, aReportDraft().build());
            byte[] huge = new byte[(int) MAX_BYTES + 1];
            System.arraycopy(PDF, 0, huge, 0, PDF.length);

            assertThrows(UploadRejected.class, () -> service.share(ofstedInspector, details, file("report.pdf", huge)));

            assertEquals("TOO_LARGE", onlyEvent().detail());
            assertTrue(reports.all().isEmpty());
            assertTrue(store.objects().isEmpty());
        }

        @Test
        void anInfectedFileIsRefusedWithTheSignatureInTheAuditEventOnly() {
            scanner.infectedWhenContaining("1 0 obj".getBytes(StandardCharsets.US_ASCII), "Portal.Test.Eicar");
            ReportDetails details = service.checkShare(ofstedInspector, aReportDraft().build());

            UploadRejected rejected = assertThrows(UploadRejected.class,
                    () -> service.share(ofstedInspector, details, file("report.pdf", PDF)));

            assertEquals(UploadRejected.Reason.MALWARE, rejected.reason());
            assertFalse(rejected.getMessage().contains("Portal.Test.Eicar"), "the sender is not told the signature");
            AuditEvent event = onlyEvent();
            assertEvent(ofstedInspector, AuditActions.REPORT_SHARE, null, Outcome.REFUSED, event);
            assertEquals("MALWARE signature=Portal.Test.Eicar", event.detail());
            assertTrue(reports.all().isEmpty());
            assertTrue(store.objects().isEmpty());
        }

        @Test
        void whenScanningIsUnavailableTheFileIsRefusedWithOneAuditEvent() {
            scanner.failingAtVerdict();
            ReportDetails details = service.checkShare(ofstedInspector, aReportDraft().build());

            assertThrows(ScanningUnavailable.class,
                    () -> service.share(ofstedInspector, details, file("report.pdf", PDF)));

            AuditEvent event = onlyEvent();
            assertEvent(ofstedInspector, AuditActions.REPORT_SHARE, null, Outcome.REFUSED, event);
            assertEquals("scanning unavailable", event.detail());
            assertTrue(reports.all().isEmpty());
            assertTrue(store.objects().isEmpty());
        }

        @Test
        void shareDecidesAgainRatherThanTrustingThatCheckShareWasCalled() {
            ReportDetails ofstedDetails = service.checkShare(ofstedInspector, aReportDraft().build());
            audit.clear();
            Subject cqcInspector = aSubject().of(CQC).withRoles(INSPECTOR).build();

            AccessDenied denied = assertThrows(AccessDenied.class,
                    () -> service.share(cqcInspector, ofstedDetails, file("report.pdf", PDF)));

            assertEquals(AccessPolicy.SHARE_NEEDS_SHARING_ROLE, denied.rule());
            assertEvent(cqcInspector, AuditActions.REPORT_SHARE, null, Outcome.DENIED, onlyEvent());
            assertEquals(0, store.storeCalls());
            assertTrue(reports.all().isEmpty());
        }

        @Test
        void whenTheRepositoryFailsTheStoredContentIsDeleted() {
            ReportDetails details = service.checkShare(ofstedInspector, aReportDraft().build());
            IllegalStateException databaseDown = new IllegalStateException("database down");
            reports.failOnAdd(databaseDown);

            RuntimeException thrown = assertThrows(RuntimeException.class,
                    () -> service.share(ofstedInspector, details, file("report.pdf", PDF)));

            assertSame(databaseDown, thrown);
            assertEquals(1, store.storeCalls(), "the content was stored before the repository failed");
            assertTrue(store.objects().isEmpty(), "the stored content must be deleted");
        }
    }

    @Nested
    class Listing {

        @Test
        void listsOnlyWhatTheSubjectMaySeeWithOneAuditEvent() {
            Report toCqc = shareAsOfstedInspector();
            reports.add(aReport().withId("hmic-only").from(OFSTED).addressedTo(HMIC).build());

            List<Report> visible = service.visibleTo(cqcReader);

            assertEquals(List.of(toCqc), visible);
            AuditEvent event = onlyEvent();
            assertEvent(cqcReader, AuditActions.REPORT_LIST, null, Outcome.SUCCEEDED, event);
            assertEquals("count=1", event.detail());
        }

        @Test
        void anEmptyListIsStillAudited() {
            shareAsOfstedInspector();

            assertTrue(service.visibleTo(aSubject().ofAgency().build()).isEmpty());

            assertEquals("count=0", onlyEvent().detail());
        }
    }

    @Nested
    class Viewing {

        @Test
        void anAddresseeReaderViewsWithOneAuditEvent() {
            Report report = shareAsOfstedInspector();

            assertEquals(report, service.view(cqcReader, report.id()));

            assertEvent(cqcReader, AuditActions.REPORT_VIEW, report.id(), Outcome.SUCCEEDED, onlyEvent());
        }

        @Test
        void aDocumentThatCannotBeStampedIsNotServedAtAllWithOneAuditEvent() {
            Report report = shareAsOfstedInspector();
            stamper.refuseEverything();

            assertThrows(Stamper.UnstampableDocument.class, () -> service.download(cqcReader, report.id()));

            AuditEvent event = onlyEvent();
            assertEvent(cqcReader, AuditActions.REPORT_DOWNLOAD, report.id(), Outcome.REFUSED, event);
            assertEquals("could not be stamped", event.detail());
        }

        @Test
        void aReportNotAddressedToTheSubjectIsNotFoundWithOneAuditEvent() {
            reports.add(aReport().withId("hmic-only").from(OFSTED).addressedTo(HMIC).build());

            assertThrows(NotFound.class, () -> service.view(cqcReader, "hmic-only"));

            AuditEvent event = onlyEvent();
            assertEvent(cqcReader, AuditActions.REPORT_VIEW, "hmic-only", Outcome.DENIED, event);
            assertEquals(AccessPolicy.EMBARGO_READER_LIST_ONLY, event.detail());
        }

        @Test
        void anUnknownReportIsNotFoundWithOneAuditEvent() {
            assertThrows(NotFound.class, () -> service.view(cqcReader, "no-such-report"));

            AuditEvent event = onlyEvent();
            assertEvent(cqcReader, AuditActions.REPORT_VIEW, "no-such-report", Outcome.DENIED, event);
            assertEquals("no such report", event.detail());
        }
    }

    @Nested
    class Downloading {

        @Test
        void aCopyThatDoesNotFitInTheStampingBudgetIsRefusedAsBusyAndAuditedNotServedUnstamped() {
            StampingBudget budget = new StampingBudget(1024 * 1024, java.time.Duration.ZERO);
            ReportService limited = new ReportService(reports, intake, store,
                    new PolicyGate(new AccessPolicy(), audit, clock), new ScopeRemoval(keys, store, audit, clock, target -> false),
                    uploads, stamper,
                    new InMemoryLetterRepository(), budget, notices::add);
            String id = limited.share(ofstedInspector, limited.checkShare(ofstedInspector, aReportDraft().build()),
                    file("r.pdf", PDF)).id();

            budget.within(Long.MAX_VALUE, () -> assertThrows(StampingBudget.Busy.class,
                    () -> limited.download(cqcReader, id)));

            AuditEvent last = audit.events().get(audit.events().size() - 1);
            assertEquals(Outcome.REFUSED, last.outcome());
            assertEquals("stamping busy: try again", last.detail());
            assertTrue(limited.download(cqcReader, id) instanceof ReportDownload, "served once the budget is back");
        }


        @Test
        void anAddresseeReaderDownloadsAStampedCopyNamingThemWithOneAuditEventNamingTheDownload() throws IOException {
            Report report = shareAsOfstedInspector();

            ReportDownload download = (ReportDownload) service.download(cqcReader, report.id());

            StampMarks expected = StampMarks.forDownload(report.classification(), report.handlingInstructions(),
                    cqcReader.displayName(), cqcReader.organisation().name(), NOW, download.downloadId());
            byte[] stamped = FakeStamper.stampedAs(expected, PDF);
            assertArrayEquals(stamped, FakeStamper.written(download.content()), "the stamped copy, never the original");
            AuditEvent event = onlyEvent();
            assertEvent(cqcReader, AuditActions.REPORT_DOWNLOAD, report.id(), Outcome.SUCCEEDED, event);
            assertEquals("downloadId=" + download.downloadId(), event.detail());
        }

        @Test
        void aReportNotAddressedToTheSubjectIsNotFoundWithOneAuditEvent() {
            reports.add(aReport().withId("hmic-only").from(OFSTED).addressedTo(HMIC).build());

            assertThrows(NotFound.class, () -> service.download(cqcReader, "hmic-only"));

            assertEvent(cqcReader, AuditActions.REPORT_DOWNLOAD, "hmic-only", Outcome.DENIED, onlyEvent());
        }

        @Test
        void anUnknownReportIsNotFoundWithOneAuditEvent() {
            assertThrows(NotFound.class, () -> service.download(cqcReader, "no-such-report"));

            assertEvent(cqcReader, AuditActions.REPORT_DOWNLOAD, "no-such-report", Outcome.DENIED, onlyEvent());
        }

        @Test
        void unavailableContentFailsWithOneAuditEvent() {
            StoredContent missing = new StoredContent(KeyScope.report("lost"), "gone", new WrappedKey("kek", new byte[] {1}), 1, 1, "x");
            reports.add(aReport().withId("lost").from(OFSTED).storedAs(missing).build());

            assertThrows(UncheckedIOException.class, () -> service.download(cqcReader, "lost"));

            AuditEvent event = onlyEvent();
            assertEvent(cqcReader, AuditActions.REPORT_DOWNLOAD, "lost", Outcome.REFUSED, event);
        }
    }

    @Nested
    class Removing {

        private final Subject ofstedAdmin = aSubject().withId("ofsted-admin").of(OFSTED)
                .withRoles(uk.gov.inspectorates.portal.core.organisation.Role.ADMINISTRATOR).build();

        @Test
        void aSharedReportIsStoredUnderItsOwnKeyScope() {
            Report report = shareAsOfstedInspector();

            assertEquals(KeyScope.report(report.id()), report.document().content().scope());
        }

        @Test
        void theOriginatorsAdministratorRemovesAReportWithItsKeyObjectRowsAndOneTombstone() {
            Report report = shareAsOfstedInspector();

            service.remove(ofstedAdmin, report.id(), "test");

            assertTrue(keys.isDestroyed(KeyScope.report(report.id())));
            assertTrue(store.objects().isEmpty());
            assertTrue(reports.find(report.id()).isEmpty());
            AuditEvent event = onlyEvent();
            assertEvent(ofstedAdmin, AuditActions.SCOPE_REMOVE, report.id(), Outcome.SUCCEEDED, event);
            assertTrue(event.detail().contains("objects=1 plaintextBytes=" + PDF.length), event.detail());
            assertThrows(NotFound.class, () -> service.download(cqcReader, report.id()));
        }

        @Test
        void aReaderMayNotRemoveAndNothingIsTouched() {
            Report report = shareAsOfstedInspector();

            assertThrows(AccessDenied.class, () -> service.remove(cqcReader, report.id(), null));

            assertFalse(keys.isDestroyed(KeyScope.report(report.id())));
            assertEquals(1, store.objects().size());
            assertTrue(reports.find(report.id()).isPresent());
            assertEvent(cqcReader, AuditActions.REPORT_REMOVE, report.id(), Outcome.DENIED, onlyEvent());
        }
    }

    @Nested
    class UploadingInParts {

        private ResumableUpload uploadedAndChecked(Subject sharer) {
            ResumableUpload upload = service.startUpload(sharer, "report.pdf", PDF.length);
            for (int number = 1; number <= upload.content().partCount(); number++) {
                int from = (number - 1) * PART_SIZE;
                byte[] part = Arrays.copyOfRange(PDF, from, Math.min(from + PART_SIZE, PDF.length));
                uploads.receivePart(sharer, upload.id(), number, new ByteArrayInputStream(part));
            }
            ResumableUpload ready = uploads.complete(sharer, upload.id());
            audit.clear();
            return ready;
        }

        @Test
        void anAgencyMayNotStartAnUploadWithOneAuditEvent() {
            Subject agency = aSubject().ofAgency().build();

            AccessDenied denied = assertThrows(AccessDenied.class,
                    () -> service.startUpload(agency, "report.pdf", PDF.length));

            assertEquals(AccessPolicy.SHARE_INSPECTORATES_ONLY, denied.rule());
            AuditEvent event = onlyEvent();
            assertEvent(agency, AuditActions.UPLOAD_START, null, Outcome.DENIED, event);
            assertEquals(AccessPolicy.SHARE_INSPECTORATES_ONLY, event.detail());
            assertTrue(uploadRecords.all().isEmpty());
            assertTrue(store.inParts().isEmpty());
        }

        @Test
        void someoneWithoutASharingRoleMayNotStartAnUploadWithOneAuditEvent() {
            Subject analyst = aSubject().of(OFSTED).withRoles(DATA_ANALYST).build();

            AccessDenied denied = assertThrows(AccessDenied.class,
                    () -> service.startUpload(analyst, "report.pdf", PDF.length));

            assertEquals(AccessPolicy.SHARE_NEEDS_SHARING_ROLE, denied.rule());
            assertEvent(analyst, AuditActions.UPLOAD_START, null, Outcome.DENIED, onlyEvent());
            assertTrue(uploadRecords.all().isEmpty());
            assertTrue(store.inParts().isEmpty());
        }

        @Test
        void anInspectorStartsAReportUploadUnderAReportKeyScopeOfItsOwn() {
            ResumableUpload upload = service.startUpload(ofstedInspector, "report.pdf", PDF.length);

            assertEquals(ResumableUpload.Status.RECEIVING, upload.status());
            assertEquals(ofstedInspector.userId(), upload.ownerUserId());
            assertEquals(UploadPurpose.REPORT, upload.purpose());
            assertEquals(KeyScope.Kind.REPORT, upload.content().scope().kind());
            assertEquals(3, upload.content().partCount());
            AuditEvent event = onlyEvent();
            assertEquals(AuditActions.UPLOAD_START, event.action());
            assertEquals(Outcome.SUCCEEDED, event.outcome());
            assertEquals(upload.id(), event.resourceId());
        }

        @Test
        void aSharedUploadBecomesAReportWithTheUploadsScopeIdAsItsIdAndDownloadsAsUploaded() throws IOException {
            ResumableUpload upload = uploadedAndChecked(ofstedInspector);
            ReportDetails details = service.checkShare(ofstedInspector, aReportDraft().build());

            Report report = service.shareUploaded(ofstedInspector, details, upload.id());

            assertEquals(upload.content().scope().id(), report.id());
            assertEquals(KeyScope.report(report.id()), report.document().content().scope());
            assertEquals(List.of(report), reports.all());
            assertEvent(ofstedInspector, AuditActions.REPORT_SHARE, report.id(), Outcome.SUCCEEDED, onlyEvent());
            ReportDownload download = (ReportDownload) service.download(cqcReader, report.id());
            byte[] served = FakeStamper.written(download.content());
            assertArrayEquals(PDF, Arrays.copyOfRange(served, served.length - PDF.length, served.length),
                    "the uploaded bytes, under the stamp");
            assertTrue(new String(served, StandardCharsets.UTF_8).startsWith("Copy for "), "stamped");
        }

        @Test
        void anUploadIsSharedOnlyOnce() {
            ResumableUpload upload = uploadedAndChecked(ofstedInspector);
            ReportDetails details = service.checkShare(ofstedInspector, aReportDraft().build());
            service.shareUploaded(ofstedInspector, details, upload.id());
            audit.clear();

            assertThrows(NotFound.class, () -> service.shareUploaded(ofstedInspector, details, upload.id()));

            assertEquals(1, reports.all().size());
            AuditEvent event = onlyEvent();
            assertEvent(ofstedInspector, AuditActions.REPORT_SHARE, null, Outcome.REFUSED, event);
            assertEquals("upload " + upload.id() + ": NotFound", event.detail());
        }

        @Test
        void anotherInspectorCannotShareSomeoneElsesUpload() {
            ResumableUpload upload = uploadedAndChecked(ofstedInspector);
            Subject colleague = aSubject().withId("colleague").of(OFSTED).withRoles(INSPECTOR).build();
            ReportDetails details = service.checkShare(colleague, aReportDraft().build());

            assertThrows(NotFound.class, () -> service.shareUploaded(colleague, details, upload.id()));

            assertTrue(reports.all().isEmpty());
            assertTrue(audit.events().stream().anyMatch(e -> e.action().equals(AuditActions.UPLOAD_ACCESS)
                    && e.outcome() == Outcome.DENIED && colleague.userId().equals(e.actorId())));
            assertEquals(ResumableUpload.Status.READY, uploads.status(ofstedInspector, upload.id()).status());
        }

        @Test
        void someoneWhoMayNotShareCannotShareAnUploadAndItIsNotClaimed() {
            ResumableUpload upload = uploadedAndChecked(ofstedInspector);
            ReportDetails ofstedDetails = service.checkShare(ofstedInspector, aReportDraft().build());
            audit.clear();
            Subject cqcInspector = aSubject().of(CQC).withRoles(INSPECTOR).build();

            assertThrows(AccessDenied.class, () -> service.shareUploaded(cqcInspector, ofstedDetails, upload.id()));

            assertEvent(cqcInspector, AuditActions.REPORT_SHARE, null, Outcome.DENIED, onlyEvent());
            assertTrue(reports.all().isEmpty());
            assertEquals(ResumableUpload.Status.READY, uploads.status(ofstedInspector, upload.id()).status());
        }
    }
}
