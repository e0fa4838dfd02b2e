package uk.gov.inspectorates.portal.core.referral;

import uk.gov.inspectorates.portal.core.access.Resource;

/**
 * Where a referral is in its one order of steps (JTAI §74, docs/adr/0022): the agency responds, the referring inspector
 * evaluates the response, the agency's chief officer signs off, and the inspection's lead inspector signs off last.
 */
public enum ReferralStage {
    AWAITING_AGENCY_RESPONSE("Awaiting the agency's response"),
    AWAITING_EVALUATION("Awaiting the inspector's evaluation"),
    AWAITING_CHIEF_OFFICER_SIGN_OFF("Awaiting the chief officer's sign-off"),
    AWAITING_LEAD_INSPECTOR_SIGN_OFF("Awaiting the lead inspector's sign-off"),
    SIGNED_OFF("Signed off");

    private final String title;

    ReferralStage(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** As the access policy sees the stage: it says whose turn it is. */
    public Resource.Lifecycle asLifecycle() {
        return Resource.Lifecycle.valueOf(name());
    }

    /** The step this stage waits for; none once signed off. */
    public java.util.Optional<ReferralStep> awaits() {
        return java.util.Arrays.stream(ReferralStep.values()).filter(step -> step.takenAt() == this).findFirst();
    }
}
