package uk.gov.inspectorates.portal.core.referral;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.NoticeOutbox;
import uk.gov.inspectorates.portal.core.notification.Recipients;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.Ids;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Referrals of concern (JTAI §74, Annex C; docs/adr/0022): an inspector of a participating inspectorate refers a concern
 * about a child to an agency of the inspected area; the agency responds, the referring inspector evaluates the response,
 * the agency's chief officer and then the inspection's lead inspector sign it off. Every decision is the one policy's
 * ({@code ReferralRules}, through the {@link PolicyGate}); every call leaves one audit event, whatever its outcome. A
 * category 1 referral is flagged by e-mail to both sides as it is raised.
 */
public final class ReferralService {

    static final String INSPECTION = "INSPECTION";
    static final String REFERRAL = "REFERRAL";

    private final Referrals referrals;
    private final ReferralInspections inspections;
    private final PolicyGate gate;
    private final NoticeOutbox notices;
    private final ReferralValidator validator;
    private final UnitOfWork unitOfWork;

    public ReferralService(Referrals referrals, ReferralInspections inspections, OrganisationDirectory directory,
                           PolicyGate gate, NoticeOutbox notices) {
        this(referrals, inspections, directory, gate, notices, UnitOfWork.NONE);
    }

    public ReferralService(Referrals referrals, ReferralInspections inspections, OrganisationDirectory directory,
                           PolicyGate gate, NoticeOutbox notices,
                           UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.referrals = referrals;
        this.inspections = inspections;
        this.gate = gate;
        this.notices = notices;
        this.validator = new ReferralValidator(directory);
    }

    /**
     * Raises a referral to an agency of the inspection's area. 404 unless the subject may see the inspection; 403
     * (naming the rule) unless they are an inspector of a participating inspectorate; 422 with every failing field.
     */
    public Referral raise(Subject subject, String inspectionId, ReferralDraft draft) {
        return unitOfWork.inOne(() -> raiseInUnit(subject, inspectionId, draft));
    }

    private Referral raiseInUnit(Subject subject, String inspectionId, ReferralDraft draft) {
        Act act = Act.of(AuditActions.REFERRAL_RAISE, INSPECTION, inspectionId);
        ReferringInspection inspection = inspection(subject, act, inspectionId);
        gate.require(subject, Action.UPLOAD, Resource.newReferral(inspection.leadInspectorate(),
                inspection.participants(), draft.agencyId()), act);
        Instant now = gate.clock().instant();
        ReferralValidator.Checked checked;
        try {
            checked = validator.check(draft, inspection, now);
        } catch (InvalidInput invalid) {
            gate.record(subject, act, Outcome.REFUSED, "invalid: " + fields(invalid));
            throw invalid;
        }
        Referral referral = new Referral(Ids.newId(), inspection.id(), checked.agency().id(),
                new ReferralEntry(null, subject.userId(), subject.displayName(), now), checked.caseNumbers(),
                checked.category(), checked.issues(), checked.responseRequiredBy(), java.util.Map.of());
        referrals.add(referral);
        gate.record(subject, act.about(REFERRAL, referral.id()), Outcome.SUCCEEDED, "inspection=" + inspection.id()
                + " agency=" + referral.agencyId() + " category=" + referral.category().number() + " cases="
                + referral.caseNumbers().size());
        if (referral.category().serious()) {
            flagSeriousConcern(inspection, referral);
        }
        return referral;
    }

    /** The inspection's referrals the subject may see (an agency: only those to itself), oldest first. */
    public List<Referral> ofInspection(Subject subject, String inspectionId) {
        Act act = Act.of(AuditActions.REFERRAL_LIST, INSPECTION, inspectionId);
        ReferringInspection inspection = inspection(subject, act, inspectionId);
        List<Referral> visible = gate.visible(subject, referrals.ofInspection(inspection.id()),
                inspection::asResourceOf);
        gate.record(subject, act, Outcome.SUCCEEDED, "count=" + visible.size());
        return visible;
    }

