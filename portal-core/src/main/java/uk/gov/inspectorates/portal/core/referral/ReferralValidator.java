package uk.gov.inspectorates.portal.core.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;

/** Checks a referral's details against its inspection: every failing field at once, in words the inspector can act on. */
final class ReferralValidator {

    static final int MAX_TEXT = 10_000;

    private final OrganisationDirectory directory;

    ReferralValidator(OrganisationDirectory directory) {
        this.directory = directory;
    }

    record Checked(Organisation agency, List<String> caseNumbers, ReferralCategory category, String issues,
                   Instant responseRequiredBy) {
    }

    Checked check(ReferralDraft draft, ReferringInspection inspection, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Organisation agency = agency(draft.agencyId(), inspection, errors);
        List<String> caseNumbers = CaseNumbers.check(draft.caseNumbers(), errors);
        ReferralCategory category = draft.category() == null ? null
                : ReferralCategory.of(draft.category()).orElse(null);
        if (category == null) {
            errors.add(new FieldError("category", "Choose category 1 (serious issue of concern) or category 2"));
        }
        String issues = text(draft.issues(), "issues", "Say what the issues are that led to the case being referred",
                errors);
        if (draft.responseRequiredBy() == null) {
            errors.add(new FieldError("responseRequiredBy", "Say when the agency's response is required by"));
        } else if (!draft.responseRequiredBy().isAfter(now)) {
            errors.add(new FieldError("responseRequiredBy", "The response must be required by a time in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Checked(agency, caseNumbers, category, issues, draft.responseRequiredBy());
    }

    /** A response's or an evaluation's text: given, and not too long. */
    static String stepText(String given, String field, String missing) {
        List<FieldError> errors = new ArrayList<>();
        String text = text(given, field, missing, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return text;
    }

    private Organisation agency(String agencyId, ReferringInspection inspection, List<FieldError> errors) {
        if (agencyId == null || agencyId.isBlank()) {
            errors.add(new FieldError("agency", "Choose the agency the concern is referred to"));
            return null;
        }
        Optional<Organisation> agency = directory.findOrganisation(agencyId.strip())
                .filter(found -> !found.isInspectorate() && inspection.areaId().equals(found.localAuthorityArea()));
        if (agency.isEmpty()) {
            errors.add(new FieldError("agency", "Choose an agency of the inspected area"));
            return null;
        }
        return agency.get();
    }

    private static String text(String given, String field, String missing, List<FieldError> errors) {
        String text = given == null ? "" : given.strip();
        if (text.isEmpty()) {
            errors.add(new FieldError(field, missing));
        } else if (text.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "Keep it to " + MAX_TEXT + " characters or fewer"));
        }
        return text;
    }
}
