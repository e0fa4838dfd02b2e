package uk.gov.inspectorates.portal.core.retention;

import java.util.Objects;

/** Who or what removes a scope: a signed-in user (with their organisation), or a named retention policy. */
public record Remover(String actorId, String organisationId, String policy) {

    public Remover {
        if ((actorId == null) == (policy == null)) {
            throw new IllegalArgumentException("a removal is made by a user or by a policy, exactly one of them");
        }
    }

    public static Remover user(String userId, String organisationId) {
        return new Remover(Objects.requireNonNull(userId, "userId"), organisationId, null);
    }

    public static Remover policy(String policyName) {
        return new Remover(null, null, Objects.requireNonNull(policyName, "policyName"));
    }

    String describe() {
        return actorId != null ? "user:" + actorId : "policy:" + policy;
    }
}
