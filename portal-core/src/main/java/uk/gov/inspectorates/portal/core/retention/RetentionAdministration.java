package uk.gov.inspectorates.portal.core.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.RetentionRules;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.DurationUnit;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.EndAction;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.InvalidUnderRule;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * The administrators' retention policies (issue 17, docs/adr/0029): each category's policy, its history of changes,
 * and the dry run of what the policies will remove next. Decided by {@link RetentionRules} through the gate; every
 * change is audited with its before and after, every refusal with its rule or fields.
 */
public final class RetentionAdministration {

    /** Calendar-day periods: up to twenty years. */
    public static final int MAX_CALENDAR_DAYS = 7305;
    /** Working-day periods: up to a year's worth, which the bank holiday list covers ahead. */
    public static final int MAX_WORKING_DAYS = 250;
    static final int MAX_OWNER = 200;
    static final int MAX_REASON = 1000;
    private static final String RESOURCE_TYPE = "RETENTION_POLICY";

    private final RetentionPolicyRecords policies;
    private final RetentionSchedule schedule;
    private final PolicyGate gate;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public RetentionAdministration(RetentionPolicyRecords policies, RetentionSchedule schedule, PolicyGate gate) {
        this(policies, schedule, gate, UnitOfWork.NONE);
    }

    public RetentionAdministration(RetentionPolicyRecords policies, RetentionSchedule schedule, PolicyGate gate,
                                   UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.policies = policies;
        this.schedule = schedule;
        this.gate = gate;
        this.clock = gate.clock();
    }

    /** Every category's policy in force, in the categories' order. */
    public List<RetentionPolicy> policies(Subject subject) {
        gate.require(subject, Action.LIST, RetentionRules.policies(), act(AuditActions.RETENTION_VIEW, null));
        List<RetentionPolicy> all = Arrays.stream(RetentionCategory.values()).map(policies::current).toList();
        gate.record(subject, act(AuditActions.RETENTION_VIEW, null), Outcome.SUCCEEDED, "policies");
        return all;
    }

    /** The category's changes, newest first. An unknown category: 404. */
    public List<PolicyChange> history(Subject subject, String category) {
        gate.require(subject, Action.VIEW_METADATA, RetentionRules.policies(),
                act(AuditActions.RETENTION_VIEW, category));
        RetentionCategory known = category(subject, AuditActions.RETENTION_VIEW, category);
        List<PolicyChange> history = policies.history(known);
        gate.record(subject, act(AuditActions.RETENTION_VIEW, known.name()), Outcome.SUCCEEDED,
                "history count=" + history.size());
        return history;
    }

    /** What the policies will remove or put up for review next (at most {@code limit}), and what holds it. */
    public List<RetentionSchedule.Entry> dryRun(Subject subject, int limit) {
        gate.require(subject, Action.LIST, RetentionRules.policies(), act(AuditActions.RETENTION_VIEW, null));
        List<RetentionSchedule.Entry> next = schedule.next(clock.instant(), limit);
        gate.record(subject, act(AuditActions.RETENTION_VIEW, null), Outcome.SUCCEEDED,
                "dry-run count=" + next.size());
        return next;
    }

    /**
     * Makes the proposal the category's policy, provided it is well formed and not shorter than the category's
     * minimum (422 naming the minimum's rule); 409 when someone else changed the policy at the same moment.
     */
    public PolicyChange change(Subject subject, String category, PolicyProposal proposal) {
        return unitOfWork.inOne(() -> changeInUnit(subject, category, proposal));
    }

    private PolicyChange changeInUnit(Subject subject, String category, PolicyProposal proposal) {
        gate.require(subject, Action.CHANGE, RetentionRules.policies(),
                act(AuditActions.RETENTION_POLICY_CHANGE, category));
        RetentionCategory known = category(subject, AuditActions.RETENTION_POLICY_CHANGE, category);
        Act act = act(AuditActions.RETENTION_POLICY_CHANGE, known.name());
        RetentionPolicy proposed;
        try {
            proposed = validated(known, proposal);
        } catch (InvalidInput invalid) {
            gate.record(subject, act, Outcome.REFUSED, (invalid instanceof InvalidUnderRule ruled
                    ? "rule=" + ruled.rule() + " " : "") + "invalid: "
                    + invalid.errors().stream().map(FieldError::field).distinct().toList());
            throw invalid;
        }
        RetentionPolicy before = policies.current(known);
        Instant now = clock.instant();
        PolicyChange change = new PolicyChange(before, proposed, subject.userId(), subject.organisation().id(), now,
                proposal.reason().strip());
        if (!policies.change(change)) {
            gate.record(subject, act, Outcome.REFUSED, "changed by someone else meanwhile");
            throw new Conflict("Someone else changed this policy just now: look at it again before changing it");
        }
        gate.record(subject, act, Outcome.SUCCEEDED, "before=" + describe(before) + " after=" + describe(proposed)
                + " reason=" + change.reason());
        return change;
    }

