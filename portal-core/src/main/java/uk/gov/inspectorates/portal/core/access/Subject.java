package uk.gov.inspectorates.portal.core.access;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.Team;

/** A signed-in person as the authorisation policy sees them. */
public record Subject(String userId, String username, String displayName, Organisation organisation, Set<Role> roles,
                      Set<Team> teams) {

    public Subject {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(organisation, "organisation");
        roles = Set.copyOf(roles);
        teams = Set.copyOf(teams);
    }

    public Optional<Inspectorate> inspectorate() {
        return organisation.asInspectorate();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean onReaderListOf(Inspectorate inspectorate) {
        return teams.stream().anyMatch(team -> team.onReaderList()
                && team.organisationId().equals(inspectorate.organisationId()));
    }
}
