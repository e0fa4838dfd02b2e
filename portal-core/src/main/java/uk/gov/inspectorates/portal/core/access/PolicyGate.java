package uk.gov.inspectorates.portal.core.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.NotFound;

/**
 * The one gate every service passes for a signed-in person: it asks the {@link AccessPolicy}, audits a refusal once
 * (with the rule that decided it) and hands back the thing asked for, or throws the caller's answer. Unknown, or not
 * for this person at all, is {@link NotFound} (a 404: nobody learns that someone else's thing exists); known to the
 * person but not for this action, {@link AccessDenied} naming the rule (a 403). Services never copy this logic; they
 * record what happened next through {@link #record}.
 */
public final class PolicyGate {

    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    public PolicyGate(AccessPolicy policy, AuditTrail audit, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What is being done, as the audit trail names it: the audited action and the resource's type and id. The id is
     * null for something that has none yet (a share refused); the type too for an act across kinds of thing (the
     * advance letters flagged on a list of reports), never for one {@link #admit} finds by id.
     */
    public record Act(String auditAction, String resourceType, String resourceId) {
        public Act {
            Objects.requireNonNull(auditAction, "auditAction");
        }

        public static Act of(String auditAction, String resourceType, String resourceId) {
            return new Act(auditAction, resourceType, resourceId);
        }

        /** The same act about another resource (e.g. a refusal recorded against the report a letter belongs to). */
        public Act about(String type, String id) {
            return new Act(auditAction, type, id);
        }
    }

    public Clock clock() {
        return clock;
    }

    /** The policy's answer, audited by nobody: for a caller that only shows or hides an option. */
    public Decision decide(Subject subject, Action action, Resource resource) {
        return policy.decide(subject, action, resource, clock.instant());
    }

    public boolean permits(Subject subject, Action action, Resource resource) {
        return decide(subject, action, resource).permitted();
    }

    /**
     * The thing found by id, if the subject may do the action on it. Not found: audited "no such ..." and 404.
     * Refused: audited with the rule; 403 when the subject may see the thing's details, else 404.
     */
    public <T> T admit(Subject subject, Action action, Act act, Optional<T> found,
                       Function<? super T, Resource> asResource) {
        String name = Objects.requireNonNull(act.resourceType(), "resourceType").toLowerCase(Locale.ROOT)
                .replace('_', ' ');
        if (found.isEmpty()) {
            record(subject, act, Outcome.DENIED, "no such " + name);
            throw new NotFound(name);
        }
        T thing = found.get();
        Instant now = clock.instant();
        Resource resource = asResource.apply(thing);
        Decision decision = policy.decide(subject, action, resource, now);
        if (!decision.permitted()) {
            boolean mayKnow = action != Action.VIEW_METADATA
                    && policy.decide(subject, Action.VIEW_METADATA, resource, now).permitted();
            record(subject, act, Outcome.DENIED, decision.rule());
            throw mayKnow ? new AccessDenied(decision.rule()) : new NotFound(name);
        }
        return thing;
    }

    /**
     * For an act on something that has no id of its own yet (sharing a new report, opening an inspection): refused is
     * audited with the rule and a 403. Returns the decision that permitted it.
     */
    public Decision require(Subject subject, Action action, Resource resource, Act act) {
        Decision decision = policy.decide(subject, action, resource, clock.instant());
        if (!decision.permitted()) {
            record(subject, act, Outcome.DENIED, decision.rule());
            throw new AccessDenied(decision.rule());
        }
        return decision;
    }

    /** Those of the things the subject may list (nothing is audited: the caller records the listing once). */
    public <T> List<T> visible(Subject subject, Collection<T> things, Function<? super T, Resource> asResource) {
        Instant now = clock.instant();
        return things.stream()
                .filter(thing -> policy.decide(subject, Action.LIST, asResource.apply(thing), now).permitted())
                .toList();
    }

    /** The one way a service records what a person did, with its outcome; never content. */
    public void record(Subject subject, Act act, Outcome outcome, String detail) {
        audit.record(eventOf(subject, act, outcome, detail));
    }

    /**
     * A stamped or original copy served: the download id printed on the copy goes into the event's own field, so that
     * a SIRO holding a leaked page finds its reader (docs/adr/0034).
     */
    public void recordDownload(Subject subject, Act act, String downloadId, String detail) {
        audit.record(eventOf(subject, act, Outcome.SUCCEEDED, detail).withDownloadId(downloadId));
    }

    /**
     * Records the download of {@code content} and only then hands the content over: a download is audited before its
     * first byte can be read. If recording fails, the content is closed (the store's connection, a stamped copy's
     * memory and stamping budget freed) and nothing is served: the failure propagates.
     */
    public <C extends AutoCloseable> C recordDownload(Subject subject, Act act, String downloadId, String detail,
                                                      C content) {
        try {
            recordDownload(subject, act, downloadId, detail);
        } catch (RuntimeException | Error notRecorded) {
            try {
                content.close();
            } catch (Exception closeFailure) {
                notRecorded.addSuppressed(closeFailure);
            }
            throw notRecorded;
        }
        return content;
    }

    private AuditEvent eventOf(Subject subject, Act act, Outcome outcome, String detail) {
        return new AuditEvent(clock.instant(), subject.userId(), subject.organisation().id(), act.auditAction(),
                act.resourceType(), act.resourceId(), outcome, detail).withActorRoles(rolesOf(subject));
    }

    /** The subject's role names, sorted and joined by ',' (as the chain carries them). */
    public static String rolesOf(Subject subject) {
        return subject.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    /**
     * What a person did who is not signed in (yet): accepting an invitation, resetting a password. Either id may be
     * unknown (null), e.g. a reset asked for an unknown username.
     */
    public void record(String actorId, String actorOrganisationId, Act act, Outcome outcome, String detail) {
        audit.record(new AuditEvent(clock.instant(), actorId, actorOrganisationId, act.auditAction(),
                act.resourceType(), act.resourceId(), outcome, detail));
    }
}
