package uk.gov.inspectorates.portal.core.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.EndAction;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.ConflictUnderRule;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * The sweep of a category whose records are removed one by one when their period has run (share drafts, term plans,
 * resumable uploads, the notification outbox, unused accounts). Nothing here can be held: these are not inspections
 * or reports.
 *
 * <p>{@link #remove} decides again at the moment of removal, under the policy then in force: a record changed since
 * it was listed (a draft edited, an account signed in to) or no longer due is not removed (409), nor one whose
 * policy says REVIEW when a policy (not a person) removes it, nor an organisation's last active administrator. A
 * record gone already is the idempotent case: nothing to do, nothing reported.
 */
public final class AgedRecordSweep implements RetentionSweep {

    /** An organisation's only active administrator is never deactivated for want of use. */
    public static final String LAST_ADMINISTRATOR_KEPT = "retention.unused-accounts.last-administrator-kept";

    private final AgedRecords records;
    private final RetentionPolicies policies;
    private final WorkingDayCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    public AgedRecordSweep(AgedRecords records, RetentionPolicies policies, WorkingDayCalendar calendar,
                           AuditTrail audit, Clock clock) {
        this(records, policies, calendar, audit, clock, UnitOfWork.NONE);
    }

    public AgedRecordSweep(AgedRecords records, RetentionPolicies policies, WorkingDayCalendar calendar,
                           AuditTrail audit, Clock clock,
                           UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.records = Objects.requireNonNull(records, "records");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RetentionCategory category() {
        return records.category();
    }

    @Override
    public List<RemovalCandidate> candidates(RetentionPolicy policy, Instant now) {
        return records.all().stream()
                .filter(aged -> !aged.lastActiveAdministrator())
                .map(aged -> candidate(aged, policy))
                .sorted(Comparator.comparing(RemovalCandidate::dueAt).thenComparing(RemovalCandidate::id))
                .toList();
    }

    @Override
    public void remove(RemovalCandidate candidate, Remover remover) {
        if (candidate.category() != category()) {
            throw new IllegalArgumentException("a " + candidate.category() + " candidate given to the "
                    + category() + " sweep");
        }
        Optional<AgedRecords.Aged> found = records.find(candidate.id());
        if (found.isEmpty()) {
            return;
        }
        AgedRecords.Aged aged = found.get();
        Instant now = clock.instant();
        RetentionPolicy policy = policies.current(category());
        if (aged.lastActiveAdministrator()) {
            refuse(candidate, remover, "rule=" + LAST_ADMINISTRATOR_KEPT);
            throw new ConflictUnderRule(LAST_ADMINISTRATOR_KEPT,
                    "The only active administrator of an organisation is not deactivated");
        }
        if (remover.policy() != null && policy.action() == EndAction.REVIEW) {
            refuse(candidate, remover, "the policy says review, not remove");
            throw new Conflict("The " + category() + " policy asks for a review: nothing is removed automatically");
        }
        if (policy.endsAfter(aged.since(), calendar).isAfter(now)) {
            refuse(candidate, remover, "not due: changed since it was listed, or the policy is longer now");
            throw new Conflict("This is not due for removal (any more)");
        }
        // the removal and its event commit together
        boolean removed = unitOfWork.inOne(() -> {
            if (!records.remove(aged.id(), aged.since())) {
                return false;
            }
            audit.record(new AuditEvent(now, remover.actorId(), remover.organisationId(),
                    AuditActions.RETENTION_REMOVE, records.kind(), aged.id(), Outcome.SUCCEEDED, "category="
                    + category() + " by=" + remover.describe() + " policy="
                    + RetentionAdministration.describe(policy)));
            return true;
        });
        if (!removed) {
            if (records.find(aged.id()).isEmpty()) {
                return;
            }
            boolean administrator = records.find(aged.id()).map(AgedRecords.Aged::lastActiveAdministrator)
                    .orElse(false);
            refuse(candidate, remover, administrator ? "rule=" + LAST_ADMINISTRATOR_KEPT : "changed meanwhile");
            throw administrator ? new ConflictUnderRule(LAST_ADMINISTRATOR_KEPT,
                    "The only active administrator of an organisation is not deactivated")
                    : new Conflict("This changed while it was being removed: it is kept");
        }
    }

    private RemovalCandidate candidate(AgedRecords.Aged aged, RetentionPolicy policy) {
        return new RemovalCandidate(category(), records.kind(), aged.id(), aged.description(),
                policy.endsAfter(aged.since(), calendar), null);
    }

    private void refuse(RemovalCandidate candidate, Remover remover, String why) {
        audit.record(new AuditEvent(clock.instant(), remover.actorId(), remover.organisationId(),
                AuditActions.RETENTION_REMOVE, records.kind(), candidate.id(), Outcome.REFUSED,
                "category=" + category() + " by=" + remover.describe() + " kept: " + why));
    }
}
