package uk.gov.inspectorates.portal.core.organisation;

import java.util.Objects;
import java.util.Set;

/** A person who may sign in, with the organisation they belong to, their roles and their teams. */
public record UserAccount(String id, String username, String displayName, String organisationId, Set<Role> roles,
                          Set<String> teamIds, String passwordHash) {
    public UserAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(organisationId, "organisationId");
        roles = Set.copyOf(roles);
        teamIds = Set.copyOf(teamIds);
    }
}
