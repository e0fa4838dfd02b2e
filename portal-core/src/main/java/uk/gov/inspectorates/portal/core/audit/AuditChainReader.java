package uk.gov.inspectorates.portal.core.audit;

import java.util.Optional;
import java.util.function.Consumer;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** Reading the chain in order, for checkpoints, verification and exports (a persistence port). */
@PersistencePort
public interface AuditChainReader {

    /** The newest event, if any. */
    Optional<StoredAuditEvent> head();

    /** Every event with {@code fromSeq <= seq <= toSeq}, in seq order, streamed (never all in memory). */
    void inOrder(long fromSeq, long toSeq, Consumer<StoredAuditEvent> each);
}
