package uk.gov.inspectorates.portal.core.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.ObjectStore;
import uk.gov.inspectorates.portal.core.testdata.FakeKeyService;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

class OrphanSweepTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(10);

    private final FakeObjects objects = new FakeObjects();
    private final FakeRecords records = new FakeRecords();
    private final FakeKeyService keys = new FakeKeyService();
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final OrphanSweep sweep = new OrphanSweep(objects, records, keys, audit,
            Clock.fixed(NOW, ZoneOffset.UTC), GRACE);

    @Test
    void deletesOnlyUnreferencedObjectsOlderThanTheGracePeriod() throws IOException {
        objects.add("objects/referenced-old", NOW.minus(Duration.ofDays(3)));
        objects.add("objects/orphan-old", NOW.minus(Duration.ofMinutes(11)));
        objects.add("objects/in-flight", NOW.minus(Duration.ofMinutes(9)));
        objects.add("objects/orphan-exactly-at-cutoff", NOW.minus(GRACE));
        records.referenced.add("objects/referenced-old");

        OrphanSweep.Result result = sweep.sweep();

        assertEquals(1, result.objectsDeleted());
        assertEquals(Set.of("objects/referenced-old", "objects/in-flight", "objects/orphan-exactly-at-cutoff"),
                objects.stored.keySet());
        List<AuditEvent> events = audit.events();
        assertEquals(1, events.size());
        assertEquals(AuditActions.ORPHAN_SWEEP, events.get(0).action());
        assertEquals(AuditEvent.Outcome.SUCCEEDED, events.get(0).outcome());
        assertTrue(events.get(0).detail().contains("objectsDeleted=1 keksDestroyed=0"), events.get(0).detail());
        assertFalse(events.get(0).detail().contains("orphan-old"), "the audit holds counts, never keys");
    }

    @Test
    void readsReferencesAfterListingSoAnUploadCompletingMeanwhileIsKept() throws IOException {
        objects.add("objects/just-completed", NOW.minus(Duration.ofHours(1)));
        records.onRead = () -> records.referenced.add("objects/just-completed");

        assertEquals(0, sweep.sweep().objectsDeleted());
        assertTrue(objects.stored.containsKey("objects/just-completed"));
    }

    @Test
    void destroysKeksOfReportScopesWithoutAReportAskingWithTheCutoff() throws IOException {
        KeyScope orphan = KeyScope.report("r-orphan");
        records.unreferenced.add(orphan);
        records.unreferenced.add(KeyScope.inspection("i-1"));

        OrphanSweep.Result result = sweep.sweep();

        assertEquals(1, result.keksDestroyed());
        assertTrue(keys.isDestroyed(orphan));
        assertFalse(keys.isDestroyed(KeyScope.inspection("i-1")), "inspections are not swept yet");
        assertEquals(NOW.minus(GRACE), records.askedCutoff);
        assertEquals(1, audit.events().size());
    }

    @Test
    void aRunThatRemovesNothingIsNotAudited() throws IOException {
        objects.add("objects/referenced", NOW.minus(Duration.ofDays(1)));
        records.referenced.add("objects/referenced");

        OrphanSweep.Result result = sweep.sweep();

        assertFalse(result.removedAnything());
        assertEquals(1, result.objectsKept());
        assertTrue(audit.events().isEmpty());
    }

    @Test
    void aFailurePartWayIsAuditedAsRefusedWithCounts() {
        objects.add("objects/a", NOW.minus(Duration.ofDays(1)));
        objects.add("objects/b", NOW.minus(Duration.ofDays(1)));
        objects.failDeleteOf = "objects/b";

        try {
            sweep.sweep();
        } catch (IOException expected) {
            assertEquals(1, audit.events().size());
            assertEquals(AuditEvent.Outcome.REFUSED, audit.events().get(0).outcome());
            assertTrue(audit.events().get(0).detail().contains("objectsDeleted=1"));
            return;
        }
        throw new AssertionError("the failure was swallowed");
    }

    private static final class FakeObjects implements ObjectStore {
        final Map<String, Instant> stored = new LinkedHashMap<>();
        String failDeleteOf;

        void add(String key, Instant lastModified) {
            stored.put(key, lastModified);
        }

        @Override
        public void put(String key, InputStream content, long length) {
            throw new AssertionError("not used");
        }

        @Override
        public InputStream get(String key) {
            throw new AssertionError("not used");
        }

        @Override
        public void delete(String key) throws IOException {
            if (key.equals(failDeleteOf)) {
                throw new IOException("store down");
            }
            stored.remove(key);
        }

        @Override
        public List<String> keys() {
            return new ArrayList<>(stored.keySet());
        }

        @Override
        public List<Listed> list() {
            List<Listed> listed = new ArrayList<>();
            stored.forEach((k, v) -> listed.add(new Listed(k, v)));
            return listed;
        }

        @Override
        public void checkReachable() {
        }
    }

    private static final class FakeRecords implements SweepRecords {
        final Set<String> referenced = new java.util.HashSet<>();
        final List<KeyScope> unreferenced = new ArrayList<>();
        Runnable onRead = () -> { };
        Instant askedCutoff;

        @Override
        public Set<String> referencedObjectKeys() {
            onRead.run();
            return Set.copyOf(referenced);
        }

        @Override
        public List<KeyScope> unreferencedLiveScopes(Instant createdBefore) {
            askedCutoff = createdBefore;
            return unreferenced;
        }
    }
}
