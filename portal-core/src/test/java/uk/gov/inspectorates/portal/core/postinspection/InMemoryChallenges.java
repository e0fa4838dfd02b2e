package uk.gov.inspectorates.portal.core.postinspection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

final class InMemoryChallenges implements Challenges {

    private final List<Challenge> challenges = new ArrayList<>();

    @Override
    public void add(Challenge challenge) {
        challenges.add(challenge);
    }

    @Override
    public Optional<Challenge> find(String inspectionId, String challengeId) {
        return challenges.stream().filter(c -> c.inspectionId().equals(inspectionId) && c.id().equals(challengeId))
                .findFirst();
    }

    @Override
    public List<Challenge> ofInspection(String inspectionId) {
        return challenges.stream().filter(c -> c.inspectionId().equals(inspectionId)).toList();
    }

    @Override
    public List<Challenge> unanswered() {
        return challenges.stream().filter(c -> !c.answered()).toList();
    }

    @Override
    public boolean acknowledge(String challengeId, Instant at, String by) {
        return change(challengeId, Challenge::awaitingAcknowledgement, c -> c.acknowledged(at, by));
    }

    @Override
    public boolean respond(String challengeId, Instant at, String by, String response) {
        return change(challengeId, c -> !c.answered(), c -> c.answered(at, by, response));
    }

    private boolean change(String id, java.util.function.Predicate<Challenge> when, UnaryOperator<Challenge> how) {
        for (int i = 0; i < challenges.size(); i++) {
            Challenge challenge = challenges.get(i);
            if (challenge.id().equals(id) && when.test(challenge)) {
                challenges.set(i, how.apply(challenge));
                return true;
            }
        }
        return false;
    }
}
