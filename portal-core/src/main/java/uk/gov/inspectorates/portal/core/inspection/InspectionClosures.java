package uk.gov.inspectorates.portal.core.inspection;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.Decision;
import uk.gov.inspectorates.portal.core.access.InspectionRules;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.retention.RetentionCategory;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicies;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Closing an inspection (issue 17): its lead inspectorate's lead inspector once the findings letter is published, or
 * an administrator of a participating inspectorate at any time. From then on nothing more is requested or uploaded,
 * and the export window runs: the JTAI_AFTER_CLOSURE retention policy's period after the closure, at whose end the
 * inspection's data is removed whether or not every inspectorate exported.
 */
public final class InspectionClosures {

    /**
     * A closed inspection's end: who closed it (and their name), when, and when its export window ends (under today's
     * policy).
     */
    public record End(InspectionClosure closure, String closedByName, Instant exportWindowEndsAt) {
    }

    private final InspectionRepository inspections;
    private final FindingsPublication publication;
    private final RetentionPolicies policies;
    private final WorkingDayCalendar calendar;
    private final OrganisationDirectory directory;
    private final UnitOfWork unitOfWork;
    private final PolicyGate gate;

    public InspectionClosures(InspectionRepository inspections, FindingsPublication publication,
                              RetentionPolicies policies, WorkingDayCalendar calendar, OrganisationDirectory directory,
                              PolicyGate gate) {
        this(inspections, publication, policies, calendar, directory, gate, UnitOfWork.NONE);
    }

    public InspectionClosures(InspectionRepository inspections, FindingsPublication publication,
                              RetentionPolicies policies, WorkingDayCalendar calendar, OrganisationDirectory directory,
                              PolicyGate gate,
                              UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.inspections = Objects.requireNonNull(inspections, "inspections");
        this.publication = Objects.requireNonNull(publication, "publication");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /**
     * Closes the inspection: 404 unless the subject may see its end; 403 naming the rule unless they are its lead
     * inspector or a participating inspectorate's administrator; 409 when it is closed already, or when a lead
     * inspector closes it before the findings letter is published.
     */
    public End close(Subject subject, String inspectionId) {
        return unitOfWork.inOne(() -> closeInUnit(subject, inspectionId));
    }

    private End closeInUnit(Subject subject, String inspectionId) {
        Act act = Act.of(AuditActions.INSPECTION_CLOSE, "INSPECTION", inspectionId);
        Inspection inspection = gate.admit(subject, Action.DELETE, act, inspections.find(inspectionId),
                Inspection::asEndResource);
        Decision decision = gate.decide(subject, Action.DELETE, inspection.asEndResource());
        if (inspection.status() == InspectionStatus.CLOSED || inspections.closure(inspectionId).isPresent()) {
            gate.record(subject, act, Outcome.REFUSED, "closed already");
            throw new Conflict("The inspection is closed already");
        }
        Instant now = gate.clock().instant();
        if (InspectionRules.CLOSE_BY_LEAD_INSPECTOR.equals(decision.rule())) {
            Optional<Instant> published = publication.findingsLetterPublishedAt(inspectionId);
            if (published.isEmpty() || published.get().isAfter(now)) {
                gate.record(subject, act, Outcome.REFUSED, InspectionRules.CLOSE_AFTER_PUBLICATION);
                throw new Conflict("The findings letter is not published yet: the lead inspector closes the"
                        + " inspection after its publication (" + InspectionRules.CLOSE_AFTER_PUBLICATION + ")");
            }
        }
        InspectionClosure closure = new InspectionClosure(inspectionId, subject.userId(), now);
        if (!inspections.close(closure)) {
            gate.record(subject, act, Outcome.REFUSED, "closed already");
            throw new Conflict("The inspection is closed already");
        }
        End end = endOf(closure);
        gate.record(subject, act, Outcome.SUCCEEDED, decision.rule() + " exportWindowEndsAt="
                + end.exportWindowEndsAt());
        return end;
    }

    /** Whether the subject may close the inspection now (to offer the button); no audit. */
    public boolean mayClose(Subject subject, Inspection inspection) {
        Decision decision = gate.decide(subject, Action.DELETE, inspection.asEndResource());
        if (!decision.permitted() || inspection.status() == InspectionStatus.CLOSED) {
            return false;
        }
        return !InspectionRules.CLOSE_BY_LEAD_INSPECTOR.equals(decision.rule())
                || publication.findingsLetterPublishedAt(inspection.id())
                        .filter(at -> !at.isAfter(gate.clock().instant())).isPresent();
    }

    /**
     * The inspection's end, if it is closed, for someone who may see the inspection (404 otherwise; not audited
     * again: the caller viewed the inspection).
     */
    public Optional<End> endOf(Subject subject, Inspection inspection) {
        if (!gate.permits(subject, Action.VIEW_METADATA, inspection.asResource())) {
            return Optional.empty();
        }
        return inspections.closure(inspection.id()).map(this::endOf);
    }

    End endOf(InspectionClosure closure) {
        return new End(closure, directory.findUser(closure.closedBy()).map(UserAccount::displayName)
                .orElse(closure.closedBy()), policies.current(RetentionCategory.JTAI_AFTER_CLOSURE)
                .endsAfter(closure.closedAt(), calendar));
    }
}
