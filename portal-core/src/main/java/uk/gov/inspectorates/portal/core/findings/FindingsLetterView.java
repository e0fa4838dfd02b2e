package uk.gov.inspectorates.portal.core.findings;

import java.util.List;
import java.util.Set;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * A findings letter as one person may see it: its stage, due dates, the documents they may open, the sign-offs
 * (inspectorate staff only: empty for the DCS), the inspectorates still to sign off, and what they may do now.
 */
public record FindingsLetterView(Inspection inspection, FindingsLetter letter, FindingsLetterStage stage,
                                 FindingsLetterDueDates dueDates, List<FindingsDocument> documents,
                                 List<SignOff> signOffs, Set<Inspectorate> awaitingSignOff, Set<Step> mayTake) {

    /** What a person may do next with the letter, as the policy and the stage allow (for offering forms). */
    public enum Step { UPLOAD_VERSION, SIGN_OFF, SEND_TO_DCS, UPLOAD_COMMENTS, ISSUE }

    public FindingsLetterView {
        documents = List.copyOf(documents);
        signOffs = List.copyOf(signOffs);
        awaitingSignOff = Set.copyOf(awaitingSignOff);
        mayTake = Set.copyOf(mayTake);
    }
}
