package uk.gov.inspectorates.portal.core.referral;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** One step of a referral after it is raised, taken at one stage and leading to the next. */
public enum ReferralStep {
    /** The agency's response and explanation (text). */
    RESPONSE(ReferralStage.AWAITING_AGENCY_RESPONSE, ReferralStage.AWAITING_EVALUATION, true),
    /** The referring inspector's evaluation of the information the agency provided (text). */
    EVALUATION(ReferralStage.AWAITING_EVALUATION, ReferralStage.AWAITING_CHIEF_OFFICER_SIGN_OFF, true),
    /** The agency's chief officer confirms they have seen the final version. */
    CHIEF_OFFICER_SIGN_OFF(ReferralStage.AWAITING_CHIEF_OFFICER_SIGN_OFF,
            ReferralStage.AWAITING_LEAD_INSPECTOR_SIGN_OFF, false),
    /** The lead inspector confirms it too: the review is complete. */
    LEAD_INSPECTOR_SIGN_OFF(ReferralStage.AWAITING_LEAD_INSPECTOR_SIGN_OFF, ReferralStage.SIGNED_OFF, false);

    private final ReferralStage takenAt;
    private final ReferralStage leadsTo;
    private final boolean hasText;

    ReferralStep(ReferralStage takenAt, ReferralStage leadsTo, boolean hasText) {
        this.takenAt = takenAt;
        this.leadsTo = leadsTo;
        this.hasText = hasText;
    }

    public ReferralStage takenAt() {
        return takenAt;
    }

    public ReferralStage leadsTo() {
        return leadsTo;
    }

    /** Whether the step records a text (a response, an evaluation) rather than a signature. */
    public boolean hasText() {
        return hasText;
    }

    /** The step a name gives ({@code RESPONSE}, {@code chief-officer-sign-off}, ...), if any. */
    public static Optional<ReferralStep> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(step -> step.name().equals(wanted)).findFirst();
    }
}
