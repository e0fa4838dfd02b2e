package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.Team;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;

public final class JdbcOrganisationDirectory implements OrganisationDirectory {

    private static final String USER_COLUMNS = "id, username, display_name, organisation_id, roles, password_hash, "
            + "active, array(select team_id from team_membership m where m.user_id = u.id) as team_ids";

    private final Jdbc jdbc;

    public JdbcOrganisationDirectory(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<Organisation> findOrganisation(String id) {
        return jdbc.query("select * from organisation where id = ?", JdbcOrganisationDirectory::organisation, id)
                .stream().findFirst();
    }

    @Override
    public List<Organisation> organisations() {
        return jdbc.query("select * from organisation order by name", JdbcOrganisationDirectory::organisation);
    }

    @Override
    public List<Team> teamsOf(String organisationId) {
        return jdbc.query("select * from team where organisation_id = ? order by name", JdbcOrganisationDirectory::team,
                organisationId);
    }

    @Override
    public Optional<Team> findTeam(String id) {
        return jdbc.query("select * from team where id = ?", JdbcOrganisationDirectory::team, id).stream().findFirst();
    }

    @Override
    public List<LocalAuthorityArea> localAuthorityAreas() {
        return jdbc.query("select * from local_authority_area order by name", JdbcOrganisationDirectory::area);
    }

    @Override
    public Optional<LocalAuthorityArea> findLocalAuthorityArea(String id) {
        return jdbc.query("select * from local_authority_area where id = ?", JdbcOrganisationDirectory::area, id)
                .stream().findFirst();
    }

    @Override
    public void saveLocalAuthorityArea(LocalAuthorityArea area) {
        jdbc.update("insert into local_authority_area (id, name) values (?, ?) "
                + "on conflict (id) do update set name = excluded.name", area.id(), area.name());
    }

    @Override
    public List<UserAccount> usersOf(String organisationId) {
        return jdbc.query("select " + USER_COLUMNS + " from user_account u where organisation_id = ? "
                + "order by display_name, username", JdbcOrganisationDirectory::user, organisationId);
    }

    @Override
    public Optional<UserAccount> findUserByUsername(String username) {
        return jdbc.query("select " + USER_COLUMNS + " from user_account u where username = ?",
                JdbcOrganisationDirectory::user, username).stream().findFirst();
    }

    @Override
    public Optional<UserAccount> findUser(String id) {
        return jdbc.query("select " + USER_COLUMNS + " from user_account u where id = ?",
                JdbcOrganisationDirectory::user, id).stream().findFirst();
    }

    @Override
    public void saveOrganisation(Organisation organisation) {
        jdbc.update("insert into organisation (id, name, inspectorate, agency_type, local_authority_area) "
                        + "values (?, ?, ?, ?, ?) on conflict (id) do update set name = excluded.name, "
                        + "inspectorate = excluded.inspectorate, agency_type = excluded.agency_type, "
                        + "local_authority_area = excluded.local_authority_area",
                organisation.id(), organisation.name(), nameOf(organisation.inspectorate()),
                nameOf(organisation.agencyType()), organisation.localAuthorityArea());
    }

    @Override
    public void saveTeam(Team team) {
        jdbc.update("insert into team (id, organisation_id, name, on_reader_list) values (?, ?, ?, ?) "
                        + "on conflict (id) do update set organisation_id = excluded.organisation_id, "
                        + "name = excluded.name, on_reader_list = excluded.on_reader_list",
                team.id(), team.organisationId(), team.name(), team.onReaderList());
    }

    /** One statement: every team of the organisation on or off the list at once. */
    @Override
    public void setReaderList(String organisationId, java.util.Set<String> readerTeamIds) {
        jdbc.update("update team set on_reader_list = (id = any(?)) where organisation_id = ?",
                readerTeamIds.toArray(String[]::new), organisationId);
    }

    @Override
    public void saveUser(UserAccount user) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "insert into user_account (id, username, display_name, organisation_id, roles, "
                            + "password_hash, active) values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do update set "
                            + "username = excluded.username, display_name = excluded.display_name, "
                            + "organisation_id = excluded.organisation_id, roles = excluded.roles, "
                            + "password_hash = excluded.password_hash, active = excluded.active",
                    user.id(), user.username(), user.displayName(), user.organisationId(),
                    user.roles().stream().map(Enum::name).sorted().toArray(String[]::new), user.passwordHash(),
                    user.active());
            Jdbc.update(connection, "delete from team_membership where user_id = ?", user.id());
            for (String teamId : user.teamIds()) {
                Jdbc.update(connection, "insert into team_membership (user_id, team_id) values (?, ?)",
                        user.id(), teamId);
            }
            return null;
        });
    }

    private static Organisation organisation(ResultSet row) throws SQLException {
        String inspectorate = row.getString("inspectorate");
        String agencyType = row.getString("agency_type");
        return new Organisation(row.getString("id"), row.getString("name"),
                inspectorate == null ? null : Inspectorate.valueOf(inspectorate),
                agencyType == null ? null : AgencyType.valueOf(agencyType), row.getString("local_authority_area"));
    }

    private static UserAccount user(ResultSet row) throws SQLException {
        Set<Role> roles = texts(row.getArray("roles")).stream().map(Role::valueOf).collect(Collectors.toSet());
        return new UserAccount(row.getString("id"), row.getString("username"), row.getString("display_name"),
                row.getString("organisation_id"), roles, texts(row.getArray("team_ids")),
                row.getString("password_hash"), row.getBoolean("active"));
    }

    private static Team team(ResultSet row) throws SQLException {
        return new Team(row.getString("id"), row.getString("organisation_id"), row.getString("name"),
                row.getBoolean("on_reader_list"));
    }

    private static LocalAuthorityArea area(ResultSet row) throws SQLException {
        return new LocalAuthorityArea(row.getString("id"), row.getString("name"));
    }

    static Set<String> texts(Array array) throws SQLException {
        return array == null ? Set.of() : new HashSet<>(Arrays.asList((String[]) array.getArray()));
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
