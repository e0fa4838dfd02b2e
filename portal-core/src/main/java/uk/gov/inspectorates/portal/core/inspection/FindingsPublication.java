package uk.gov.inspectorates.portal.core.inspection;

import java.time.Instant;
import java.util.Optional;

/**
 * When an inspection's findings letter was (or is scheduled to be) published, if it has been: the lead inspector may
 * close the inspection after it, and the statement of proposed action, challenges and complaints count from it
 * (JTAI timeline day 43, Annex D).
 */
public interface FindingsPublication {

    Optional<Instant> findingsLetterPublishedAt(String inspectionId);

    /**
     * When the pre-publication findings letter was sent to the local agencies (JTAI day 41), from which the statement
     * of proposed action's 70 working days count ("within 70 working days of the letter being sent to the local
     * agencies", JTAI timeline). An implementation that does not know it answers the publication, which comes later.
     */
    default Optional<Instant> findingsLetterSentAt(String inspectionId) {
        return findingsLetterPublishedAt(inspectionId);
    }
}
