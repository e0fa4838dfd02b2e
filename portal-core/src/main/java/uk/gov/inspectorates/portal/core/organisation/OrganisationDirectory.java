package uk.gov.inspectorates.portal.core.organisation;

import java.util.List;
import java.util.Optional;

/** The organisations, their teams and their people. */
public interface OrganisationDirectory {

    Optional<Organisation> findOrganisation(String id);

    List<Organisation> organisations();

    List<Team> teamsOf(String organisationId);

    Optional<UserAccount> findUserByUsername(String username);

    Optional<UserAccount> findUser(String id);

    /** Adds or replaces (by id). */
    void saveOrganisation(Organisation organisation);

    /** Adds or replaces (by id). */
    void saveTeam(Team team);

    /** Adds or replaces (by id). */
    void saveUser(UserAccount user);
}
