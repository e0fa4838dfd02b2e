package uk.gov.inspectorates.portal.web.metrics;

import java.util.List;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;

/**
 * The audit trail, counting what it records into {@link PortalMetrics}. An event is counted when it is handed to the
 * trail: one whose unit of work then rolls back is counted although the trail never keeps it (docs/adr/0047).
 */
public final class CountingAuditTrail implements AuditTrail {

    private final AuditTrail trail;
    private final PortalMetrics metrics;

    public CountingAuditTrail(AuditTrail trail, PortalMetrics metrics) {
        this.trail = trail;
        this.metrics = metrics;
    }

    @Override
    public void record(AuditEvent event) {
        trail.record(event);
        metrics.count(event);
    }

    @Override
    public List<AuditEvent> recent(int limit) {
        return trail.recent(limit);
    }
}
