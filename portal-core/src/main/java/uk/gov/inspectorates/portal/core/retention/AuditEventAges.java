package uk.gov.inspectorates.portal.core.retention;

import java.time.Instant;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** How old the audit trail is (a persistence port): its oldest event and how many were recorded before a moment. */
@PersistencePort
public interface AuditEventAges {

    Optional<Instant> oldest();

    long countBefore(Instant before);
}
