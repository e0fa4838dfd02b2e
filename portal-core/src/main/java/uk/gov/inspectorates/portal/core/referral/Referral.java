package uk.gov.inspectorates.portal.core.referral;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * A referral of concern about a child back to a local agency (JTAI §74, Annex C): the case numbers (identifiers, never
 * names), the category, the issues that led to it and when the agency's response is required, then each step taken in
 * order. The steps are never changed once taken.
 *
 * @param referredBy the referring inspector (their id and name as on the form)
 */
public record Referral(String id, String inspectionId, String agencyId, ReferralEntry referredBy,
                       List<String> caseNumbers, ReferralCategory category, String issues,
                       Instant responseRequiredBy, Map<ReferralStep, ReferralEntry> steps) {

    public Referral {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(inspectionId, "inspectionId");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(referredBy, "referredBy");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(issues, "issues");
        Objects.requireNonNull(responseRequiredBy, "responseRequiredBy");
        caseNumbers = List.copyOf(caseNumbers);
        if (caseNumbers.isEmpty()) {
            throw new IllegalArgumentException("a referral names at least one case");
        }
        steps = steps.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(steps));
        // the steps are taken in order: no step without the one before it
        boolean gap = false;
        for (ReferralStep step : ReferralStep.values()) {
            if (steps.containsKey(step) && gap) {
                throw new IllegalArgumentException("step " + step + " without the steps before it");
            }
            gap |= !steps.containsKey(step);
        }
    }

    public Instant raisedAt() {
        return referredBy.at();
    }

    public ReferralStage stage() {
        for (ReferralStep step : ReferralStep.values()) {
            if (!steps.containsKey(step)) {
                return step.takenAt();
            }
        }
        return ReferralStage.SIGNED_OFF;
    }

    public Optional<ReferralEntry> step(ReferralStep step) {
        return Optional.ofNullable(steps.get(step));
    }

    /** The referral with one more step taken: the one its stage waits for. */
    public Referral with(ReferralStep step, ReferralEntry entry) {
        if (stage().awaits().filter(step::equals).isEmpty()) {
            throw new IllegalStateException("a referral " + stage() + " does not take " + step);
        }
        Map<ReferralStep, ReferralEntry> taken = new EnumMap<>(ReferralStep.class);
        taken.putAll(steps);
        taken.put(step, entry);
        return new Referral(id, inspectionId, agencyId, referredBy, caseNumbers, category, issues, responseRequiredBy,
                taken);
    }

    /** A category 1 referral not yet signed off by both sides: flagged on both sides' pages. */
    public boolean seriousAndOpen() {
        return category.serious() && stage() != ReferralStage.SIGNED_OFF;
    }

    /** Whether the agency's response is late at {@code now}. */
    public boolean responseOverdue(Instant now) {
        return stage() == ReferralStage.AWAITING_AGENCY_RESPONSE && now.isAfter(responseRequiredBy);
    }

    /**
     * As the access policy sees it at its stage: the inspection's lead inspectorate and participants, the agency
     * referred to, and the person whose turn it is where the step is one person's ({@code leadInspectorUserId}: the
     * inspection's lead inspector, who signs off last).
     */
    public Resource asResource(Inspectorate leadInspectorate, Set<Inspectorate> participants,
                               String leadInspectorUserId) {
        ReferralStage stage = stage();
        String personToAct = switch (stage) {
            case AWAITING_EVALUATION -> referredBy.byUserId();
            case AWAITING_LEAD_INSPECTOR_SIGN_OFF -> leadInspectorUserId;
            default -> null;
        };
        return Resource.referral(id, leadInspectorate, participants, agencyId, stage.asLifecycle(), personToAct);
    }
}
