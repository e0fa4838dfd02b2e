package uk.gov.inspectorates.portal.core.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import uk.gov.inspectorates.portal.core.organisation.Role;

/** An invitation to an agency account; the link's token is known only by its hash. */
public record Invitation(String id, String tokenHash, String displayName, String email, String organisationId,
                         Set<Role> roles, String invitedBy, Instant createdAt, Instant expiresAt, Instant acceptedAt) {

    public Invitation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(organisationId, "organisationId");
        roles = Set.copyOf(roles);
    }

    /** The username the account will have: the e-mail address, in lower case. */
    public String username() {
        return email.toLowerCase(java.util.Locale.ROOT);
    }

    public boolean open(Instant now) {
        return acceptedAt == null && now.isBefore(expiresAt);
    }
}
