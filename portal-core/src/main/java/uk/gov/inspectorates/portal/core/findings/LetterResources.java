package uk.gov.inspectorates.portal.core.findings;

import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.inspection.Inspection;

/** How the policy sees a findings letter and its documents (FindingsLetterRules). */
final class LetterResources {

    private LetterResources() {
    }

    /** The letter: read by the DCS once it was sent to them. */
    static Resource letter(Inspection inspection, FindingsLetter letter) {
        return Resource.findingsLetter(inspection.id(), inspection.leadInspectorate(), inspection.participants(),
                letter.check().map(AccuracyCheck::dcsUserId).orElse(null), null);
    }

    /** A document: the DCS reads the version sent to them and the comments, no other version. */
    static Resource document(Inspection inspection, FindingsLetter letter, FindingsDocument document) {
        AccuracyCheck check = letter.accuracyCheck();
        boolean comments = document.kind() == FindingsDocument.Kind.COMMENTS;
        boolean forDcs = check != null && (comments || document.version() == check.version());
        return Resource.findingsLetter(inspection.id(), inspection.leadInspectorate(), inspection.participants(),
                forDcs ? check.dcsUserId() : null, comments && check != null ? check.dcsAgencyId() : null);
    }

    /**
     * The partnership's comments, which belong to the DCS's agency; before the letter is sent there is no DCS, and
     * the comments belong to no agency of anyone (the area's id stands in, which is no organisation's).
     */
    static Resource comments(Inspection inspection, FindingsLetter letter) {
        AccuracyCheck check = letter.accuracyCheck();
        return Resource.findingsLetter(inspection.id(), inspection.leadInspectorate(), inspection.participants(),
                check == null ? null : check.dcsUserId(),
                check == null ? "area:" + inspection.localAuthorityAreaId() : check.dcsAgencyId());
    }
}
