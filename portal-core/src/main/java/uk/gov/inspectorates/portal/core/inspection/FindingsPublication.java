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
}
