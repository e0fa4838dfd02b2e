package uk.gov.inspectorates.portal.core.retention;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** What the records (report rows, KEK rows) say the orphan sweep must keep, and which KEKs protect nothing. */
@PersistencePort
public interface SweepRecords {

    /** The object key of every stored content any record refers to. */
    Set<String> referencedObjectKeys();

    /** Report scopes with a live KEK created before {@code createdBefore} and no report row using that scope. */
    List<KeyScope> unreferencedLiveScopes(Instant createdBefore);
}