    /** One referral of the inspection: 404 unless the subject may see it. */
    public Referral view(Subject subject, String inspectionId, String referralId) {
        Act act = Act.of(AuditActions.REFERRAL_VIEW, REFERRAL, referralId);
        ReferringInspection inspection = inspection(subject, act.about(INSPECTION, inspectionId), inspectionId);
        Referral referral = admit(subject, Action.VIEW_METADATA, act, inspection, referralId);
        gate.record(subject, act, Outcome.SUCCEEDED, null);
        return referral;
    }

    /**
     * Takes the next step of a referral: 404 unless the subject may see it; 409 when the referral does not wait for
     * this step (out of order, or taken meanwhile by someone else); 403 naming the rule when it is not the subject's
     * step to take; 422 when a response or evaluation is missing.
     */
    public Referral take(Subject subject, String inspectionId, String referralId, ReferralStep step, String text) {
        return unitOfWork.inOne(() -> takeInUnit(subject, inspectionId, referralId, step, text));
    }

    private Referral takeInUnit(Subject subject, String inspectionId, String referralId, ReferralStep step,
                                String text) {
        java.util.Objects.requireNonNull(step, "step");
        Act act = Act.of(auditAction(step), REFERRAL, referralId);
        ReferringInspection inspection = inspection(subject, act.about(INSPECTION, inspectionId), inspectionId);
        Referral referral = admit(subject, Action.VIEW_METADATA, act, inspection, referralId);
        if (referral.stage().awaits().filter(step::equals).isEmpty()) {
            gate.record(subject, act, Outcome.REFUSED, "out of order: " + step + " while " + referral.stage());
            throw new Conflict(outOfOrder(referral.stage(), step));
        }
        admit(subject, Action.CHANGE, act, inspection, referral);
        String recorded = null;
        if (step.hasText()) {
            try {
                recorded = ReferralValidator.stepText(text, "text", step == ReferralStep.RESPONSE
                        ? "Give the agency's response and explanation" : "Give your evaluation of the response");
            } catch (InvalidInput invalid) {
                gate.record(subject, act, Outcome.REFUSED, "invalid: " + fields(invalid));
                throw invalid;
            }
        }
        ReferralEntry entry = new ReferralEntry(recorded, subject.userId(), subject.displayName(),
                gate.clock().instant());
        if (!referrals.take(referral.id(), step, entry)) {
            gate.record(subject, act, Outcome.REFUSED, "taken meanwhile: " + step);
            throw new Conflict("Someone else recorded this step a moment ago: reload the referral to see it");
        }
        gate.record(subject, act, Outcome.SUCCEEDED, "step=" + step);
        return referral.with(step, entry);
    }

    /** The step the subject may take on the referral now, if any (for offering a form; taking it decides again). */
    public Optional<ReferralStep> stepFor(Subject subject, String inspectionId, Referral referral) {
        return referral.stage().awaits().filter(step -> inspections.find(inspectionId)
                .filter(inspection -> inspection.id().equals(referral.inspectionId()))
                .map(inspection -> gate.permits(subject, Action.CHANGE, inspection.asResourceOf(referral)))
                .orElse(false));
    }

    /**
     * Before the form is shown: 404 unless the subject may see the inspection, 403 naming the rule (audited) unless
     * they may raise referrals in it.
     */
    public void checkMayRaise(Subject subject, String inspectionId) {
        Act act = Act.of(AuditActions.REFERRAL_RAISE, INSPECTION, inspectionId);
        ReferringInspection inspection = inspection(subject, act, inspectionId);
        gate.require(subject, Action.UPLOAD, Resource.newReferral(inspection.leadInspectorate(),
                inspection.participants(), null), act);
    }

