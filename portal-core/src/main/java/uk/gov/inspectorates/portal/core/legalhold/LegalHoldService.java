package uk.gov.inspectorates.portal.core.legalhold;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.access.RetentionRules;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionRepository;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportRepository;
import uk.gov.inspectorates.portal.core.retention.HoldTarget;
import uk.gov.inspectorates.portal.core.retention.LegalHold;
import uk.gov.inspectorates.portal.core.retention.LegalHoldRecords;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Legal holds on inspections and reports (issue 17, docs/adr/0029): set and lifted, with a reason, by an administrator
 * of a party to the thing ({@link RetentionRules}); while set, nothing of it is removed, by any retention policy or
 * person (the removal itself checks: {@code ScopeRemoval}). Unknown, or not the subject's to know of: 404.
 */
public final class LegalHoldService {

    static final int MAX_REASON = 1000;
    private static final String RESOURCE_TYPE = "LEGAL_HOLD";

    private final LegalHoldRecords holds;
    private final InspectionRepository inspections;
    private final ReportRepository reports;
    private final UnitOfWork unitOfWork;
    private final PolicyGate gate;

    public LegalHoldService(LegalHoldRecords holds, InspectionRepository inspections, ReportRepository reports,
                            PolicyGate gate) {
        this(holds, inspections, reports, gate, UnitOfWork.NONE);
    }

    public LegalHoldService(LegalHoldRecords holds, InspectionRepository inspections, ReportRepository reports,
                            PolicyGate gate,
                            UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.holds = holds;
        this.inspections = inspections;
        this.reports = reports;
        this.gate = gate;
    }

    /** The hold on the target, if any: for its parties' administrators and SIROs. */
    public Optional<LegalHold> current(Subject subject, HoldTarget target) {
        admitted(subject, Action.VIEW_METADATA, AuditActions.RETENTION_VIEW, target);
        return holds.current(target);
    }

    /**
     * What the page of an inspection or report shows the subject (who may see that page) about its hold: that there
     * is one and since when, to everyone; who set it and why, to those who may see holds; the forms, to those who may
     * set or lift one. No audit: the page's own view is audited.
     */
    public record Shown(Optional<LegalHold> hold, boolean detailsVisible, boolean mayChange) {
    }

    public Shown shownTo(Subject subject, HoldTarget target) {
        Optional<Resource> resource = resourceOf(target);
        boolean details = resource.map(r -> gate.permits(subject, Action.VIEW_METADATA, r)).orElse(false);
        boolean change = resource.map(r -> gate.permits(subject, Action.CHANGE, r)).orElse(false);
        return new Shown(holds.current(target), details, change);
    }

    /** Every hold in force whose target the subject may see (the administrators' retention page). */
    public List<LegalHold> inForce(Subject subject) {
        return holds.inForce().stream()
                .filter(hold -> resourceOf(hold.target()).map(r -> gate.permits(subject, Action.LIST, r))
                        .orElse(false))
                .toList();
    }

    public LegalHold set(Subject subject, HoldTarget target, String reason) {
        return unitOfWork.inOne(() -> setInUnit(subject, target, reason));
    }

    private LegalHold setInUnit(Subject subject, HoldTarget target, String reason) {
        admitted(subject, Action.CHANGE, AuditActions.LEGAL_HOLD_SET, target);
        Act act = act(AuditActions.LEGAL_HOLD_SET, target);
        String given = reason(subject, act, reason);
        LegalHold hold = new LegalHold(target, gate.clock().instant(), subject.userId(), subject.organisation().id(),
                given);
        if (!holds.set(hold)) {
            gate.record(subject, act, Outcome.REFUSED, "held already");
            throw new Conflict("This " + noun(target) + " is on legal hold already");
        }
        gate.record(subject, act, Outcome.SUCCEEDED, "kind=" + target.kind() + " reason=" + given);
        return hold;
    }

    public void lift(Subject subject, HoldTarget target, String reason) {
        unitOfWork.run(() -> liftInUnit(subject, target, reason));
    }

    private void liftInUnit(Subject subject, HoldTarget target, String reason) {
        admitted(subject, Action.CHANGE, AuditActions.LEGAL_HOLD_LIFT, target);
        Act act = act(AuditActions.LEGAL_HOLD_LIFT, target);
        String given = reason(subject, act, reason);
        Instant now = gate.clock().instant();
        if (!holds.lift(target, subject.userId(), subject.organisation().id(), now, given)) {
            gate.record(subject, act, Outcome.REFUSED, "not held");
            throw new Conflict("This " + noun(target) + " is not on legal hold");
        }
        gate.record(subject, act, Outcome.SUCCEEDED, "kind=" + target.kind() + " reason=" + given);
    }

    /** Whether the subject may set or lift a hold on the target; for pages (no audit). */
    public boolean mayChange(Subject subject, HoldTarget target) {
        return resourceOf(target).map(r -> gate.permits(subject, Action.CHANGE, r)).orElse(false);
    }

    private void admitted(Subject subject, Action action, String auditAction, HoldTarget target) {
        gate.admit(subject, action, act(auditAction, target), resourceOf(target), resource -> resource);
    }

    private Optional<Resource> resourceOf(HoldTarget target) {
        return switch (target.kind()) {
            case INSPECTION -> inspections.find(target.id()).map(LegalHoldService::holdOn);
            case REPORT -> reports.find(target.id()).map(LegalHoldService::holdOn);
        };
    }

    private static Resource holdOn(Inspection inspection) {
        return RetentionRules.holdOnInspection(inspection.id(), inspection.leadInspectorate(),
                inspection.participants());
    }

    private static Resource holdOn(Report report) {
        return RetentionRules.holdOnReport(report.id(), report.originator());
    }

    private String reason(Subject subject, Act act, String reason) {
        String given = reason == null ? "" : reason.strip();
        if (given.isEmpty() || given.length() > MAX_REASON) {
            gate.record(subject, act, Outcome.REFUSED, "invalid: [reason]");
            throw InvalidInput.of("reason", given.isEmpty() ? "Give the reason for the legal hold"
                    : "Give the reason in at most " + MAX_REASON + " characters");
        }
        return given;
    }

    private static String noun(HoldTarget target) {
        return target.kind() == HoldTarget.Kind.INSPECTION ? "inspection" : "report";
    }

    private static Act act(String auditAction, HoldTarget target) {
        return Act.of(auditAction, target.kind() == HoldTarget.Kind.INSPECTION ? "INSPECTION" : "REPORT",
                target.id());
    }
}
