package uk.gov.inspectorates.portal.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;
import uk.gov.inspectorates.portal.core.testdata.UnitOfWorkProbe;

/** The ledger is written before a KEK is destroyed, and its replay destroys what a restore brought back (ADR 0046). */
class LedgeredKeyServiceTest {

    private final List<String> calls = new ArrayList<>();
    private final Set<KeyScope> live = new HashSet<>();

    private final KeyService keys = new KeyService() {
        @Override
        public WrappedKey wrap(KeyScope scope, byte[] dataKey, String objectId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] unwrap(KeyScope scope, WrappedKey wrappedKey, String objectId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean destroyScope(KeyScope scope) {
            calls.add("destroy " + scope);
            return live.remove(scope);
        }
    };

    private static final class Ledger implements DestroyedScopeLedger {
        final Set<KeyScope> scopes = new LinkedHashSet<>();
        final List<String> calls;
        boolean down;

        Ledger(List<String> calls) {
            this.calls = calls;
        }

        @Override
        public void record(KeyScope scope) {
            if (down) {
                throw new IllegalStateException("the object store does not answer");
            }
            calls.add("record " + scope);
            scopes.add(scope);
        }

        @Override
        public Set<KeyScope> scopes() {
            return scopes;
        }
    }

    @Test
    void theScopeIsRecordedBeforeItsKeyIsDestroyed() {
        Ledger ledger = new Ledger(calls);
        KeyScope scope = KeyScope.inspection("i-1");
        live.add(scope);

        assertTrue(new LedgeredKeyService(keys, ledger).destroyScope(scope));

        assertEquals(List.of("record INSPECTION:i-1", "destroy INSPECTION:i-1"), calls);
    }

    @Test
    void aScopeThatCannotBeRecordedIsNotDestroyedSoTheRemovalFailsAndIsRetried() {
        Ledger ledger = new Ledger(calls);
        ledger.down = true;
        KeyScope scope = KeyScope.report("r-1");
        live.add(scope);

        assertThrows(IllegalStateException.class, () -> new LedgeredKeyService(keys, ledger).destroyScope(scope));

        assertTrue(live.contains(scope));
        assertEquals(List.of(), calls);
    }

    @Test
    void theReplayDestroysEveryRecordedScopeARestoreBroughtBackAndCountsOnlyThose() {
        Ledger ledger = new Ledger(calls);
        ledger.scopes.add(KeyScope.inspection("i-restored"));
        ledger.scopes.add(KeyScope.report("r-already-gone"));
        live.add(KeyScope.inspection("i-restored"));
        live.add(KeyScope.report("r-never-removed"));

        LedgeredKeyService service = new LedgeredKeyService(keys, ledger);
        RecordingAuditTrail audit = new RecordingAuditTrail();
        Clock clock = Clock.fixed(Instant.parse("2027-03-02T06:00:00Z"), ZoneOffset.UTC);

        UnitOfWorkProbe unitOfWork = new UnitOfWorkProbe();
        LedgerReplay replay = service.ledgerReplay(audit, unitOfWork, clock);

        assertEquals(1, replay.run());
        assertEquals(Set.of(KeyScope.report("r-never-removed")), live);
        assertEquals(2, unitOfWork.opened(), "each scope's destruction and its event in a unit of work of its own");
        assertEquals(0, replay.run());

        AuditEvent destroyedAgain = audit.events().get(0);
        assertEquals(1, audit.events().size(), "one event per scope destroyed again, none for those already gone");
        assertEquals(AuditActions.KEY_SCOPE_DESTROYED_AGAIN, destroyedAgain.action());
        assertEquals("INSPECTION", destroyedAgain.resourceType());
        assertEquals("i-restored", destroyedAgain.resourceId());
        assertEquals(AuditEvent.Outcome.SUCCEEDED, destroyedAgain.outcome());
        assertTrue(destroyedAgain.detail().startsWith("policy:" + LedgerReplay.RULE),
                destroyedAgain.detail());
        assertEquals(clock.instant(), destroyedAgain.at());
    }
}
