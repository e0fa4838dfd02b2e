package uk.gov.inspectorates.portal.core.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** Reading the audit trail back about given resources (a persistence port): for an inspection's export. */
@PersistencePort
public interface AuditHistory {

    /**
     * The events about any of the resources (type and ids) recorded at or before {@code until}, in the order they were
     * recorded.
     */
    List<AuditEvent> about(String resourceType, Collection<String> resourceIds, Instant until);
}
