package uk.gov.inspectorates.portal.core.findings;

import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.inspection.Inspection;

/** An upload to a findings letter checked before its bytes are read: the inspection, what it is, its marking. */
public record FindingsLetterTarget(Inspection inspection, FindingsDocument.Kind kind, Classification classification) {
}
