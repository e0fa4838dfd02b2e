package uk.gov.inspectorates.portal.core.referral;

import java.time.Instant;
import java.util.List;

/**
 * A referral as given by the referring inspector, unchecked: the agency referred to (its organisation id), the case
 * numbers, the category (1 or 2), the issues that led to it and when the response is required. Null where not given.
 */
public record ReferralDraft(String agencyId, List<String> caseNumbers, Integer category, String issues,
                            Instant responseRequiredBy) {
    public ReferralDraft {
        caseNumbers = caseNumbers == null ? List.of() : caseNumbers.stream().map(n -> n == null ? "" : n).toList();
    }
}
