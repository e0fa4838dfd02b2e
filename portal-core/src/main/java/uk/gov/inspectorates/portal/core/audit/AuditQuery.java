package uk.gov.inspectorates.portal.core.audit;

import java.time.Instant;

/**
 * A SIRO's search of the trail: every criterion optional (null: any), combined with AND; {@code from} inclusive,
 * {@code to} exclusive; newest first (by the event's time, then by seq: an event's time is when it happened, its seq
 * when it was committed, so the two are not strictly in step), {@code pageSize} a page, pages counted from 1.
 * {@link #matches} is the definition the stores' queries must agree with.
 */
public record AuditQuery(String actorId, String organisationId, String reportId, String inspectionId, String action,
                         AuditEvent.Outcome outcome, Instant from, Instant to, String downloadId, int page,
                         int pageSize) {

    public static final int MAX_PAGE_SIZE = 500;

    public AuditQuery {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1 to " + MAX_PAGE_SIZE);
        }
    }

    /**
     * Whether the event meets every criterion given. The organisation criterion matches the actor's organisation
     * or an information owner.
     */
    public boolean matches(AuditEvent event) {
        return (actorId == null || actorId.equals(event.actorId()))
                && (organisationId == null || organisationId.equals(event.actorOrganisationId())
                    || event.informationOwners().contains(organisationId))
                && (reportId == null || reportId.equals(event.reportId()))
                && (inspectionId == null || inspectionId.equals(event.inspectionId()))
                && (action == null || action.equals(event.action()))
                && (outcome == null || outcome == event.outcome())
                && (from == null || !event.at().isBefore(from))
                && (to == null || event.at().isBefore(to))
                && (downloadId == null || downloadId.equals(event.downloadId()));
    }
}
