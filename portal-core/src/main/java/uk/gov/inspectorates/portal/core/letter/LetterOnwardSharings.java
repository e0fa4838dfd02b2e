package uk.gov.inspectorates.portal.core.letter;

import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** Where letters' onward-sharing records are kept (they go with their letter when it is removed). */
@PersistencePort
public interface LetterOnwardSharings {

    void add(LetterOnwardSharing sharing);

    Optional<LetterOnwardSharing> find(String letterId, String sharingId);

    /** Records the sender's answer to a consent request still waiting for one: false otherwise. */
    boolean decide(LetterOnwardSharing decided);

    /** Oldest first. */
    List<LetterOnwardSharing> ofLetter(String letterId);
}
