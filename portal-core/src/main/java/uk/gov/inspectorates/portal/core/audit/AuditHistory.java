package uk.gov.inspectorates.portal.core.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** Reading the audit trail back about given resources (a persistence port): for an inspection's export. */
@PersistencePort
public interface AuditHistory {

    /**
     * The events about any of the resources (type and ids) recorded strictly before {@code until}, in the order they
     * were recorded (an export cuts at the closure: what happened after it, or at the very moment, is not in it, so
     * the export stays the same however often it is taken).
     */
    List<AuditEvent> about(String resourceType, Collection<String> resourceIds, Instant until);
}
