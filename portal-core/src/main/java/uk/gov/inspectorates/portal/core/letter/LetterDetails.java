package uk.gov.inspectorates.portal.core.letter;

import java.util.Objects;
import java.util.Set;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/** A checked {@link LetterDraft}. The constructor is the last line of defence behind the validator. */
public record LetterDetails(LetterKind kind, Set<Inspectorate> addressedTo, Classification classification,
                            String handlingInstructions, boolean serviceProviderNotifiedFirst, String riskSummary) {

    public LetterDetails {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(handlingInstructions, "handlingInstructions");
        addressedTo = Set.copyOf(addressedTo);
        if (addressedTo.isEmpty()) {
            throw new IllegalArgumentException("a letter is addressed to at least one party");
        }
        if (!classification.tier().permittedInPortal()) {
            throw new IllegalArgumentException(classification.tier() + " is not permitted in the portal");
        }
        if (!serviceProviderNotifiedFirst) {
            throw new IllegalArgumentException("every letter records that the service provider was notified first"
                    + " (ISP ¶7)");
        }
        if (kind == LetterKind.ADVANCE_RISK_OF_HARM && riskSummary == null) {
            throw new IllegalArgumentException("an advance letter records its risk summary");
        }
    }
}
