package uk.gov.inspectorates.portal.core.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The trail as every service records into it (docs/adr/0034): adds what the caller left out and only the portal
 * knows, then hands the event to the adapter. From where: the current request's {@link AuditOrigin}. Which report or
 * inspection, and whose information: the {@link AuditSubjects} of the event's resource, unless the recorder said
 * (a tombstone written after the rows are gone says it itself). Who: the roles and organisation of an actor recorded
 * without them ({@link AuditActors}: sign-ins, session ends). And one event per page: reads folded into a
 * {@link PageView}'s view event are not written at all.
 */
public final class EnrichedAuditTrail implements AuditTrail {

    private final AuditTrail trail;
    private final AuditOrigin origin;
    private final AuditSubjects subjects;
    private final AuditActors actors;

    public EnrichedAuditTrail(AuditTrail trail, AuditOrigin origin, AuditSubjects subjects, AuditActors actors) {
        this.trail = Objects.requireNonNull(trail, "trail");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.subjects = Objects.requireNonNull(subjects, "subjects");
        this.actors = Objects.requireNonNull(actors, "actors");
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
        if (result.actorId() != null && (result.actorRoles() == null || result.actorOrganisationId() == null)) {
            Optional<AuditActors.Actor> actor = actors.of(result.actorId());
            if (actor.isPresent()) {
                result = withActor(result, actor.get());
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

    /** The roles and organisation the event lacks; what it says itself is kept. */
    private static AuditEvent withActor(AuditEvent event, AuditActors.Actor actor) {
        AuditEvent result = event.actorRoles() == null ? event.withActorRoles(actor.roles()) : event;
        if (result.actorOrganisationId() != null) {
            return result;
        }
        return new AuditEvent(result.at(), result.actorId(), actor.organisationId(), result.actorRoles(),
                result.action(), result.resourceType(), result.resourceId(), result.reportId(), result.inspectionId(),
                result.informationOwners(), result.outcome(), result.detail(), result.downloadId(),
                result.clientAddress(), result.userAgent());
    }

    @Override
    public List<AuditEvent> recent(int limit) {
        return trail.recent(limit);
    }
}
