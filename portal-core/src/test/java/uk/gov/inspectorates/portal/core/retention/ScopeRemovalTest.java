package uk.gov.inspectorates.portal.core.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.document.WrappedKey;
import uk.gov.inspectorates.portal.core.testdata.FakeKeyService;

class ScopeRemovalTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");
    private static final KeyScope SCOPE = KeyScope.report("r-1");

    /** Every step of every fake, in the order it happened. */
    private final List<String> steps = new ArrayList<>();
    private final FakeKeyService keys = new FakeKeyService(steps);
    private final LoggingStore store = new LoggingStore();
    private final java.util.Set<HoldTarget> held = new java.util.HashSet<>();
    private final List<AuditEvent> events = new ArrayList<>();
    private final AuditTrail audit = new AuditTrail() {
        @Override
        public void record(AuditEvent event) {
            steps.add("audit:" + event.outcome());
            events.add(event);
        }

        @Override
        public List<AuditEvent> recent(int limit) {
            return events;
        }
    };
    private final ScopeRemoval removal = new ScopeRemoval(keys, store, audit, Clock.fixed(NOW, ZoneOffset.UTC), held::contains);

    private final StoredContent first = content("objects/a", 100, 131);
    private final StoredContent second = content("objects/b", 2000, 2047);

    @Test
    void aScopeOnLegalHoldIsNotTouchedAndTheRefusalIsAudited() {
        held.add(HoldTarget.report("r-1"));

        uk.gov.inspectorates.portal.core.shared.ConflictUnderRule refused = assertThrows(
                uk.gov.inspectorates.portal.core.shared.ConflictUnderRule.class,
                () -> removal.remove(SCOPE, List.of(first, second), () -> steps.add("rows-deleted"),
                        Remover.policy("PUBLISHED_REPORT_COPIES"), null));

        assertEquals(LegalHold.RULE, refused.rule());
        assertEquals(List.of("audit:REFUSED"), steps, "no key destroyed, no object or row deleted");
    }

    @Test
    void theKekIsDestroyedFirstThenObjectsThenRecordsThenTheTombstone() {
        Removal result = removal.remove(SCOPE, List.of(first, second), () -> steps.add("rows-deleted"),
                Remover.user("admin-1", "org-ofsted"), "originator request");

        assertEquals(List.of("kek-destroyed:REPORT:r-1", "object-deleted:objects/a", "object-deleted:objects/b",
                "rows-deleted", "audit:SUCCEEDED"), steps);
        assertEquals(new Removal(SCOPE, 2, 2100, 2178, true), result);
        assertTrue(keys.isDestroyed(SCOPE));
    }

    @Test
    void theTombstoneSaysWhatWhoAndHowMuchButNoContent() {
        removal.remove(SCOPE, List.of(first, second), () -> { }, Remover.user("admin-1", "org-ofsted"), "request");

        AuditEvent tombstone = events.get(0);
        assertEquals(1, events.size());
        assertEquals(AuditActions.SCOPE_REMOVE, tombstone.action());
        assertEquals("REPORT", tombstone.resourceType());
        assertEquals("r-1", tombstone.resourceId());
        assertEquals("admin-1", tombstone.actorId());
        assertEquals("org-ofsted", tombstone.actorOrganisationId());
        assertEquals(Outcome.SUCCEEDED, tombstone.outcome());
        assertEquals("tombstone kek=destroyed objects=2 plaintextBytes=2100 storedBytes=2178 by=user:admin-1 "
                + "reason=request", tombstone.detail());
        assertEquals(NOW, tombstone.at());
    }

    @Test
    void aPolicyCanRemoveAndIsNamedInTheTombstone() {
        removal.remove(SCOPE, List.of(first), () -> { }, Remover.policy("retention.report-published-plus-1y"), null);

        AuditEvent tombstone = events.get(0);
        assertNull(tombstone.actorId());
        assertTrue(tombstone.detail().contains("by=policy:retention.report-published-plus-1y"), tombstone.detail());
    }

    @Test
    void whenTheKekCannotBeDestroyedNothingElseIsTouched() {
        keys.failOnDestroy(new IllegalStateException("database down"));

        assertThrows(IllegalStateException.class, () -> removal.remove(SCOPE, List.of(first), () -> steps.add("rows"),
                Remover.user("admin-1", "org"), null));

        assertEquals(List.of("audit:REFUSED"), steps);
        assertTrue(events.get(0).detail().startsWith("failed at step=kek-destroy; nothing removed;"));
    }

    @Test
    void whenAnObjectCannotBeDeletedTheRowsStayForARetryAndTheContentIsAlreadyUnreadable() {
        store.failOn = "objects/b";

        assertThrows(UncheckedIOException.class, () -> removal.remove(SCOPE, List.of(first, second),
                () -> steps.add("rows-deleted"), Remover.user("admin-1", "org"), null));

        assertEquals(List.of("kek-destroyed:REPORT:r-1", "object-deleted:objects/a", "audit:REFUSED"), steps);
        assertTrue(events.get(0).detail().contains("step=objects-delete; kek=destroyed objectsDeleted=1"));

        store.failOn = null;
        Removal retried = removal.remove(SCOPE, List.of(first, second), () -> steps.add("rows-deleted"),
                Remover.user("admin-1", "org"), null);
        assertFalse(retried.kekDestroyed(), "the KEK was already destroyed by the first attempt");
        assertEquals("audit:SUCCEEDED", steps.get(steps.size() - 1));
    }

    @Test
    void anObjectOfAnotherScopeIsRefusedBeforeAnythingIsRemoved() {
        StoredContent foreign = new StoredContent(KeyScope.report("r-2"), "objects/c", new WrappedKey("k", new byte[1]),
                1, 1, "x");

        assertThrows(IllegalArgumentException.class, () -> removal.remove(SCOPE, List.of(first, foreign), () -> { },
                Remover.user("admin-1", "org"), null));
        assertTrue(steps.isEmpty());
    }

    private static StoredContent content(String key, long plaintext, long stored) {
        return new StoredContent(SCOPE, key, new WrappedKey("kek-1", new byte[] {1}), plaintext, stored, "x");
    }

    private final class LoggingStore implements DocumentStore {
        String failOn;

        @Override
        public StoredContent store(KeyScope scope, InputStream plaintext) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream open(StoredContent content) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(StoredContent content) throws IOException {
            if (content.objectKey().equals(failOn)) {
                throw new IOException("object store down");
            }
            steps.add("object-deleted:" + content.objectKey());
        }
    }
}
