package uk.gov.inspectorates.portal.core.inspection;

import uk.gov.inspectorates.portal.core.classification.Classification;

/** A checked upload's destination: the request it answers, within its inspection, and the classification given. */
public record UploadTarget(Inspection inspection, InformationRequest request, Classification classification) {
}
