package uk.gov.inspectorates.portal.core.postinspection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** Challenges and complaints about inspections (they go with their inspection when it is removed). */
@PersistencePort
public interface Challenges {

    void add(Challenge challenge);

    /** The challenge, only if it is one of that inspection's. */
    Optional<Challenge> find(String inspectionId, String challengeId);

    /** Earliest received first. */
    List<Challenge> ofInspection(String inspectionId);

    /** Every challenge not yet answered (for what is due). */
    List<Challenge> unanswered();

    /** Records the acknowledgement unless the challenge was acknowledged or answered already: false then. */
    boolean acknowledge(String challengeId, Instant at, String by);

    /** Records the response unless one is recorded already: false then. */
    boolean respond(String challengeId, Instant at, String by, String response);
}
