package uk.gov.inspectorates.portal.core.classification;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import uk.gov.inspectorates.portal.core.shared.FieldError;

/**
 * A classification as a sharer gives it (tier and optional descriptor), checked the same way for reports and
 * letters: SECRET and TOP SECRET are refused, and a descriptor goes with OFFICIAL-SENSITIVE only.
 */
public final class GivenClassification {

    public static final Set<String> DESCRIPTORS = Set.of("PERSONAL", "COMMERCIAL", "LOCSEN");

    private GivenClassification() {
    }

    /** The classification, or null with the errors (fields {@code classification.tier|descriptor}) added. */
    public static Classification checked(String givenTier, String givenDescriptor, String missingMessage,
                                         List<FieldError> errors) {
        if (givenTier == null || givenTier.isBlank()) {
            errors.add(new FieldError("classification.tier", missingMessage));
            return null;
        }
        Tier tier;
        try {
            tier = Tier.valueOf(givenTier.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("classification.tier",
                    "The security classification must be OFFICIAL or OFFICIAL-SENSITIVE"));
            return null;
        }
        if (!tier.permittedInPortal()) {
            errors.add(new FieldError("classification.tier", tier.marking()
                    + " material must never be shared through the portal: it holds OFFICIAL and OFFICIAL-SENSITIVE only"));
            return null;
        }
        Classification classification = new Classification(tier, givenDescriptor);
        String descriptor = classification.descriptor();
        if (descriptor != null && tier != Tier.OFFICIAL_SENSITIVE) {
            errors.add(new FieldError("classification.descriptor",
                    "A descriptor can only be added to OFFICIAL-SENSITIVE"));
            return null;
        }
        if (descriptor != null && !DESCRIPTORS.contains(descriptor)) {
            errors.add(new FieldError("classification.descriptor",
                    "The descriptor must be one of " + String.join(", ", DESCRIPTORS.stream().sorted().toList())));
            return null;
        }
        return classification;
    }
}
