package uk.gov.inspectorates.portal.core.removal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.ObjectStore;
import uk.gov.inspectorates.portal.core.inspection.ExportRecord;
import uk.gov.inspectorates.portal.core.retention.HoldTarget;
import uk.gov.inspectorates.portal.core.retention.RemovalCandidate;
import uk.gov.inspectorates.portal.core.retention.Remover;
import uk.gov.inspectorates.portal.core.retention.RetentionCategory;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy;
import uk.gov.inspectorates.portal.core.testdata.FakeKeyService;
import uk.gov.inspectorates.portal.core.testdata.Journal;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;
import uk.gov.inspectorates.portal.core.testdata.UnitOfWorkProbe;

/** The removal's order, its record of steps, legal holds, the lock and loud failure, on in-memory ports. */
class ProvableRemovalTest {

    private static final Instant NOW = Instant.parse("2027-07-01T10:00:00Z");
    private static final KeyScope SCOPE = KeyScope.report("r-1");
    private static final RemovalCandidate CANDIDATE = new RemovalCandidate(RetentionCategory.WITHDRAWN_REPORTS,
            "REPORT", "r-1", "withdrawn report", NOW, HoldTarget.report("r-1"));
    private static final RetentionPolicy POLICY = new RetentionPolicy(RetentionCategory.WITHDRAWN_REPORTS, 0,
            RetentionPolicy.DurationUnit.CALENDAR_DAYS, RetentionPolicy.EndAction.REMOVE, "SIRO");

