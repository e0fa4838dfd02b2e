package uk.gov.inspectorates.portal.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.OFSTED;
import static uk.gov.inspectorates.portal.core.organisation.Role.INSPECTOR;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.shared.Busy;
import uk.gov.inspectorates.portal.core.testdata.FakeContentInspector;
import uk.gov.inspectorates.portal.core.testdata.FakeContentScanner;
import uk.gov.inspectorates.portal.core.testdata.FakeContentTypeDetector;
import uk.gov.inspectorates.portal.core.testdata.FakeDocumentStore;
import uk.gov.inspectorates.portal.core.testdata.FakeKeyService;
import uk.gov.inspectorates.portal.core.testdata.InMemoryResumableUploadRepository;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

class UploadAdmissionTest {

    private static final Instant START = Instant.parse("2030-01-10T10:00:00Z");
    private static final int PART_SIZE = 1000;
    private static final long MAX_BYTES = 100_000;
    private static final Duration EXPIRY = Duration.ofHours(24);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(7);
    private static final KeyScope SCOPE = KeyScope.report("report-1");

    private final MutableClock clock = new MutableClock(START);
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final PolicyGate gate = new PolicyGate(new AccessPolicy(), audit, clock);
    private final InMemoryResumableUploadRepository repository = new InMemoryResumableUploadRepository();
    private final List<String> removals = new ArrayList<>();
    private final FakeDocumentStore store = new FakeDocumentStore(removals);
    private final FakeContentScanner scanner = new FakeContentScanner();
    private final DocumentIntake intake = new DocumentIntake(new FakeContentTypeDetector(), new FakeContentInspector(),
            scanner, store, MAX_BYTES);
    private final ResumableUploads uploads = new ResumableUploads(repository, store, intake,
            new WindowedScanner(scanner, MAX_BYTES, 1024), new FakeKeyService(removals), gate, audit,
            new ResumableUploads.Settings(PART_SIZE, EXPIRY));
    private final UploadAdmission admission = new UploadAdmission(new UploadAdmission.Limits(2, 2, RETRY_AFTER),
            repository, gate);

    private final Subject owner = aSubject().withId("owner").of(OFSTED).withRoles(INSPECTOR).build();
    private final Subject colleague = aSubject().withId("colleague").of(OFSTED).withRoles(INSPECTOR).build();

    @Test
    void aPersonMayHaveAsManyUploadsInFlightAsTheLimitAndTheNextIsBusyOfTheirOwnWithRetryAfter() {
        UploadAdmission.Place first = admission.admitUpload(owner);
        UploadAdmission.Place second = admission.admitUpload(owner);

        Busy busy = assertThrows(Busy.class, () -> admission.admitUpload(owner));

        assertEquals(UploadAdmission.CONCURRENT_PER_USER, busy.rule());
        assertEquals(Busy.Scope.YOURS, busy.scope());
        assertEquals(7, busy.retryAfterSeconds());
        assertRefusalAudited(owner, UploadAdmission.CONCURRENT_PER_USER);
        first.close();
        second.close();
    }

    @Test
    void aPlaceFreedByTheEndOfItsRequestLetsTheNextOneIn() {
        UploadAdmission.Place first = admission.admitUpload(owner);
        admission.admitUpload(owner);
        assertThrows(Busy.class, () -> admission.admitUpload(owner));

        first.close();

        admission.admitUpload(owner).close();
        assertEquals(1, admission.inFlight("owner"));
    }

    @Test
    void closingAPlaceTwiceFreesItOnce() {
        UploadAdmission.Place first = admission.admitUpload(owner);
        UploadAdmission.Place second = admission.admitUpload(owner);

        first.close();
        first.close();

        assertEquals(1, admission.inFlight("owner"));
        assertThrows(Busy.class, () -> {
            admission.admitUpload(owner);
            admission.admitUpload(owner);
        });
        second.close();
    }

    @Test
    void eachPersonHasTheirOwnPlaces() {
        admission.admitUpload(owner);
        admission.admitUpload(owner);

        admission.admitUpload(colleague).close();
        admission.admitUpload(colleague).close();
    }

    @Test
    void manyRequestsAtOnceNeverHoldMorePlacesThanTheLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            all.add(pool.submit(() -> {
                go.await();
                try (UploadAdmission.Place place = admission.admitUpload(owner)) {
                    most.accumulateAndGet(holding.incrementAndGet(), Math::max);
                    Thread.yield();
                    holding.decrementAndGet();
                } catch (Busy busy) {
                    refused.incrementAndGet();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> each : all) {
            each.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertTrue(most.get() <= 2, "at most 2 at once, saw " + most.get());
        assertEquals(0, admission.inFlight("owner"));
    }

    @Test
    void aResumableUploadBeyondTheUnfinishedLimitIsRefusedBeforeAnythingIsStarted() {
        start(owner);
        start(owner);
        int stored = removals.size();

        Busy busy = assertThrows(Busy.class, () -> start(owner));

        assertEquals(UploadAdmission.UNFINISHED_PER_USER, busy.rule());
        assertEquals(Busy.Scope.YOURS, busy.scope());
        assertEquals(2, repository.all().size(), "no third upload recorded");
        assertEquals(stored, removals.size());
        assertRefusalAudited(owner, UploadAdmission.UNFINISHED_PER_USER);
        start(colleague);
    }

    @Test
    void aCompletedUploadFreesItsPlace() {
        ResumableUpload first = start(owner);
        start(owner);

        byte[] file = pdf(1500);
        uploads.receivePart(owner, first.id(), 1, new ByteArrayInputStream(Arrays.copyOfRange(file, 0, 1000)));
        uploads.receivePart(owner, first.id(), 2, new ByteArrayInputStream(Arrays.copyOfRange(file, 1000, 1500)));
        uploads.complete(owner, first.id());

        start(owner);
    }

    @Test
    void anAbandonedUploadFreesItsPlace() {
        ResumableUpload first = start(owner);
        start(owner);

        uploads.abandon(owner, first.id());

        start(owner);
    }

    @Test
    void anExpiredUploadFreesItsPlaceEvenBeforeTheSweepRemovesIt() {
        start(owner);
        clock.advance(Duration.ofHours(12));
        start(owner);
        assertThrows(Busy.class, () -> start(owner));

        clock.advance(Duration.ofHours(12).plusSeconds(1));

        start(owner);
    }

    @Test
    void limitsBelowOneAndARetryAfterUnderASecondAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new UploadAdmission.Limits(0, 1, RETRY_AFTER));
        assertThrows(IllegalArgumentException.class, () -> new UploadAdmission.Limits(1, 0, RETRY_AFTER));
        assertThrows(IllegalArgumentException.class, () -> new UploadAdmission.Limits(1, 1, Duration.ofMillis(10)));
    }

    private ResumableUpload start(Subject subject) {
        return admission.startUnfinished(subject,
                () -> uploads.begin(subject, UploadPurpose.REPORT, SCOPE, "report.pdf", 1500));
    }

    private void assertRefusalAudited(Subject subject, String rule) {
        AuditEvent last = audit.events().get(audit.events().size() - 1);
        assertEquals(AuditActions.UPLOAD_ADMISSION, last.action());
        assertEquals(subject.userId(), last.actorId());
        assertEquals(Outcome.REFUSED, last.outcome());
        assertEquals(rule, last.detail());
    }

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }
}
