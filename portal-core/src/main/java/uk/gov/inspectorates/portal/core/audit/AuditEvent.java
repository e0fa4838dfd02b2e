package uk.gov.inspectorates.portal.core.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One thing that happened: who (user, organisation, roles), did what, to which resource (and the report or inspection
 * it belongs to, and the organisations whose information it is), with what outcome and why (the rule or reason),
 * from where (client address as seen behind the configured proxies, user agent), and the stamped copy's download id
 * for a download. Never carries document content or a child identifier.
 *
 * <p>{@code informationOwners} are the organisations whose information the resource is (a report's originator; an
 * inspection's participating inspectorates): a SIRO sees the events about their organisation's information and those
 * of their own people ({@link AuditScope}).
 */
public record AuditEvent(Instant at, String actorId, String actorOrganisationId, String actorRoles, String action,
                         String resourceType, String resourceId, String reportId, String inspectionId,
                         Set<String> informationOwners, Outcome outcome, String detail, String downloadId,
                         String clientAddress, String userAgent) {

    public enum Outcome { SUCCEEDED, REFUSED, DENIED }

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        informationOwners = informationOwners == null ? Set.of() : Set.copyOf(informationOwners);
    }

    /** An event with only the essentials; the rest is added by the gate and the trail ({@code with...}). */
    public AuditEvent(Instant at, String actorId, String actorOrganisationId, String action, String resourceType,
                      String resourceId, Outcome outcome, String detail) {
        this(at, actorId, actorOrganisationId, null, action, resourceType, resourceId, null, null, Set.of(), outcome,
                detail, null, null, null);
    }

    public AuditEvent withActorRoles(String roles) {
        return new AuditEvent(at, actorId, actorOrganisationId, roles, action, resourceType, resourceId, reportId,
                inspectionId, informationOwners, outcome, detail, downloadId, clientAddress, userAgent);
    }

    /** The report and/or inspection the resource belongs to, and whose information it is. */
    public AuditEvent withScope(String report, String inspection, Set<String> owners) {
        return new AuditEvent(at, actorId, actorOrganisationId, actorRoles, action, resourceType, resourceId, report,
                inspection, owners, outcome, detail, downloadId, clientAddress, userAgent);
    }

    public AuditEvent withDownloadId(String id) {
        return new AuditEvent(at, actorId, actorOrganisationId, actorRoles, action, resourceType, resourceId, reportId,
                inspectionId, informationOwners, outcome, detail, id, clientAddress, userAgent);
    }

    public AuditEvent withOrigin(String address, String agent) {
        return new AuditEvent(at, actorId, actorOrganisationId, actorRoles, action, resourceType, resourceId, reportId,
                inspectionId, informationOwners, outcome, detail, downloadId, address, agent);
    }

    public AuditEvent withAt(Instant time) {
        return new AuditEvent(time, actorId, actorOrganisationId, actorRoles, action, resourceType, resourceId,
                reportId, inspectionId, informationOwners, outcome, detail, downloadId, clientAddress, userAgent);
    }

    /** The information owners sorted and joined by ',' (as the chain and the CSV export carry them). */
    public String informationOwnersText() {
        return String.join(",", new TreeSet<>(informationOwners));
    }
}
