package uk.gov.inspectorates.portal.core.document;

import java.time.Clock;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;

/**
 * The key service with crypto-shredding that survives a database restore (docs/adr/0046): a scope is recorded in the
 * {@link DestroyedScopeLedger} <em>before</em> its KEK is destroyed (a crash in between leaves a recorded scope whose
 * removal resumes and destroys it; the other order could leave a destroyed scope that a restore brings back), and
 * {@link #replayLedger()} destroys again every recorded scope that a restored database holds live.
 */
public final class LedgeredKeyService implements KeyService {

    /** The rule a replay applies: a removal survives a restore. */
    public static final String REPLAY_RULE = "removal.survives-restore";

    private final KeyService keys;
    private final DestroyedScopeLedger ledger;

    public LedgeredKeyService(KeyService keys, DestroyedScopeLedger ledger) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public WrappedKey wrap(KeyScope scope, byte[] dataKey, String objectId) {
        return keys.wrap(scope, dataKey, objectId);
    }

    @Override
    public byte[] unwrap(KeyScope scope, WrappedKey wrappedKey, String objectId) {
        return keys.unwrap(scope, wrappedKey, objectId);
    }

    @Override
    public boolean destroyScope(KeyScope scope) {
        ledger.record(scope);
        return keys.destroyScope(scope);
    }

    /**
     * Destroys the KEK of every scope in the ledger (those already destroyed stay so): run after a restore, and on
     * every start, before anything is served. Each scope destroyed again is a change to the restored database and is
     * recorded in its audit trail ({@link AuditActions#KEY_SCOPE_DESTROYED_AGAIN}, rule {@link #REPLAY_RULE}).
     *
     * @return the scopes whose KEK was live and is now destroyed again (0 unless the database was restored)
     */
    public int replayLedger(AuditTrail audit, Clock clock) {
        int destroyed = 0;
        for (KeyScope scope : ledger.scopes()) {
            if (keys.destroyScope(scope)) {
                destroyed++;
                audit.record(new AuditEvent(clock.instant(), null, null, AuditActions.KEY_SCOPE_DESTROYED_AGAIN,
                        scope.kind().name(), scope.id(), AuditEvent.Outcome.SUCCEEDED, "policy:" + REPLAY_RULE
                        + " the database held the key of a scope removed after it was backed up; destroyed again "
                        + "before anything was served"));
            }
        }
        return destroyed;
    }
}
