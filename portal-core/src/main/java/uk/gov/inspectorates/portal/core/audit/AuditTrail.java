package uk.gov.inspectorates.portal.core.audit;

import java.util.List;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** The append-only, tamper-evident record of every access, refusal and change. */
@PersistencePort
public interface AuditTrail {

    void record(AuditEvent event);

    /** The most recent events first, at most {@code limit}. */
    List<AuditEvent> recent(int limit);
}
