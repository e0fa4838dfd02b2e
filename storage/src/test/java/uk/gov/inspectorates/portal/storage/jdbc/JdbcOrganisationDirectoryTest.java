package uk.gov.inspectorates.portal.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.Team;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/**
 * The directory on a real PostgreSQL: areas, teams, people of an organisation, activation; and the migration that
 * turned the agencies' area names into areas of their own.
 */
class JdbcOrganisationDirectoryTest {

    private static DataSource dataSource;
    private static JdbcOrganisationDirectory directory;

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.dataSource(TestDatabases.createEmpty());
        List<Path> scripts = migrationScripts();
        run(scripts.stream().filter(script -> version(script) < 6).toList());
        execute("insert into organisation (id, name, agency_type, local_authority_area) values "
                + "('eastmoor-police', 'Eastmoor Police', 'POLICE_FORCE', 'East Moor')");
        run(scripts.stream().filter(script -> version(script) >= 6).toList());
        directory = new JdbcOrganisationDirectory(dataSource);
        DemoDirectory.localAuthorityAreas().forEach(directory::saveLocalAuthorityArea);
        DemoDirectory.organisations().forEach(directory::saveOrganisation);
        DemoDirectory.teams().forEach(directory::saveTeam);
    }

    @Test
    void theMigrationMadeAnAreaOfEachAreaNameAnAgencyHad() {
        assertEquals(Optional.of(new LocalAuthorityArea("east-moor", "East Moor")),
                directory.findLocalAuthorityArea("east-moor"));
        assertEquals("east-moor", directory.findOrganisation("eastmoor-police").orElseThrow().localAuthorityArea());
    }

    @Test
    void areasAreSavedFoundListedByNameAndRenamed() {
        directory.saveLocalAuthorityArea(new LocalAuthorityArea("a-westmoor", "Westmoor"));
        directory.saveLocalAuthorityArea(new LocalAuthorityArea("a-westmoor", "West Moor"));

        assertEquals(Optional.of(new LocalAuthorityArea("a-westmoor", "West Moor")),
                directory.findLocalAuthorityArea("a-westmoor"));
        List<String> names = directory.localAuthorityAreas().stream().map(LocalAuthorityArea::name).toList();
        assertEquals(names.stream().sorted().toList(), names);
        assertTrue(names.contains("Northdale"));
        assertEquals(Optional.empty(), directory.findLocalAuthorityArea("nowhere"));
    }

    @Test
    void anAgencyMustBeInAnAreaThatExists() {
        assertThrows(DataAccessException.class, () -> directory.saveOrganisation(
                Organisation.agency("lost-police", "Lost Police", AgencyType.POLICE_FORCE, "no-such-area")));
        assertEquals(Optional.empty(), directory.findOrganisation("lost-police"));
    }

    @Test
    void aTeamIsFoundByIdAndItsChangesAreKept() {
        directory.saveTeam(new Team("t-early-years", "ofsted", "Early years", false));
        directory.saveTeam(new Team("t-early-years", "ofsted", "Early years policy", true));

        assertEquals(Optional.of(new Team("t-early-years", "ofsted", "Early years policy", true)),
                directory.findTeam("t-early-years"));
        assertTrue(directory.teamsOf("ofsted").contains(directory.findTeam("t-early-years").orElseThrow()));
        assertEquals(Optional.empty(), directory.findTeam("t-none"));
    }

    @Test
    void peopleOfAnOrganisationComeWithTheirActivationRolesAndTeams() {
        String team = Inspectorate.HMIC.organisationId() + "/inspection-team";
        directory.saveUser(new UserAccount("p-zoe", "zoe.hmic", "Zoe", "hmic", Set.of(Role.INSPECTOR), Set.of(team),
                "hash-z"));
        directory.saveUser(new UserAccount("p-ann", "ann.hmic", "Ann", "hmic", Set.of(Role.ADMINISTRATOR, Role.SIRO),
                Set.of(), "hash-a"));
        directory.saveUser(new UserAccount("p-cqc", "bob.cqc", "Bob", "cqc", Set.of(Role.INSPECTOR), Set.of(), null));

        directory.saveUser(directory.findUser("p-zoe").orElseThrow().withActive(false));

        List<UserAccount> people = directory.usersOf("hmic");
        assertEquals(List.of("p-ann", "p-zoe"), people.stream().map(UserAccount::id).toList());
        UserAccount zoe = people.get(1);
        assertFalse(zoe.active());
        assertEquals(Set.of(team), zoe.teamIds());
        assertTrue(people.get(0).active());
        assertEquals(Set.of(Role.ADMINISTRATOR, Role.SIRO), people.get(0).roles());
        assertFalse(directory.findUserByUsername("zoe.hmic").orElseThrow().active());

        directory.saveUser(zoe.withActive(true).withRolesAndTeams(Set.of(Role.LEAD_INSPECTOR), Set.of()));
        UserAccount again = directory.findUser("p-zoe").orElseThrow();
        assertTrue(again.active());
        assertEquals(Set.of(Role.LEAD_INSPECTOR), again.roles());
        assertEquals(Set.of(), again.teamIds());
    }

    private static List<Path> migrationScripts() throws Exception {
        Path folder = Path.of(JdbcOrganisationDirectoryTest.class.getClassLoader().getResource("db/migration").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(JdbcOrganisationDirectoryTest::version)).toList();
        }
    }

    private static int version(Path script) {
        return Integer.parseInt(script.getFileName().toString().substring(1).split("__")[0]);
    }

    private static void run(List<Path> scripts) throws Exception {
        for (Path script : scripts) {
            execute(Files.readString(script));
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
