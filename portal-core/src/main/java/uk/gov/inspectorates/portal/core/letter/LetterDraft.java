package uk.gov.inspectorates.portal.core.letter;

import java.util.List;

/** What the originator submits about a letter, as given (any field may be missing); {@link LetterValidator} checks it. */
public record LetterDraft(String kind, List<String> addressedTo, String classificationTier,
                          String classificationDescriptor, String handlingInstructions,
                          Boolean serviceProviderNotifiedFirst, String riskSummary) {
}
