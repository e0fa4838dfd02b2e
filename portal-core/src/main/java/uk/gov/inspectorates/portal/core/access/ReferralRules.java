package uk.gov.inspectorates.portal.core.access;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;

/**
 * Referrals of concern (JTAI §74, Annex C; docs/adr/0022): who sees a referral, who raises one, and whose turn each
 * step is. Only the inspectorates of the inspection and the agency referred to see a referral: the inspectors, lead
 * inspectors, data analysts and inspection support staff of the participating inspectorates, and the agency's staff who
 * handle cases (uploaders and its chief officer). Nobody else, not even that it exists (404): other agencies, other
 * inspectorates, readers, SIROs, administrators.
 *
 * <p>The steps run in one order, and the referral's {@link Resource.Lifecycle stage} says whose turn it is: the agency
 * responds; the referring inspector evaluates the response; the agency's chief officer signs off; the inspection's
 * lead inspector signs off last. {@code CHANGE} is the step the stage is waiting for; the resource's
 * {@code ownerUserId} is the one person whose step it is, where the step is one person's.
 */
final class ReferralRules {

    static final String VIEW_BY_INSPECTION_STAFF = "referral.view.participating-inspectorate-staff";
    static final String VIEW_BY_AGENCY_REFERRED_TO = "referral.view.agency-referred-to";
    static final String VIEW_INSPECTORATES_AND_AGENCY_REFERRED_TO_ONLY =
            "referral.view.participating-inspectorates-and-agency-referred-to-only";
    static final String RAISE_BY_PARTICIPATING_INSPECTOR = "referral.raise.participating-inspector";
    static final String RAISE_PARTICIPATING_INSPECTORS_ONLY = "referral.raise.participating-inspectors-only";
    static final String RESPOND_BY_AGENCY_REFERRED_TO = "referral.respond.agency-referred-to";
    static final String RESPOND_AGENCY_REFERRED_TO_ONLY = "referral.respond.agency-referred-to-only";
    static final String EVALUATE_BY_REFERRING_INSPECTOR = "referral.evaluate.referring-inspector";
    static final String EVALUATE_REFERRING_INSPECTOR_ONLY = "referral.evaluate.referring-inspector-only";
    static final String SIGN_OFF_BY_CHIEF_OFFICER = "referral.sign-off.agency-chief-officer";
    static final String SIGN_OFF_CHIEF_OFFICER_ONLY = "referral.sign-off.agency-chief-officer-only";
    static final String SIGN_OFF_BY_LEAD_INSPECTOR = "referral.sign-off.inspection-lead-inspector";
    static final String SIGN_OFF_LEAD_INSPECTOR_ONLY = "referral.sign-off.inspection-lead-inspector-only";
    static final String SIGNED_OFF_UNCHANGED = "referral.signed-off.unchanged";

    /** The inspectorate staff who work on an inspection (the same people who see its evidence). */
    private static final Set<Role> INSPECTION_STAFF = InspectionRules.INSPECTION_STAFF;
    private static final Set<Role> REFERRERS = EnumSet.of(Role.INSPECTOR, Role.LEAD_INSPECTOR);
    /** The agency staff who deal with cases (the same who provide evidence); an administrator manages accounts. */
    private static final Set<Role> AGENCY_CASE_STAFF = InspectionRules.AGENCY_EVIDENCE_STAFF;

    private ReferralRules() {
    }

    static Decision decide(Subject subject, Action action, Resource referral) {
        return switch (action) {
            case LIST, VIEW_METADATA -> viewing(subject, referral);
            case UPLOAD -> participatingStaff(subject, referral) && holdsAny(subject, REFERRERS)
                    ? Decision.permit(RAISE_BY_PARTICIPATING_INSPECTOR)
                    : Decision.deny(RAISE_PARTICIPATING_INSPECTORS_ONLY);
            case CHANGE -> step(subject, referral);
            // a referral is a form, not a document: nothing to download, export or remove on its own
            case DOWNLOAD, DELETE, EXPORT, AUDIT_VIEW -> Decision.deny(AccessPolicy.NOT_PERMITTED);
        };
    }

    private static Decision viewing(Subject subject, Resource referral) {
        if (participatingStaff(subject, referral)) {
            return Decision.permit(VIEW_BY_INSPECTION_STAFF);
        }
        if (agencyCaseStaff(subject, referral)) {
            return Decision.permit(VIEW_BY_AGENCY_REFERRED_TO);
        }
        return Decision.deny(VIEW_INSPECTORATES_AND_AGENCY_REFERRED_TO_ONLY);
    }

    private static Decision step(Subject subject, Resource referral) {
        return switch (referral.lifecycle()) {
            case AWAITING_AGENCY_RESPONSE -> agencyCaseStaff(subject, referral)
                    ? Decision.permit(RESPOND_BY_AGENCY_REFERRED_TO)
                    : Decision.deny(RESPOND_AGENCY_REFERRED_TO_ONLY);
            case AWAITING_EVALUATION -> participatingStaff(subject, referral) && personToAct(subject, referral)
                    ? Decision.permit(EVALUATE_BY_REFERRING_INSPECTOR)
                    : Decision.deny(EVALUATE_REFERRING_INSPECTOR_ONLY);
            case AWAITING_CHIEF_OFFICER_SIGN_OFF -> agencyCaseStaff(subject, referral)
                    && subject.has(Role.AGENCY_CHIEF_OFFICER)
                    ? Decision.permit(SIGN_OFF_BY_CHIEF_OFFICER)
                    : Decision.deny(SIGN_OFF_CHIEF_OFFICER_ONLY);
            case AWAITING_LEAD_INSPECTOR_SIGN_OFF -> participatingStaff(subject, referral)
                    && subject.has(Role.LEAD_INSPECTOR) && personToAct(subject, referral)
                    ? Decision.permit(SIGN_OFF_BY_LEAD_INSPECTOR)
                    : Decision.deny(SIGN_OFF_LEAD_INSPECTOR_ONLY);
            case SIGNED_OFF -> Decision.deny(SIGNED_OFF_UNCHANGED);
            case UNDER_EMBARGO, PUBLISHED, WITHDRAWN, NONE -> Decision.deny(AccessPolicy.NOT_PERMITTED);
        };
    }

    private static boolean participatingStaff(Subject subject, Resource referral) {
        Optional<Inspectorate> own = subject.inspectorate();
        return own.isPresent() && referral.addressees().contains(own.get()) && holdsAny(subject, INSPECTION_STAFF);
    }

    private static boolean agencyCaseStaff(Subject subject, Resource referral) {
        return !subject.organisation().isInspectorate() && referral.agencyId() != null
                && referral.agencyId().equals(subject.organisation().id()) && holdsAny(subject, AGENCY_CASE_STAFF);
    }

    private static boolean personToAct(Subject subject, Resource referral) {
        return referral.ownerUserId() != null && referral.ownerUserId().equals(subject.userId());
    }

    private static boolean holdsAny(Subject subject, Set<Role> roles) {
        return subject.roles().stream().anyMatch(roles::contains);
    }
}
