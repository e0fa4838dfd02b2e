package uk.gov.inspectorates.portal.core.classification;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A GSC marking: a tier and, for OFFICIAL-SENSITIVE, an optional descriptor such as PERSONAL. */
public record Classification(Tier tier, String descriptor) {

    public Classification {
        Objects.requireNonNull(tier, "tier");
        descriptor = descriptor == null || descriptor.isBlank() ? null : descriptor.strip().toUpperCase(Locale.UK);
    }

    public static Classification of(Tier tier) {
        return new Classification(tier, null);
    }

    public Optional<String> optionalDescriptor() {
        return Optional.ofNullable(descriptor);
    }

    /** The marking as it stands in capitals at the top and bottom of every page. */
    public String marking() {
        return descriptor == null ? tier.marking() : tier.marking() + " " + descriptor;
    }

    public String defaultHandlingInstructions() {
        return switch (tier) {
            case OFFICIAL -> "Handle as OFFICIAL. Share only with authorised reviewers.";
            case OFFICIAL_SENSITIVE -> "OFFICIAL-SENSITIVE: share only with named authorised reviewers on a need-to-know "
                    + "basis. Do not forward, print or copy outside the portal.";
            case SECRET, TOP_SECRET -> throw new IllegalStateException(tier + " material is not permitted in the portal");
        };
    }
}
