package uk.gov.inspectorates.portal.core.audit;

import java.util.List;
import java.util.Objects;

/**
 * The trail as every service records into it (docs/adr/0034): adds what the caller left out and only the portal
 * knows, then hands the event to the adapter. From where: the current request's {@link AuditOrigin}. Which report or
 * inspection, and whose information: the {@link AuditSubjects} of the event's resource, unless the recorder said
 * (a tombstone written after the rows are gone says it itself). And one event per page: reads folded into a
 * {@link PageView}'s view event are not written at all.
 */
public final class EnrichedAuditTrail implements AuditTrail {

    private final AuditTrail trail;
    private final AuditOrigin origin;
    private final AuditSubjects subjects;

    public EnrichedAuditTrail(AuditTrail trail, AuditOrigin origin, AuditSubjects subjects) {
        this.trail = Objects.requireNonNull(trail, "trail");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.subjects = Objects.requireNonNull(subjects, "subjects");
    }

    @Override
    public void record(AuditEvent event) {
        if (!PageView.admits(event)) {
            return;
        }
        trail.record(enriched(event));
    }

    AuditEvent enriched(AuditEvent event) {
        AuditEvent result = event;
        if (result.clientAddress() == null && result.userAgent() == null) {
            AuditOrigin.Origin here = origin.current();
            if (here != null) {
                result = result.withOrigin(here.clientAddress(), here.userAgent());
            }
        }
        if (result.reportId() == null && result.inspectionId() == null && result.informationOwners().isEmpty()
                && result.resourceType() != null && result.resourceId() != null) {
            AuditSubjects.Belonging belonging = subjects.of(result.resourceType(), result.resourceId());
            if (belonging != null && !belonging.isNothing()) {
                result = result.withScope(belonging.reportId(), belonging.inspectionId(),
                        belonging.informationOwners());
            }
        }
        return result;
    }

    @Override
    public List<AuditEvent> recent(int limit) {
        return trail.recent(limit);
    }
}
