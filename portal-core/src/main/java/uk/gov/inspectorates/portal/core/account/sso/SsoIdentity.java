package uk.gov.inspectorates.portal.core.account.sso;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * A person as vouched for by their inspectorate's identity provider, read only from the validated assertion:
 * the inspectorate whose identity provider signed it, the NameID, the session index (for single logout), when they
 * authenticated, and the assertion's attributes by name (mapped to organisation, teams and roles elsewhere).
 */
public record SsoIdentity(Inspectorate inspectorate, String nameId, String sessionIndex, Instant authenticatedAt,
                          Map<String, List<String>> attributes) {
    public SsoIdentity {
        Objects.requireNonNull(inspectorate, "inspectorate");
        Objects.requireNonNull(nameId, "nameId");
        attributes = Map.copyOf(attributes);
    }

    public List<String> attribute(String name) {
        return attributes.getOrDefault(name, List.of());
    }
}
