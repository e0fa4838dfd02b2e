package uk.gov.inspectorates.portal.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.web.api.JtaiNames;
import uk.gov.inspectorates.portal.core.referral.Referral;
import uk.gov.inspectorates.portal.core.referral.ReferralService;

/**
 * The category 1 banner (templates/category-1-banner.mustache): every category 1 referral not yet signed off that the
 * reader may see, flagged on the inspection's page (both sides) and on an agency's own pages. It says only that a
 * referral is open, to which agency and by when; the case details are on the referral's page (whose opening is
 * audited).
 */
@ApplicationScoped
public class SeriousConcernBanner {

    @Inject
    ReferralService referrals;

    @Inject
    JtaiNames names;

    /** On an inspection's pages. */
    Map<String, Object> inInspection(Subject subject, String inspectionId) {
        return shown(referrals.seriousConcernsFor(subject, inspectionId));
    }

    /** On an agency's own pages (its "what is due" page, the inspections list): none for inspectorate staff. */
    Map<String, Object> forAgencyOf(Subject subject) {
        return shown(referrals.seriousConcernsFor(subject, null));
    }

    /** {@code any}: whether to show the banner; {@code items}: the referrals, soonest response first. */
    private Map<String, Object> shown(List<Referral> open) {
        return Map.of("any", !open.isEmpty(), "items", items(open));
    }

    private List<Map<String, Object>> items(List<Referral> open) {
        return open.stream().map(referral -> Map.<String, Object>of(
                "link", "/inspections/" + referral.inspectionId() + "/referrals/" + referral.id(),
                "agency", names.agency(referral.agencyId()),
                "requiredBy", ReferralPages.when(referral.responseRequiredBy()),
                "stage", referral.stage().title())).toList();
    }
}
