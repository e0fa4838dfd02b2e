package uk.gov.inspectorates.portal.core.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.OFSTED;
import static uk.gov.inspectorates.portal.core.organisation.Role.INSPECTOR;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.testdata.FakeContentScanner;
import uk.gov.inspectorates.portal.core.testdata.FakeContentInspector;
import uk.gov.inspectorates.portal.core.testdata.FakeContentTypeDetector;
import uk.gov.inspectorates.portal.core.testdata.FakeDocumentStore;
import uk.gov.inspectorates.portal.core.testdata.FakeKeyService;
import uk.gov.inspectorates.portal.core.testdata.InMemoryResumableUploadRepository;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

class ResumableUploadsTest {

    private static final Instant START = Instant.parse("2030-01-10T10:00:00Z");
    private static final int PART_SIZE = 1000;
    private static final int FILE_SIZE = 2500; // parts of 1000, 1000 and 500 bytes
    private static final long MAX_BYTES = 100_000;
    private static final Duration EXPIRY = Duration.ofHours(24);
    private static final KeyScope SCOPE = KeyScope.report("report-1");
    private static final byte[] MARKER = "X5O!P%@AP-TEST-MARKER".getBytes(StandardCharsets.US_ASCII);

    private final MutableClock clock = new MutableClock(START);
    private final List<String> removals = new ArrayList<>();
    private final FakeDocumentStore store = new FakeDocumentStore(removals);
    private final FakeKeyService keys = new FakeKeyService(removals);
    private final FakeContentScanner scanner = new FakeContentScanner();
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final InMemoryResumableUploadRepository repository = new InMemoryResumableUploadRepository();
    private final FakeContentInspector inspector = new FakeContentInspector();
    private final DocumentIntake intake = new DocumentIntake(new FakeContentTypeDetector(), inspector, scanner, store,
            MAX_BYTES);
    private final ResumableUploads uploads = uploadsWithPartSize(PART_SIZE);

    private final Subject owner = aSubject().withId("owner").of(OFSTED).withRoles(INSPECTOR).build();
    private final Subject someoneElse = aSubject().withId("someone-else").of(OFSTED).withRoles(INSPECTOR).build();

    private final byte[] file = pdfOf(FILE_SIZE);

    private ResumableUploads uploadsWithPartSize(int partSize) {
        return new ResumableUploads(repository, store, intake, new WindowedScanner(scanner, MAX_BYTES, 1024), keys,
                new PolicyGate(new AccessPolicy(), audit, clock), audit, new ResumableUploads.Settings(partSize, EXPIRY));
    }

    /** A PDF header followed by random bytes, so that any lost, duplicated or reordered byte shows. */
    private static byte[] pdfOf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    private static byte[] partOf(byte[] bytes, int number) {
        int from = (number - 1) * PART_SIZE;
        return Arrays.copyOfRange(bytes, from, Math.min(from + PART_SIZE, bytes.length));
    }

    private ResumableUpload begin() {
        return uploads.begin(owner, UploadPurpose.REPORT, SCOPE, "report.pdf", file.length);
    }

    private ResumableUpload send(Subject subject, ResumableUpload upload, int number, byte[] bytes) {
        return uploads.receivePart(subject, upload.id(), number, new ByteArrayInputStream(bytes));
    }

    private ResumableUpload allPartsReceived() {
        ResumableUpload upload = begin();
        for (int number = 1; number <= 3; number++) {
            send(owner, upload, number, partOf(file, number));
        }
        return upload;
    }

    private ResumableUpload ready() {
        ResumableUpload upload = allPartsReceived();
        return uploads.complete(owner, upload.id());
    }

