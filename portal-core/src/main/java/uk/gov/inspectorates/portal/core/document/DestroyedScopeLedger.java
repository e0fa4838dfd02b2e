package uk.gov.inspectorates.portal.core.document;

import java.util.Set;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * Every key scope whose KEK was destroyed, kept <em>outside</em> the database (the object store's write-once audit
 * bucket): a database restored from a backup taken before a removal holds the removed scope's wrapped KEK again, and
 * this ledger is what destroys it again before the portal serves (docs/adr/0046). Entries are never removed.
 */
@PersistencePort
public interface DestroyedScopeLedger {

    /** Records the scope (idempotent); throws when it cannot be recorded, so that nothing is destroyed unrecorded. */
    void record(KeyScope scope);

    /** Every scope recorded. */
    Set<KeyScope> scopes();
}
