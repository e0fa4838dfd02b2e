package uk.gov.inspectorates.portal.core.organisation;

import java.util.Objects;
import java.util.Set;

/**
 * A person who may sign in, with the organisation they belong to, their roles and their teams. A deactivated
 * person cannot sign in, and their open sessions end at their next request.
 */
public record UserAccount(String id, String username, String displayName, String organisationId, Set<Role> roles,
                          Set<String> teamIds, String passwordHash, boolean active) {
    public UserAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(organisationId, "organisationId");
        roles = Set.copyOf(roles);
        teamIds = Set.copyOf(teamIds);
    }

    /** An active account. */
    public UserAccount(String id, String username, String displayName, String organisationId, Set<Role> roles,
                       Set<String> teamIds, String passwordHash) {
        this(id, username, displayName, organisationId, roles, teamIds, passwordHash, true);
    }

    public UserAccount withRolesAndTeams(Set<Role> newRoles, Set<String> newTeamIds) {
        return new UserAccount(id, username, displayName, organisationId, newRoles, newTeamIds, passwordHash, active);
    }

    public UserAccount withActive(boolean nowActive) {
        return new UserAccount(id, username, displayName, organisationId, roles, teamIds, passwordHash, nowActive);
    }
}
