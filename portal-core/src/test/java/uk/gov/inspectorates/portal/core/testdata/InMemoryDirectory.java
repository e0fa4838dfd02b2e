package uk.gov.inspectorates.portal.core.testdata;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.Team;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;

/** The organisation directory in memory; {@link #withDemoOrganisations()} holds the demo areas, organisations and teams. */
public final class InMemoryDirectory implements OrganisationDirectory {

    private final Map<String, Organisation> organisations = new LinkedHashMap<>();
    private final Map<String, LocalAuthorityArea> areas = new LinkedHashMap<>();
    private final Map<String, Team> teams = new LinkedHashMap<>();
    private final Map<String, UserAccount> users = new LinkedHashMap<>();

    public static InMemoryDirectory withDemoOrganisations() {
        InMemoryDirectory directory = new InMemoryDirectory();
        DemoDirectory.localAuthorityAreas().forEach(directory::saveLocalAuthorityArea);
        DemoDirectory.organisations().forEach(directory::saveOrganisation);
        DemoDirectory.teams().forEach(directory::saveTeam);
        return directory;
    }

    @Override
    public Optional<Organisation> findOrganisation(String id) {
        return Optional.ofNullable(organisations.get(id));
    }

    @Override
    public List<Organisation> organisations() {
        return organisations.values().stream().sorted(Comparator.comparing(Organisation::name)).toList();
    }

    @Override
    public List<Team> teamsOf(String organisationId) {
        return teams.values().stream().filter(team -> team.organisationId().equals(organisationId))
                .sorted(Comparator.comparing(Team::name)).toList();
    }

    @Override
    public Optional<UserAccount> findUserByUsername(String username) {
        return users.values().stream().filter(user -> user.username().equals(username)).findFirst();
    }

    @Override
    public Optional<UserAccount> findUser(String id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public void saveOrganisation(Organisation organisation) {
        organisations.put(organisation.id(), organisation);
    }

    @Override
    public void saveTeam(Team team) {
        teams.put(team.id(), team);
    }

    @Override
    public void saveUser(UserAccount user) {
        users.put(user.id(), user);
    }

    @Override
    public List<LocalAuthorityArea> localAuthorityAreas() {
        return List.copyOf(areas.values());
    }

    @Override
    public Optional<LocalAuthorityArea> findLocalAuthorityArea(String id) {
        return Optional.ofNullable(areas.get(id));
    }

    @Override
    public void saveLocalAuthorityArea(LocalAuthorityArea area) {
        areas.put(area.id(), area);
    }

    @Override
    public Optional<Team> findTeam(String id) {
        return Optional.ofNullable(teams.get(id));
    }

    @Override
    public List<UserAccount> usersOf(String organisationId) {
        return users.values().stream().filter(user -> user.organisationId().equals(organisationId))
                .sorted(Comparator.comparing(UserAccount::displayName)).toList();
    }
}
