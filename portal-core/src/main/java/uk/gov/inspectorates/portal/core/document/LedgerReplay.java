package uk.gov.inspectorates.portal.core.document;

import java.time.Clock;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Destroys again the KEK of every scope in the {@link DestroyedScopeLedger} that the database holds live, which only
 * a restore from a backup taken before the scope's removal can cause (docs/adr/0046); those already destroyed stay
 * so. Each scope destroyed again is a change to the restored database and is recorded in its audit trail
 * ({@link AuditActions#KEY_SCOPE_DESTROYED_AGAIN}, rule {@link #RULE}) in the same unit of work. Made by
 * {@link LedgeredKeyService#ledgerReplay}.
 */
public final class LedgerReplay {

    /** The rule a replay applies: a removal survives a restore. */
    public static final String RULE = "removal.survives-restore";

    private final DestroyedScopeLedger ledger;
    private final KeyService keys;
    private final AuditTrail audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    LedgerReplay(DestroyedScopeLedger ledger, KeyService keys, AuditTrail audit, UnitOfWork unitOfWork, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the scopes whose KEK was live and is now destroyed again (0 unless the database was restored) */
    public int run() {
        int destroyed = 0;
        for (KeyScope scope : ledger.scopes()) {
            if (unitOfWork.inOne(() -> destroyAgain(scope))) {
                destroyed++;
            }
        }
        return destroyed;
    }

    private boolean destroyAgain(KeyScope scope) {
        if (!keys.destroyScope(scope)) {
            return false;
        }
        audit.record(new AuditEvent(clock.instant(), null, null, AuditActions.KEY_SCOPE_DESTROYED_AGAIN,
                scope.kind().name(), scope.id(), AuditEvent.Outcome.SUCCEEDED, "policy:" + RULE
                + " the database held the key of a scope removed after it was backed up; destroyed again before "
                + "anything was served"));
        return true;
    }
}