    /** Whether the subject may raise referrals in the inspection (for offering the form; raising decides again). */
    public boolean mayRaise(Subject subject, String inspectionId) {
        return inspections.find(inspectionId)
                .filter(inspection -> gate.permits(subject, Action.VIEW_METADATA, inspection.resource()))
                .map(inspection -> gate.permits(subject, Action.UPLOAD, Resource.newReferral(
                        inspection.leadInspectorate(), inspection.participants(), null)))
                .orElse(false);
    }

    /**
     * The category 1 referrals not yet signed off that the subject may see, for the banner on their pages: in one
     * inspection, or (null) in every inspection of the subject's own agency. Decided, not audited: the banner shows no
     * detail of a referral, only that one is open, and opening it is audited.
     */
    public List<Referral> seriousConcernsFor(Subject subject, String inspectionId) {
        List<Referral> candidates = inspectionId != null ? referrals.ofInspection(inspectionId)
                : subject.organisation().isInspectorate() ? List.of()
                : referrals.toAgency(subject.organisation().id());
        return candidates.stream().filter(Referral::seriousAndOpen)
                .filter(referral -> inspections.find(referral.inspectionId())
                        .filter(inspection -> gate.permits(subject, Action.VIEW_METADATA, inspection.resource()))
                        .map(inspection -> gate.permits(subject, Action.VIEW_METADATA,
                                inspection.asResourceOf(referral)))
                        .orElse(false))
                .sorted(Comparator.comparing(Referral::responseRequiredBy))
                .toList();
    }

    private ReferringInspection inspection(Subject subject, Act act, String inspectionId) {
        return gate.admit(subject, Action.VIEW_METADATA, act.about(INSPECTION, inspectionId),
                inspectionId == null ? Optional.empty() : inspections.find(inspectionId),
                ReferringInspection::resource);
    }

    private Referral admit(Subject subject, Action action, Act act, ReferringInspection inspection, String referralId) {
        return gate.admit(subject, action, act, referralId == null ? Optional.empty()
                        : referrals.find(referralId).filter(r -> r.inspectionId().equals(inspection.id())),
                inspection::asResourceOf);
    }

    private Referral admit(Subject subject, Action action, Act act, ReferringInspection inspection, Referral referral) {
        return gate.admit(subject, action, act, Optional.of(referral), inspection::asResourceOf);
    }

    /** Both sides at once: the agency's case staff and the inspection's lead inspector (else the referrer). */
    private void flagSeriousConcern(ReferringInspection inspection, Referral referral) {
        String inspectionSide = inspection.leadInspectorUserId() != null ? inspection.leadInspectorUserId()
                : referral.referredBy().byUserId();
        notices.enqueue(Notice.of(NoticeKind.REFERRAL_CATEGORY_1,
                "Category 1 referral of concern: " + inspection.name(),
                "/inspections/" + inspection.id() + "/referrals/" + referral.id(),
                Recipients.withRoles(referral.agencyId(), Role.AGENCY_CHIEF_OFFICER, Role.AGENCY_UPLOADER),
                Recipients.person(inspectionSide)));
    }

    private static String auditAction(ReferralStep step) {
        return switch (step) {
            case RESPONSE -> AuditActions.REFERRAL_RESPOND;
            case EVALUATION -> AuditActions.REFERRAL_EVALUATE;
            case CHIEF_OFFICER_SIGN_OFF, LEAD_INSPECTOR_SIGN_OFF -> AuditActions.REFERRAL_SIGN_OFF;
        };
    }

    private static String outOfOrder(ReferralStage stage, ReferralStep step) {
        return stage == ReferralStage.SIGNED_OFF ? "This referral is signed off: nothing more can be recorded on it"
                : "This referral is " + stage.title().toLowerCase(java.util.Locale.UK) + ": the "
                + step.name().toLowerCase(java.util.Locale.UK).replace('_', ' ') + " comes "
                + (step.ordinal() < stage.awaits().orElseThrow().ordinal() ? "before that and is recorded already"
                : "after that");
    }

    private static List<String> fields(InvalidInput invalid) {
        return invalid.errors().stream().map(FieldError::field).distinct().toList();
    }
}
