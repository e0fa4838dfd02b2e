package uk.gov.inspectorates.portal.core.testdata;

import java.util.ArrayList;
import java.util.List;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;

public final class RecordingAuditTrail implements AuditTrail {

    private final List<AuditEvent> events = new ArrayList<>();
    private String failing;

    @Override
    public void record(AuditEvent event) {
        if (event.action().equals(failing)) {
            throw new IllegalStateException("the audit trail is unavailable");
        }
        events.add(event);
    }

    /** From now on, recording an event of this action fails (as a database that is down would). */
    public void failOn(String action) {
        this.failing = action;
    }

    @Override
    public List<AuditEvent> recent(int limit) {
        List<AuditEvent> newestFirst = new ArrayList<>(events);
        java.util.Collections.reverse(newestFirst);
        return newestFirst.subList(0, Math.min(limit, newestFirst.size()));
    }

    public List<AuditEvent> events() {
        return List.copyOf(events);
    }

    public void clear() {
        events.clear();
    }
}