    private static String sha256Of(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private AuditEvent lastEvent() {
        List<AuditEvent> events = audit.events();
        return events.get(events.size() - 1);
    }

    private static void assertUploadEvent(Subject actor, String action, Outcome outcome, AuditEvent event) {
        assertEquals(actor.userId(), event.actorId());
        assertEquals(actor.organisation().id(), event.actorOrganisationId());
        assertEquals(action, event.action());
        assertEquals("UPLOAD", event.resourceType());
        assertEquals(outcome, event.outcome());
    }

    /** Nothing of the upload is left: KEK destroyed before the object is removed, parts and record gone. */
    private void assertDiscarded(ResumableUpload upload) {
        assertTrue(keys.isDestroyed(upload.content().scope()), "the upload's KEK is destroyed");
        assertEquals(List.of("kek-destroyed:" + upload.content().scope(),
                "object-discarded:" + upload.content().objectKey()), removals, "KEK first, then the object");
        assertNull(store.partsOf(upload.content()), "no parts left");
        assertFalse(store.objects().containsKey(upload.content().objectKey()), "no object left");
        assertTrue(repository.find(upload.id()).isEmpty(), "no record left");
    }

    // --- starting ---

    @Test
    void theNameIsNormalisedBeforeItIsKept() {
        ResumableUpload upload = uploads.begin(owner, UploadPurpose.REPORT, SCOPE,
                "C:\\Temp\\\u202Efinal\u0000\u009b report.pdf", file.length);

        assertEquals("final report.pdf", upload.fileName());
        assertEquals("final report.pdf", repository.find(upload.id()).orElseThrow().fileName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"folder/", "\u0000\u0001", "\u202E "})
    void aNameWithNothingUsableLeftIsRefusedBeforeAnythingIsStored(String name) {
        UploadRejected refused = assertThrows(UploadRejected.class,
                () -> uploads.begin(owner, UploadPurpose.REPORT, SCOPE, name, 100));

        assertEquals(UploadRejected.Reason.FILE_NAME, refused.reason());
        assertTrue(store.objects().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aBlankNameIsRefusedBeforeAnythingIsStored(String name) {
        assertThrows(InvalidInput.class, () -> uploads.begin(owner, UploadPurpose.REPORT, SCOPE, name, 100));

        assertRefusedAtStart("invalid");
    }

    @Test
    void anEmptyFileIsRefusedBeforeAnythingIsStored() {
        UploadRejected rejected = assertThrows(UploadRejected.class,
                () -> uploads.begin(owner, UploadPurpose.REPORT, SCOPE, "report.pdf", 0));

        assertEquals(UploadRejected.Reason.EMPTY, rejected.reason());
        assertRefusedAtStart("EMPTY");
    }

    @Test
    void aFileLargerThanTheIntakesMaximumIsRefusedBeforeAnythingIsStored() {
        UploadRejected rejected = assertThrows(UploadRejected.class,
                () -> uploads.begin(owner, UploadPurpose.REPORT, SCOPE, "report.pdf", MAX_BYTES + 1));

        assertEquals(UploadRejected.Reason.TOO_LARGE, rejected.reason());
        assertRefusedAtStart("TOO_LARGE");
    }

    @Test
    void aFileOfMorePartsThanTheObjectStoreTakesIsRefusedAsTooLarge() {
        ResumableUploads tinyParts = uploadsWithPartSize(1);

        UploadRejected rejected = assertThrows(UploadRejected.class, () -> tinyParts.begin(owner,
                UploadPurpose.REPORT, SCOPE, "report.pdf", PartedContent.MAX_PARTS + 1));

        assertEquals(UploadRejected.Reason.TOO_LARGE, rejected.reason());
        assertRefusedAtStart("TOO_LARGE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"report.docx", "report", "report.pdf.exe", "report."})
    void aNameWhoseExtensionThePurposeNeverAllowsIsRefusedBeforeAnythingIsStored(String name) {
        UploadRejected rejected = assertThrows(UploadRejected.class,
                () -> uploads.begin(owner, UploadPurpose.REPORT, SCOPE, name, 100));

        assertEquals(UploadRejected.Reason.TYPE_NOT_ALLOWED, rejected.reason());
        assertRefusedAtStart("TYPE_NOT_ALLOWED");
    }

    private void assertRefusedAtStart(String detail) {
        assertEquals(1, audit.events().size());
        AuditEvent event = audit.events().get(0);
        assertUploadEvent(owner, AuditActions.UPLOAD_START, Outcome.REFUSED, event);
        assertEquals(detail, event.detail());
        assertTrue(repository.all().isEmpty());
        assertTrue(store.inParts().isEmpty());
        assertTrue(store.objects().isEmpty());
    }

    @Test
    void onlySomeoneThePolicyLetsShareMayStartAReportUpload() {
        Subject analyst = aSubject().withId("analyst").of(OFSTED).withRoles(Role.DATA_ANALYST).build();

        AccessDenied denied = assertThrows(AccessDenied.class,
                () -> uploads.begin(analyst, UploadPurpose.REPORT, SCOPE, "report.pdf", file.length));

        assertEquals(AccessPolicy.SHARE_NEEDS_SHARING_ROLE, denied.rule());
        assertUploadEvent(analyst, AuditActions.UPLOAD_START, Outcome.DENIED, lastEvent());
        assertEquals(AccessPolicy.SHARE_NEEDS_SHARING_ROLE, lastEvent().detail());
        assertTrue(store.objects().isEmpty());
    }

    @Test
    void aStartedUploadIsReceivingItsPartsUnderTheGivenScopeForItsOwner() {
        ResumableUpload upload = uploads.begin(owner, UploadPurpose.REPORT, SCOPE, "  report.pdf ", file.length);

        assertEquals(ResumableUpload.Status.RECEIVING, upload.status());
        assertEquals(owner.userId(), upload.ownerUserId());
        assertEquals("report.pdf", upload.fileName());
        assertEquals(SCOPE, upload.content().scope());
        assertEquals(3, upload.content().partCount());
        assertEquals(List.of(1, 2, 3), upload.missingParts());
        assertEquals(START.plus(EXPIRY), upload.expiresAt());
        assertEquals(upload, repository.find(upload.id()).orElseThrow());
        AuditEvent event = lastEvent();
        assertUploadEvent(owner, AuditActions.UPLOAD_START, Outcome.SUCCEEDED, event);
        assertEquals(upload.id(), event.resourceId());
    }

    // --- parts and completion ---

    @Test
    void partsSentOutOfOrderAndAgainAreAssembledIntoTheFileAndCheckedToReady() throws Exception {
        ResumableUpload upload = begin();

        send(owner, upload, 3, partOf(file, 3));
        send(owner, upload, 1, partOf(file, 1));
        byte[] wrongBytesRightSize = pdfOf(PART_SIZE);
        assertEquals(List.of(1, 2, 3), send(owner, upload, 2, wrongBytesRightSize).receivedParts());
        ResumableUpload received = send(owner, upload, 2, partOf(file, 2)); // sent again: replaces the first copy

        assertEquals(List.of(), received.missingParts());
        assertEquals(FILE_SIZE, received.receivedBytes());
        assertEquals("application/pdf", received.mediaType());

        ResumableUpload completed = uploads.complete(owner, upload.id());

        assertEquals(ResumableUpload.Status.READY, completed.status());
        assertEquals(sha256Of(file), completed.plaintextSha256());
        assertArrayEquals(file, store.objects().get(upload.content().objectKey()));
        assertArrayEquals(file, scanner.lastFed(), "every byte of the assembled file was scanned");
        AuditEvent event = lastEvent();
        assertUploadEvent(owner, AuditActions.UPLOAD_CHECK, Outcome.SUCCEEDED, event);
        assertEquals(upload.id(), event.resourceId());
        assertFalse(keys.isDestroyed(SCOPE));
    }

    @Test
    void aReadyUploadIsClaimedAsAnAcceptedDocumentWhoseContentIsTheFile() throws Exception {
        ResumableUpload upload = ready();

        AcceptedDocument document = uploads.claim(owner, upload.id(), UploadPurpose.REPORT);

        assertEquals("report.pdf", document.fileName());
        assertEquals("application/pdf", document.mediaType());
        assertEquals(SCOPE, document.content().scope());
        assertEquals(FILE_SIZE, document.content().plaintextBytes());
        assertEquals(sha256Of(file), document.content().plaintextSha256());
        try (InputStream content = store.open(document.content())) {
            assertArrayEquals(file, content.readAllBytes());
        }
        assertTrue(repository.find(upload.id()).isEmpty(), "the record is gone once claimed");
    }

    @Test
    void completingAReadyUploadAgainReturnsItWithoutScanningAgain() {
        ResumableUpload upload = ready();
        int sessions = scanner.sessions();

        assertEquals(ResumableUpload.Status.READY, uploads.complete(owner, upload.id()).status());
        assertEquals(sessions, scanner.sessions());
    }

    @ParameterizedTest
    @ValueSource(ints = {PART_SIZE - 1, PART_SIZE + 1, 0})
    void aPartOfTheWrongSizeIsRefusedAndNotRecorded(int size) {
        ResumableUpload upload = begin();

        assertThrows(InvalidInput.class, () -> send(owner, upload, 2, new byte[size]));

        assertEquals(List.of(), uploads.status(owner, upload.id()).receivedParts());
        assertEquals(Map.of(), store.partsOf(upload.content()));
    }

    @Test
    void theShorterLastPartMustBeExactlyItsSize() {
        ResumableUpload upload = begin();

        assertThrows(InvalidInput.class, () -> send(owner, upload, 3, new byte[PART_SIZE]));

        assertEquals(List.of(), uploads.status(owner, upload.id()).receivedParts());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, -1})
    void aPartNumberOutsideTheUploadIsRefused(int number) {
        ResumableUpload upload = begin();

        assertThrows(InvalidInput.class, () -> send(owner, upload, number, partOf(file, 1)));

        assertEquals(List.of(), uploads.status(owner, upload.id()).receivedParts());
    }

    @Test
    void aFirstPartThatIsNotAnAllowedTypeDiscardsTheWholeUpload() {
        ResumableUpload upload = begin();
        send(owner, upload, 2, partOf(file, 2));
        byte[] notAPdf = new byte[PART_SIZE];
        Arrays.fill(notAPdf, (byte) 'a');

        UploadRejected rejected = assertThrows(UploadRejected.class, () -> send(owner, upload, 1, notAPdf));

        assertEquals(UploadRejected.Reason.TYPE_NOT_ALLOWED, rejected.reason());
        assertDiscarded(upload);
        AuditEvent event = lastEvent();
        assertUploadEvent(owner, AuditActions.UPLOAD_CHECK, Outcome.REFUSED, event);
        assertEquals(upload.id(), event.resourceId());
        assertEquals("TYPE_NOT_ALLOWED", event.detail());
        assertThrows(NotFound.class, () -> uploads.status(owner, upload.id()));
    }

    @Test
    void completingWithPartsMissingIsAConflictAndChangesNothing() {
        ResumableUpload upload = begin();
        send(owner, upload, 1, partOf(file, 1));
        send(owner, upload, 3, partOf(file, 3));
        ResumableUpload before = uploads.status(owner, upload.id());
        int events = audit.events().size();

        Conflict conflict = assertThrows(Conflict.class, () -> uploads.complete(owner, upload.id()));

        assertTrue(conflict.getMessage().contains("part 2"), conflict.getMessage());
        assertEquals(before, uploads.status(owner, upload.id()));
        assertEquals(ResumableUpload.Status.RECEIVING, before.status());
        assertEquals(2, store.partsOf(upload.content()).size(), "the parts are kept, not assembled");
        assertTrue(store.objects().isEmpty());
        assertEquals(0, scanner.sessions());
        assertEquals(events, audit.events().size());
    }

    @Test
    void aPartCannotBeSentOnceTheUploadIsComplete() {
        ResumableUpload upload = ready();

        assertThrows(Conflict.class, () -> send(owner, upload, 3, partOf(file, 3)));
    }

    @Test
    void malwareFoundAtCompletionDiscardsEverythingKekFirst() {
        scanner.infectedWhenContaining(MARKER, "Portal.Test.Eicar");
        System.arraycopy(MARKER, 0, file, 2 * PART_SIZE + 10, MARKER.length); // in part 3
        ResumableUpload upload = allPartsReceived();

        UploadRejected rejected = assertThrows(UploadRejected.class, () -> uploads.complete(owner, upload.id()));

        assertEquals(UploadRejected.Reason.MALWARE, rejected.reason());
        assertFalse(rejected.getMessage().contains("Portal.Test.Eicar"), "the sender is not told the signature");
        assertDiscarded(upload);
        AuditEvent event = lastEvent();
        assertUploadEvent(owner, AuditActions.UPLOAD_CHECK, Outcome.REFUSED, event);
        assertEquals("MALWARE signature=Portal.Test.Eicar", event.detail());
        assertEquals(scanner.sessions(), scanner.closedSessions());
        assertThrows(NotFound.class, () -> uploads.complete(owner, upload.id()));
    }

    @Test
    void whatTheContentInspectionRefusesAtCompletionIsDiscardedKekFirstAndAudited() {
        inspector.refusing(new UploadRejected(UploadRejected.Reason.ACTIVE_CONTENT, "The selected PDF contains"
                + " JavaScript", "pdf: JavaScript in object 4"));
        ResumableUpload upload = allPartsReceived();

        UploadRejected rejected = assertThrows(UploadRejected.class, () -> uploads.complete(owner, upload.id()));

        assertEquals(UploadRejected.Reason.ACTIVE_CONTENT, rejected.reason());
        assertArrayEquals(file, inspector.lastSeen(), "the inspection read the whole assembled file");
        assertDiscarded(upload);
        assertEquals("ACTIVE_CONTENT pdf: JavaScript in object 4", lastEvent().detail());
    }

    @Test
    void theCallersCheckSeesTheAssembledFileAndMayRefuseIt() {
        ResumableUpload upload = allPartsReceived();
        java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
        ContentCheck check = () -> new ContentCheck.Session() {
            @Override
            public void feed(byte[] bytes, int offset, int length) {
                seen.write(bytes, offset, length);
            }

            @Override
            public void conclude(String mediaType) {
                throw new UploadRejected(UploadRejected.Reason.CONTENT_NOT_ALLOWED, "names a child");
            }
        };

        assertThrows(UploadRejected.class, () -> uploads.complete(owner, upload.id(), check));

        assertArrayEquals(file, seen.toByteArray());
        assertDiscarded(upload);
    }

    @Test
    void theTypeTheWholeContentShowsReplacesTheOneDetectedFromTheFirstPart() {
        inspector.concluding("application/pdf");
        ResumableUpload upload = allPartsReceived();

        assertEquals("application/pdf", uploads.complete(owner, upload.id()).mediaType());
    }

    @Test
    void withTheScannerUnavailableTheUploadStaysAssembledAndARetryCompletesIt() throws Exception {
        ResumableUpload upload = allPartsReceived();
        scanner.unavailable();

        assertThrows(ScanningUnavailable.class, () -> uploads.complete(owner, upload.id()));

        assertEquals(ResumableUpload.Status.ASSEMBLED, uploads.status(owner, upload.id()).status());
        assertArrayEquals(file, store.objects().get(upload.content().objectKey()));
        assertFalse(keys.isDestroyed(SCOPE));
        AuditEvent event = lastEvent();
        assertUploadEvent(owner, AuditActions.UPLOAD_CHECK, Outcome.REFUSED, event);
        assertEquals("scanning unavailable", event.detail());

        scanner.available();
        ResumableUpload completed = uploads.complete(owner, upload.id());

        assertEquals(ResumableUpload.Status.READY, completed.status());
        assertEquals(sha256Of(file), completed.plaintextSha256());
        assertArrayEquals(file, scanner.lastFed());
    }

    // --- only the owner ---

    enum Operation { STATUS, PART, COMPLETE, CLAIM, ABANDON }

    private void attempt(Operation operation, Subject subject, ResumableUpload upload) {
        switch (operation) {
            case STATUS -> uploads.status(subject, upload.id());
            case PART -> send(subject, upload, 3, partOf(file, 3));
            case COMPLETE -> uploads.complete(subject, upload.id());
            case CLAIM -> uploads.claim(subject, upload.id(), UploadPurpose.REPORT);
            case ABANDON -> uploads.abandon(subject, upload.id());
        }
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void toAnyoneButItsOwnerAnUploadDoesNotExistAndTheAttemptIsAudited(Operation operation) {
        ResumableUpload upload = ready();
        audit.clear();

        assertThrows(NotFound.class, () -> attempt(operation, someoneElse, upload));

        assertEquals(1, audit.events().size());
        AuditEvent event = audit.events().get(0);
        assertUploadEvent(someoneElse, AuditActions.UPLOAD_ACCESS, Outcome.DENIED, event);
        assertEquals(AccessPolicy.UPLOAD_OWNER_ONLY, event.detail(), "the policy's rule decided");
        assertEquals(upload.id(), event.resourceId());
        assertEquals(upload, repository.find(upload.id()).orElseThrow(), "the upload is untouched");
        assertTrue(removals.isEmpty());
        uploads.claim(owner, upload.id(), UploadPurpose.REPORT); // still its owner's to claim
    }

    @Test
    void anUnknownUploadIsNotFound() {
        assertThrows(NotFound.class, () -> uploads.status(owner, "no-such-upload"));
    }

    // --- claiming ---

    @Test
    void anUploadIsClaimedOnlyOnce() {
        ResumableUpload upload = ready();
        uploads.claim(owner, upload.id(), UploadPurpose.REPORT);

        assertThrows(NotFound.class, () -> uploads.claim(owner, upload.id(), UploadPurpose.REPORT));
    }

    @Test
    void ofTwoClaimsAtOnceOnlyTheOneThatRemovedTheRecordGetsTheDocument() {
        ResumableUpload upload = ready();
        repository.beforeNextRemove(() -> repository.remove(upload.id())); // the other claim got there first

        assertThrows(NotFound.class, () -> uploads.claim(owner, upload.id(), UploadPurpose.REPORT));
    }

    @Test
    void anUploadNotYetCheckedCannotBeClaimed() {
        ResumableUpload upload = allPartsReceived();

        assertThrows(Conflict.class, () -> uploads.claim(owner, upload.id(), UploadPurpose.REPORT));

        assertEquals(ResumableUpload.Status.RECEIVING, uploads.status(owner, upload.id()).status());
    }

    @Test
    void anAssembledButUncheckedUploadCannotBeClaimed() {
        ResumableUpload upload = allPartsReceived();
        scanner.unavailable();
        assertThrows(ScanningUnavailable.class, () -> uploads.complete(owner, upload.id()));

        assertThrows(Conflict.class, () -> uploads.claim(owner, upload.id(), UploadPurpose.REPORT));

        assertTrue(repository.find(upload.id()).isPresent());
    }

    // --- expiry and abandoning ---

    /** The RESUMABLE_UPLOADS retention policy (one calendar day, as the expiry here) run as the retention run does. */
    private int sweepExpired() {
        uk.gov.inspectorates.portal.core.retention.RetentionPolicies policies = category ->
                new uk.gov.inspectorates.portal.core.retention.RetentionPolicy(category, 1,
                        uk.gov.inspectorates.portal.core.retention.RetentionPolicy.DurationUnit.CALENDAR_DAYS,
                        uk.gov.inspectorates.portal.core.retention.RetentionPolicy.EndAction.REMOVE, "operators");
        var sweep = new uk.gov.inspectorates.portal.core.retention.AgedRecordSweep(
                new uk.gov.inspectorates.portal.core.retention.ResumableUploadAges(uploads), policies,
                uk.gov.inspectorates.portal.core.testdata.EnglandAndWalesBankHolidays.calendar(), audit, clock);
        var due = new uk.gov.inspectorates.portal.core.retention.RetentionSchedule(List.of(sweep), policies,
                target -> false).due(clock.instant());
        due.forEach(entry -> sweep.remove(entry.candidate(),
                uk.gov.inspectorates.portal.core.retention.Remover.policy("RESUMABLE_UPLOADS")));
        return due.size();
    }

    @Test
    void anUploadPastItsExpiryIsNotFoundAndRemovedByThePolicy() {
        ResumableUpload upload = begin();
        send(owner, upload, 2, partOf(file, 2));
        clock.advance(EXPIRY);

        assertThrows(NotFound.class, () -> uploads.status(owner, upload.id()));
        assertThrows(NotFound.class, () -> send(owner, upload, 1, partOf(file, 1)));
        audit.clear();

        assertEquals(1, sweepExpired());

        assertDiscarded(upload);
        AuditEvent event = audit.events().get(0);
        assertEquals(1, audit.events().size());
        assertNull(event.actorId(), "removed by the policy, not a person");
        assertEquals(AuditActions.RETENTION_REMOVE, event.action());
        assertEquals(upload.id(), event.resourceId());
        assertEquals(Outcome.SUCCEEDED, event.outcome());
        assertTrue(event.detail().contains("by=policy:RESUMABLE_UPLOADS"), event.detail());
        assertEquals(0, sweepExpired());
    }

    @Test
    void anUploadBeforeItsExpiryIsKept() {
        ResumableUpload upload = begin();
        clock.advance(EXPIRY.minusSeconds(1));

        assertEquals(0, sweepExpired());
        assertEquals(upload.id(), uploads.status(owner, upload.id()).id());
    }

    @Test
    void eachPartMovesTheExpiryOut() {
        ResumableUpload upload = begin();
        clock.advance(EXPIRY.minusHours(1));
        send(owner, upload, 1, partOf(file, 1));
        clock.advance(Duration.ofHours(2));

        assertEquals(0, sweepExpired());
        assertEquals(List.of(1), uploads.status(owner, upload.id()).receivedParts());
    }

    @Test
    void abandoningRemovesEverythingOfTheUpload() {
        ResumableUpload upload = begin();
        send(owner, upload, 1, partOf(file, 1));

        uploads.abandon(owner, upload.id());

        assertDiscarded(upload);
        AuditEvent event = lastEvent();
        assertUploadEvent(owner, AuditActions.UPLOAD_DISCARD, Outcome.SUCCEEDED, event);
        assertEquals(upload.id(), event.resourceId());
        assertThrows(NotFound.class, () -> uploads.status(owner, upload.id()));
    }

    @Test
    void abandoningAReadyUploadRemovesItsAssembledObject() {
        ResumableUpload upload = ready();

        uploads.abandon(owner, upload.id());

        assertDiscarded(upload);
        assertTrue(store.objects().isEmpty());
    }

    /** An inspection document's upload shares its inspection's key scope with every document already kept. */
    @ParameterizedTest
    @ValueSource(strings = {"abandoned", "refused at part one"})
    void discardingAnInspectionDocumentsUploadNeverDestroysItsInspectionsKey(String how) {
        KeyScope inspection = KeyScope.inspection("inspection-1");
        Subject uploader = aSubject().withId("uploader").ofAgency().withRoles(Role.AGENCY_UPLOADER).build();
        byte[] kept = "the inspection's other documents".getBytes(StandardCharsets.US_ASCII);
        WrappedKey other = keys.wrap(inspection, kept, "document-1");
        ResumableUpload upload = uploads.begin(uploader, UploadPurpose.INSPECTION_DOCUMENT, inspection, "evidence.pdf",
                file.length);

        if (how.equals("abandoned")) {
            uploads.abandon(uploader, upload.id());
        } else {
            byte[] notAPdf = new byte[PART_SIZE];
            assertThrows(UploadRejected.class, () -> send(uploader, upload, 1, notAPdf));
        }

        assertArrayEquals(kept, keys.unwrap(inspection, other, "document-1"), "the inspection's key is alive");
        assertFalse(removals.stream().anyMatch(removal -> removal.startsWith("kek-destroyed")), removals.toString());
        assertTrue(repository.all().isEmpty(), "the upload itself is gone");
    }

    @Test
    void discardingAReportsUploadDestroysItsOwnScope() {
        ResumableUpload upload = begin();

        uploads.abandon(owner, upload.id());

        assertTrue(removals.contains("kek-destroyed:" + SCOPE), removals.toString());
    }
}
