package uk.gov.inspectorates.portal.core.document;

import java.time.Clock;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * The key service with crypto-shredding that survives a database restore (docs/adr/0046): a scope is recorded in the
 * {@link DestroyedScopeLedger} <em>before</em> its KEK is destroyed (a crash in between leaves a recorded scope whose
 * removal resumes and destroys it; the other order could leave a destroyed scope that a restore brings back), and
 * its {@link #ledgerReplay replay} destroys again every recorded scope that a restored database holds live.
 */
public final class LedgeredKeyService implements KeyService {

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
     * The replay of this service's ledger against its key service ({@link LedgerReplay}): run after a restore, and on
     * every start, before anything is served.
     */
    public LedgerReplay ledgerReplay(AuditTrail audit, UnitOfWork unitOfWork, Clock clock) {
        return new LedgerReplay(ledger, keys, audit, unitOfWork, clock);
    }
}
