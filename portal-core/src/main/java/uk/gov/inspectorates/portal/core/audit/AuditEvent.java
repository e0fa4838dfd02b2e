package uk.gov.inspectorates.portal.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened: who (user and organisation), did what, to which resource, with what outcome, and why
 * (the rule or reason). Never carries document content.
 */
public record AuditEvent(Instant at, String actorId, String actorOrganisationId, String action, String resourceType,
                         String resourceId, Outcome outcome, String detail) {

    public enum Outcome { SUCCEEDED, REFUSED, DENIED }

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }
}
