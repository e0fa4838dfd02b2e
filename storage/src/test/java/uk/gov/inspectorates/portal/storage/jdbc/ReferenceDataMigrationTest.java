package uk.gov.inspectorates.portal.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.account.sso.AttributeMapping;
import uk.gov.inspectorates.portal.core.account.sso.SsoIdentity;
import uk.gov.inspectorates.portal.core.account.sso.SsoRefused;
import uk.gov.inspectorates.portal.core.account.sso.StaffSignIn;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.ProtocolReaderLists;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.Team;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/**
 * The inspectorates and the protocol's reader-list teams exist in every environment (V11), not only where demo mode
 * seeds them: on a real PostgreSQL migrated from nothing, with no demo seed, an inspectorate's staff sign in through
 * the service that SAML sign-in uses; on a database that already held them, the migration changes nothing.
 */
class ReferenceDataMigrationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

    private static DataSource fresh;
    private static DataSource beforeReferenceData;
    private static DataSource demoSeededEarlier;

    @BeforeAll
    static void start() throws Exception {
        fresh = database();
        beforeReferenceData = database();
        demoSeededEarlier = database();
        List<Path> scripts = migrationScripts();
        run(fresh, scripts);
        // today's schema without V11's reference data (the refused sign-in is audited in today's audit_event)
        run(beforeReferenceData, scripts.stream().filter(script -> version(script) != 11).toList());

        run(demoSeededEarlier, scripts.stream().filter(script -> version(script) < 11).toList());
        JdbcOrganisationDirectory earlier = new JdbcOrganisationDirectory(demoSeededEarlier);
        DemoDirectory.localAuthorityAreas().forEach(earlier::saveLocalAuthorityArea);
        DemoDirectory.organisations().forEach(earlier::saveOrganisation);
        DemoDirectory.teams().forEach(earlier::saveTeam);
        // an administrator took a protocol team off Ofsted's reader list and put the inspection team on it
        earlier.setReaderList("ofsted", Set.of("ofsted/social-care-policy-team", "ofsted/inspection-team"));
        run(demoSeededEarlier, scripts.stream().filter(script -> version(script) >= 11).toList());
    }

    @Test
    void aFreshDatabaseHasTheSixInspectoratesAsTheDomainDefinesThem() {
        JdbcOrganisationDirectory directory = new JdbcOrganisationDirectory(fresh);

        for (Inspectorate inspectorate : Inspectorate.values()) {
            assertEquals(Organisation.of(inspectorate),
                    directory.findOrganisation(inspectorate.organisationId()).orElseThrow(
                            () -> new AssertionError(inspectorate + " is missing")));
        }
        assertEquals(Inspectorate.values().length, directory.organisations().size(), "no agencies, no others");
    }

    @Test
    void aFreshDatabaseHasEachInspectoratesProtocolReaderListTeamsAndNoOthers() {
        JdbcOrganisationDirectory directory = new JdbcOrganisationDirectory(fresh);

        for (Inspectorate inspectorate : Inspectorate.values()) {
            assertEquals(Set.copyOf(ProtocolReaderLists.teamsOf(inspectorate)),
                    Set.copyOf(directory.teamsOf(inspectorate.organisationId())), inspectorate.name());
        }
    }

    @Test
    void aFreshDatabaseHasNoDemoPeopleNoDemoAreaAndNoAgencies() throws Exception {
        assertEquals(0, count(fresh, "select count(*) from user_account where id like 'demo-%'"));
        assertEquals(0, count(fresh, "select count(*) from local_authority_area"));
        assertEquals(0, count(fresh, "select count(*) from organisation where agency_type is not null"));
        assertEquals(0, count(fresh, "select count(*) from team where id like '%/inspection-team'"));
    }

    @Test
    void staffOfAnInspectorateSignInOnAFreshDatabaseWithTheirReaderListTeam() throws Exception {
        StaffSignIn signIn = staffSignIn(fresh);

        Subject subject = signIn.signIn(ofstedReader("remi.reader"));

        assertEquals("ofsted", subject.organisation().id());
        assertEquals(Set.of(Role.READER), subject.roles());
        assertEquals(Set.of("ofsted/social-care-policy-team"),
                subject.teams().stream().map(Team::id).collect(Collectors.toSet()));
        assertEquals(1, count(fresh, "select count(*) from user_account where username = 'ofsted/remi.reader'"));
        assertEquals(1, count(fresh, "select count(*) from audit_event where action = 'SIGN_IN' and outcome = "
                + "'SUCCEEDED' and detail = 'saml'"));
    }

    /** What the migration fixes: without the reference data the same sign-in is refused. */
    @Test
    void withoutTheReferenceDataTheSameSignInIsRefusedAsOrganisationNotRegistered() {
        SsoRefused refused = assertThrows(SsoRefused.class,
                () -> staffSignIn(beforeReferenceData).signIn(ofstedReader("rita.reader")));

        assertEquals("organisation-not-registered", refused.reason());
    }

    @Test
    void onADatabaseThatAlreadyHadThemTheMigrationChangesNothing() {
        JdbcOrganisationDirectory directory = new JdbcOrganisationDirectory(demoSeededEarlier);

        Set<String> readerList = new HashSet<>();
        directory.teamsOf("ofsted").stream().filter(Team::onReaderList).forEach(team -> readerList.add(team.id()));
        assertEquals(Set.of("ofsted/social-care-policy-team", "ofsted/inspection-team"), readerList,
                "the administrator's reader list stands");
        assertEquals(DemoDirectory.organisations().size(), directory.organisations().size(), "no duplicates");
        assertTrue(directory.findOrganisation("northdale-police").isPresent(), "demo data left as it was");
    }

    @Test
    void theMigrationCanRunAgainWithoutHarm() throws Exception {
        Path v11 = migrationScripts().stream().filter(script -> version(script) == 11).findFirst().orElseThrow();
        run(fresh, List.of(v11));

        assertEquals(Inspectorate.values().length, count(fresh, "select count(*) from organisation"));
        assertEquals(Arrays.stream(Inspectorate.values()).mapToInt(i -> ProtocolReaderLists.teamsOf(i).size()).sum(),
                count(fresh, "select count(*) from team"));
    }

    private static StaffSignIn staffSignIn(DataSource dataSource) {
        // the identity as the SAML adapter hands it over once validated (SamlSignInIT covers the SAML path itself)
        return new StaffSignIn(null, new JdbcOrganisationDirectory(dataSource), AttributeMapping.DEFAULT,
                new JdbcAuditTrail(dataSource), CLOCK);
    }

    private static SsoIdentity ofstedReader(String nameId) {
        return new SsoIdentity(Inspectorate.OFSTED, nameId, "session-1", CLOCK.instant(), Map.of(
                "organisation", List.of("OFSTED"),
                "team", List.of("Social care policy team"),
                "role", List.of("reader"),
                "displayName", List.of("Remi Reader")));
    }

    private static DataSource database() {
        return TestDatabases.dataSource(TestDatabases.createEmpty());
    }

    private static long count(DataSource dataSource, String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<Path> migrationScripts() throws Exception {
        Path directory = Path.of(ReferenceDataMigrationTest.class.getClassLoader().getResource("db/migration").toURI());
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(ReferenceDataMigrationTest::version)).toList();
        }
    }

    private static int version(Path script) {
        return Integer.parseInt(script.getFileName().toString().substring(1).split("__")[0]);
    }

    private static void run(DataSource dataSource, List<Path> scripts) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (Path script : scripts) {
                statement.execute(Files.readString(script));
            }
        }
    }
}