    /** Whether the subject may see the retention page at all; for pages. */
    public boolean maySee(Subject subject) {
        return gate.permits(subject, Action.LIST, RetentionRules.policies());
    }

    /** Whether the subject may change policies; for pages (the change form). */
    public boolean mayChange(Subject subject) {
        return gate.permits(subject, Action.CHANGE, RetentionRules.policies());
    }

    /** The proposal as a policy, or every way it is wrong (field errors; a minimum broken names its rule). */
    static RetentionPolicy validated(RetentionCategory category, PolicyProposal proposal) {
        List<FieldError> errors = new ArrayList<>();
        DurationUnit unit = choice(DurationUnit.class, proposal.unit(), "unit",
                "Choose working days or calendar days", errors);
        EndAction action = choice(EndAction.class, proposal.action(), "action",
                "Choose what happens at the end: remove, or review first", errors);
        Integer amount = amount(proposal.amount(), unit, errors);
        String owner = proposal.owner() == null ? "" : proposal.owner().strip();
        if (owner.isEmpty()) {
            errors.add(new FieldError("owner", "Name who owns this policy (a role or team)"));
        } else if (owner.length() > MAX_OWNER) {
            errors.add(new FieldError("owner", "Name the owner in at most " + MAX_OWNER + " characters"));
        }
        String reason = proposal.reason() == null ? "" : proposal.reason().strip();
        if (reason.isEmpty()) {
            errors.add(new FieldError("reason", "Give the reason for the change"));
        } else if (reason.length() > MAX_REASON) {
            errors.add(new FieldError("reason", "Give the reason in at most " + MAX_REASON + " characters"));
        }
        if (action != null && !RetentionMinimums.allows(category, action)) {
            errors.add(new FieldError("action", "Audit events can only be put up for review: removing them waits "
                    + "for signed checkpoints that keep the trail verifiable (rule "
                    + RetentionMinimums.AUDIT_REVIEW_ONLY + ")"));
            throw new InvalidUnderRule(RetentionMinimums.AUDIT_REVIEW_ONLY, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        RetentionPolicy policy = new RetentionPolicy(category, amount, unit, action, owner);
        Optional<RetentionMinimums.Minimum> minimum = RetentionMinimums.of(category);
        if (minimum.isPresent() && !minimum.get().satisfiedBy(policy)) {
            throw new InvalidUnderRule(minimum.get().rule(), List.of(new FieldError("amount",
                    "Keep this for at least " + minimum.get().describe() + " (" + minimum.get().source()
                            + "; rule " + minimum.get().rule() + ")")));
        }
        return policy;
    }

    private static Integer amount(String given, DurationUnit unit, List<FieldError> errors) {
        String text = given == null ? "" : given.strip();
        if (text.isEmpty()) {
            errors.add(new FieldError("amount", "Enter how many days to keep it"));
            return null;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException notWhole) {
            errors.add(new FieldError("amount", "Enter the number of days as a whole number, like 30"));
            return null;
        }
        int max = unit == DurationUnit.WORKING_DAYS ? MAX_WORKING_DAYS : MAX_CALENDAR_DAYS;
        if (value < 0 || value > max) {
            errors.add(new FieldError("amount", "Enter a number of days from 0 to " + max
                    + (unit == DurationUnit.WORKING_DAYS ? " working days (or use calendar days)" : "")));
            return null;
        }
        return value;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String given, String field, String message,
                                                List<FieldError> errors) {
        if (given != null && !given.isBlank()) {
            try {
                return Enum.valueOf(type, given.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
            } catch (IllegalArgumentException unknown) {
                // reported below
            }
        }
        errors.add(new FieldError(field, message));
        return null;
    }

    private RetentionCategory category(Subject subject, String auditAction, String given) {
        if (given != null) {
            for (RetentionCategory category : RetentionCategory.values()) {
                if (category.name().equalsIgnoreCase(given.strip().replace('-', '_'))) {
                    return category;
                }
            }
        }
        gate.record(subject, act(auditAction, given), Outcome.DENIED, "no such retention category");
        throw new NotFound("retention category");
    }

    static String describe(RetentionPolicy policy) {
        return policy.amount() + " " + policy.unit() + " " + policy.action() + " owner=\"" + policy.owner() + "\"";
    }

    private static Act act(String auditAction, String category) {
        return Act.of(auditAction, RESOURCE_TYPE, category);
    }
}
