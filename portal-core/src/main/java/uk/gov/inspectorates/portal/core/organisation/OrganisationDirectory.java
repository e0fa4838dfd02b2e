package uk.gov.inspectorates.portal.core.organisation;

import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** The organisations, their teams and their people. */
@PersistencePort
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

    /**
     * Puts exactly the given teams of the organisation on its reader list and takes the others off. Stores that can
     * change several rows at once override this to do it in one step.
     */
    default void setReaderList(String organisationId, java.util.Set<String> readerTeamIds) {
        for (Team team : teamsOf(organisationId)) {
            boolean reader = readerTeamIds.contains(team.id());
            if (team.onReaderList() != reader) {
                saveTeam(new Team(team.id(), team.organisationId(), team.name(), reader));
            }
        }
    }

    /** Adds or replaces (by id). */
    void saveUser(UserAccount user);

    // The methods below came with the administration pages; their defaults only keep other implementations
    // (test fakes) compiling: the portal's directory implements every one.

    default List<LocalAuthorityArea> localAuthorityAreas() {
        throw new UnsupportedOperationException("local authority areas");
    }

    default Optional<LocalAuthorityArea> findLocalAuthorityArea(String id) {
        throw new UnsupportedOperationException("local authority areas");
    }

    /** Adds or replaces (by id). */
    default void saveLocalAuthorityArea(LocalAuthorityArea area) {
        throw new UnsupportedOperationException("local authority areas");
    }

    default Optional<Team> findTeam(String id) {
        throw new UnsupportedOperationException("find a team");
    }

    /** The people of an organisation, active or not, by display name. */
    default List<UserAccount> usersOf(String organisationId) {
        throw new UnsupportedOperationException("people of an organisation");
    }
}
