package uk.gov.inspectorates.portal.core.testdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.letter.LetterOnwardSharing;
import uk.gov.inspectorates.portal.core.letter.LetterOnwardSharings;
import uk.gov.inspectorates.portal.core.report.OnwardSharing.Status;

public final class InMemoryLetterOnwardSharings implements LetterOnwardSharings {

    private final List<LetterOnwardSharing> sharings = new ArrayList<>();

    @Override
    public synchronized void add(LetterOnwardSharing sharing) {
        sharings.add(sharing);
    }

    @Override
    public synchronized Optional<LetterOnwardSharing> find(String letterId, String sharingId) {
        return sharings.stream().filter(s -> s.letterId().equals(letterId) && s.id().equals(sharingId)).findFirst();
    }

    @Override
    public synchronized boolean decide(LetterOnwardSharing decided) {
        for (int i = 0; i < sharings.size(); i++) {
            LetterOnwardSharing current = sharings.get(i);
            if (current.id().equals(decided.id()) && current.status() == Status.CONSENT_REQUESTED) {
                sharings.set(i, decided);
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized List<LetterOnwardSharing> ofLetter(String letterId) {
        return sharings.stream().filter(s -> s.letterId().equals(letterId)).toList();
    }

    public synchronized List<LetterOnwardSharing> all() {
        return List.copyOf(sharings);
    }
}