    private final MutableClock clock = new MutableClock(NOW);
    private final MemoryRemovals removals = new MemoryRemovals();
    private final FakeKeyService keys = new FakeKeyService();
    private final Objects objects = new Objects(Set.of("o-1", "o-2", "o-3"));
    private final Set<HoldTarget> holds = new HashSet<>();
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final List<String> rowsDeleted = new ArrayList<>();
    private final ScopeInventory inventory = new ScopeInventory() {
        @Override
        public List<StoredObject> objects(KeyScope scope) {
            return List.of(new StoredObject("o-1", 10, 20), new StoredObject("o-2", 10, 20),
                    new StoredObject("o-3", 10, 20));
        }

        @Override
        public Optional<Instant> kekDestroyedAt(KeyScope scope) {
            return keys.isDestroyed(scope) ? Optional.of(NOW) : Optional.empty();
        }

        @Override
        public List<RequestTally> requestsOf(String inspectionId) {
            return List.of();
        }

        @Override
        public void deleteInspectionRows(String inspectionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteReportRows(String reportId, boolean keepReportRow) {
            rowsDeleted.add(reportId);
        }

        @Override
        public void deleteLetterAheadRows(KeyScope scope) {
            throw new UnsupportedOperationException();
        }
    };
    private final ProvableRemoval removal = new ProvableRemoval(removals, inventory, keys, objects, holds::contains,
            new RemovalCertifier(removals, new NoCertificates(), new NoSigner(), clock), audit, clock);

    private ProvableRemoval.Outcome remove() {
        return removal.remove(CANDIDATE, POLICY, Remover.policy("retention:WITHDRAWN_REPORTS"),
                new RemovalPlan(SCOPE, () -> inventory.deleteReportRows("r-1", false), null));
    }

    @Test
    void theKeyGoesFirstThenTheObjectsThenTheRowsAndEachStepIsRecorded() {
        assertEquals(ProvableRemoval.Outcome.REMOVED, remove());
        assertTrue(keys.isDestroyed(SCOPE));
        assertTrue(objects.keys.isEmpty());
        assertEquals(List.of("r-1"), rowsDeleted);
        RemovalRecord record = removals.only();
        assertEquals(RemovalStep.ROWS_DELETED, record.step());
        assertEquals("COMPLETED", record.status());
        assertEquals(3, record.objects());
        assertEquals(List.of(RemovalStep.KEK_DESTROYED, RemovalStep.OBJECTS_DELETED, RemovalStep.ROWS_DELETED),
                removals.steps);
        assertEquals(ProvableRemoval.Outcome.DONE_ALREADY, remove());
        assertEquals(AuditEvent.Outcome.SUCCEEDED, audit.events().get(audit.events().size() - 1).outcome());
    }

    @Test
    void aLegalHoldStopsItBeforeTheKeyStep() {
        holds.add(HoldTarget.report("r-1"));
        assertEquals(ProvableRemoval.Outcome.HELD, remove());
        assertFalse(keys.isDestroyed(SCOPE));
        assertEquals(3, objects.keys.size());
        assertTrue(removals.records.isEmpty());
    }

    @Test
    void aFailureIsRecordedWithItsStepAuditedAndRethrownAndTheNextCallCarriesOnEvenUnderAHoldSetMeanwhile() {
        objects.failAfter = 1;
        assertThrows(UncheckedIOException.class, this::remove);
        RemovalRecord failed = removals.only();
        assertEquals("FAILED", failed.status());
        assertEquals(RemovalStep.KEK_DESTROYED, failed.failedStep());
        assertEquals("IOException", failed.failureClass());
        assertNull(failed.completedAt());
        AuditEvent refused = audit.events().get(audit.events().size() - 1);
        assertEquals(AuditActions.RETENTION_REMOVE, refused.action());
        assertEquals(AuditEvent.Outcome.REFUSED, refused.outcome());
        assertTrue(refused.detail().contains("step=KEK_DESTROYED") && refused.detail().contains("IOException"));
        assertTrue(rowsDeleted.isEmpty(), "rows stay while objects are left");

        // the content is unreadable already: a hold set now cannot bring it back, so the removal is completed
        holds.add(HoldTarget.report("r-1"));
        objects.failAfter = Integer.MAX_VALUE;
        assertEquals(ProvableRemoval.Outcome.REMOVED, remove());
        assertEquals("COMPLETED", removals.only().status());
        assertEquals(2, removals.only().attempts());
        assertTrue(objects.keys.isEmpty());
    }

    @Test
    void anotherRunnerHoldingTheLockMeansNothingIsTouched() {
        removals.lockFree = false;
        assertEquals(ProvableRemoval.Outcome.BUSY, remove());
        assertFalse(keys.isDestroyed(SCOPE));
        assertEquals(3, objects.keys.size());
    }

    /** Certification is not asked for in these removals (no tally: reports are not certified). */
    /**
     * Issue 18: the key and the objects go outside any unit of work (they cannot come back); the rows, the step that
     * completes the removal and its RETENTION_REMOVE tombstone commit together.
     */
    @Test
    void theLastStepAndItsTombstoneAreOneUnitOfWorkAndTheKeyAndObjectsGoBeforeIt() {
        Journal journal = new Journal();
        List<Boolean> rowsDeletedInsideAUnit = new ArrayList<>();
        ProvableRemoval inUnits = new ProvableRemoval(removals, inventory, journal.port(
                uk.gov.inspectorates.portal.core.document.KeyService.class, keys),
                journal.port(ObjectStore.class, objects), holds::contains,
                new RemovalCertifier(removals, new NoCertificates(), new NoSigner(), clock),
                journal.port(uk.gov.inspectorates.portal.core.audit.AuditTrail.class, audit), clock,
                new UnitOfWorkProbe());

        assertEquals(ProvableRemoval.Outcome.REMOVED, inUnits.remove(CANDIDATE, POLICY,
                Remover.policy("retention:WITHDRAWN_REPORTS"), new RemovalPlan(SCOPE,
                        () -> rowsDeletedInsideAUnit.add(UnitOfWorkProbe.inside()), null)));

        assertEquals(List.of(true), rowsDeletedInsideAUnit);
        assertFalse(journal.calls(uk.gov.inspectorates.portal.core.document.KeyService.class, "destroyScope").get(0)
                .insideUnit());
        assertEquals(3, journal.calls(ObjectStore.class, "delete").size());
        assertTrue(journal.calls(ObjectStore.class, "delete").stream().noneMatch(Journal.Call::insideUnit));
        List<Journal.Call> tombstones = journal.recorded(AuditEvent.Outcome.SUCCEEDED);
        assertEquals(1, tombstones.size());
        assertTrue(tombstones.get(0).insideUnit(), "the tombstone commits with the step that completes the removal");
    }

    private static final class NoCertificates implements RemovalCertificates {
        @Override
        public SignedCertificate issue(SignedCertificate certificate) {
            throw new AssertionError("a report's removal is not certified");
        }

        @Override
        public Optional<SignedCertificate> find(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<SignedCertificate> ofRemoval(String removalId) {
            return Optional.empty();
        }

        @Override
        public Optional<SignedCertificate> ofInspection(String inspectionId) {
            return Optional.empty();
        }

        @Override
        public List<SignedCertificate> all() {
            return List.of();
        }
    }

    private static final class NoSigner implements CertificateSigner {
        @Override
        public SignedCertificate sign(RemovalCertificate certificate) {
            throw new AssertionError("a report's removal is not certified");
        }

        @Override
        public String verificationKeyPem() {
            return "";
        }

        @Override
        public String keyId() {
            return "none";
        }
    }

    private static final class Objects implements ObjectStore {
        final Set<String> keys;
        int failAfter = Integer.MAX_VALUE;
        int deletes;

        Objects(Set<String> keys) {
            this.keys = new HashSet<>(keys);
        }

        @Override
        public void delete(String key) throws IOException {
            if (deletes++ >= failAfter) {
                throw new IOException("store down");
            }
            keys.remove(key);
        }

        @Override
        public void put(String key, InputStream content, long length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream get(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> keys() {
            return List.copyOf(keys);
        }

        @Override
        public List<Listed> list() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void checkReachable() {
        }
    }

    /** Removals in a map; the lock is free unless the test says another runner has it. */
    private static final class MemoryRemovals implements Removals {
        final Map<String, RemovalRecord> records = new HashMap<>();
        final List<RemovalStep> steps = new ArrayList<>();
        boolean lockFree = true;

        RemovalRecord only() {
            assertEquals(1, records.size());
            return records.values().iterator().next();
        }

        @Override
        public boolean exclusively(RetentionCategory category, String targetKind, String targetId, Runnable work) {
            if (lockFree) {
                work.run();
            }
            return lockFree;
        }

        @Override
        public Optional<RemovalRecord> find(RetentionCategory category, String targetKind, String targetId) {
            return records.values().stream().filter(r -> r.candidate().id().equals(targetId)).findFirst();
        }

        @Override
        public RemovalRecord begin(RemovalCandidate candidate, RetentionPolicy policy, String removedBy, Instant now) {
            RemovalRecord existing = records.get("rm-1");
            RemovalRecord next = existing == null
                    ? new RemovalRecord("rm-1", candidate, RemovalStep.STARTED, false, null, null, 1, removedBy, now,
                    now, null, null, null, null, null, policy.amount(), policy.unit(), null, null, Set.of())
                    : with(existing, existing.step(), false, null, null, existing.attempts() + 1, null);
            records.put("rm-1", next);
            return next;
        }

        @Override
        public void kekDestroyed(String id, Instant destroyedAt, Instant now) {
            steps.add(RemovalStep.KEK_DESTROYED);
            RemovalRecord r = records.get(id);
            records.put(id, new RemovalRecord(id, r.candidate(), RemovalStep.KEK_DESTROYED, false, null, null,
                    r.attempts(), r.removedBy(), r.startedAt(), now, null, destroyedAt, r.objects(),
                    r.plaintextBytes(), r.storedBytes(), r.policyAmount(), r.policyUnit(), null, null, Set.of()));
        }

        @Override
        public void tallied(String id, int objects, long plaintextBytes, long storedBytes, InspectionTally tally,
                            Instant now) {
            RemovalRecord r = records.get(id);
            records.put(id, new RemovalRecord(id, r.candidate(), r.step(), r.failed(), r.failedStep(),
                    r.failureClass(), r.attempts(), r.removedBy(), r.startedAt(), now, null, r.kekDestroyedAt(),
                    objects, plaintextBytes, storedBytes, r.policyAmount(), r.policyUnit(), null, null, Set.of()));
        }

        @Override
        public void reached(String id, RemovalStep step, boolean last, Instant now) {
            steps.add(step);
            records.put(id, with(records.get(id), step, false, null, null, records.get(id).attempts(),
                    last ? now : null));
        }

        @Override
        public void failed(String id, RemovalStep atStep, String failureClass, Instant now) {
            RemovalRecord r = records.get(id);
            records.put(id, with(r, r.step(), true, atStep, failureClass, r.attempts(), null));
        }

        private static RemovalRecord with(RemovalRecord r, RemovalStep step, boolean failed, RemovalStep failedStep,
                                          String failureClass, int attempts, Instant completedAt) {
            return new RemovalRecord(r.id(), r.candidate(), step, failed, failedStep, failureClass, attempts,
                    r.removedBy(), r.startedAt(), r.updatedAt(), completedAt, r.kekDestroyedAt(), r.objects(),
                    r.plaintextBytes(), r.storedBytes(), r.policyAmount(), r.policyUnit(), null, null, Set.of());
        }

        @Override
        public List<RemovalRecord> unfinished() {
            return records.values().stream().filter(r -> !r.completed()).toList();
        }

        @Override
        public List<RemovalRecord> all() {
            return List.copyOf(records.values());
        }

        @Override
        public List<RequestTally> requests(String removalId) {
            return List.of();
        }

        @Override
        public List<ExportRecord> exports(String removalId) {
            return List.of();
        }
    }
}
