package uk.gov.inspectorates.portal.core.administration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMIC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.OFSTED;
import static uk.gov.inspectorates.portal.core.organisation.Role.ADMINISTRATOR;
import static uk.gov.inspectorates.portal.core.organisation.Role.AGENCY_CHIEF_OFFICER;
import static uk.gov.inspectorates.portal.core.organisation.Role.AGENCY_UPLOADER;
import static uk.gov.inspectorates.portal.core.organisation.Role.DATA_ANALYST;
import static uk.gov.inspectorates.portal.core.organisation.Role.INSPECTOR;
import static uk.gov.inspectorates.portal.core.organisation.Role.LEAD_INSPECTOR;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.AdministrationRules;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.Team;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.testdata.InMemoryDirectory;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

class OrganisationAdministrationTest {

    private static final String AGENCY = DemoDirectory.CHILDRENS_SERVICES_ID;

    private final InMemoryDirectory directory = InMemoryDirectory.withDemoOrganisations();
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final OrganisationAdministration administration = new OrganisationAdministration(directory,
            new PolicyGate(new AccessPolicy(), audit, new MutableClock(Instant.parse("2030-01-10T10:00:00Z"))));

    private final Subject ofstedAdmin = aSubject().withId("ofsted-admin").of(OFSTED).withRoles(ADMINISTRATOR).build();
    private final Subject hmicAdmin = aSubject().withId("hmic-admin").of(HMIC).withRoles(ADMINISTRATOR).build();
    private final Subject agencyAdmin = aSubject().withId("agency-admin").ofAgency().withRoles(ADMINISTRATOR).build();
    private final Subject inspector = aSubject().withId("inspector").of(OFSTED).withRoles(INSPECTOR).build();

    @BeforeEach
    void people() {
        person("ofsted-admin", "ofsted", ADMINISTRATOR);
        person("hmic-admin", "hmic", ADMINISTRATOR);
        person("inspector", "ofsted", INSPECTOR);
        person("analyst", "ofsted", DATA_ANALYST);
        person("agency-admin", AGENCY, ADMINISTRATOR);
        person("uploader", AGENCY, AGENCY_UPLOADER);
    }

    private void person(String id, String organisationId, Role... roles) {
        directory.saveUser(new UserAccount(id, id, "Person " + id, organisationId, Set.of(roles), Set.of(),
                "$argon2id$secret-hash-" + id));
    }

    private UserAccount user(String id) {
        return directory.findUser(id).orElseThrow();
    }

    private AuditEvent lastEvent() {
        return audit.recent(1).get(0);
    }

    @Test
    void theAdministrationSectionsFollowWhatEachAdministratorMayDoAndOthersAreRefused() {
        assertEquals(new OrganisationAdministration.Sections(true, true, true), administration.sections(ofstedAdmin));
        assertEquals(new OrganisationAdministration.Sections(false, false, true), administration.sections(agencyAdmin));

        assertThrows(AccessDenied.class, () -> administration.sections(inspector));
        assertEquals(AuditActions.ADMINISTRATION_VIEW, lastEvent().action());
        assertEquals(Outcome.DENIED, lastEvent().outcome());
    }

    @Nested
    class Teams {

        @Test
        void anAdministratorAddsATeamToTheirOwnInspectorateAndTheChangeIsAudited() {
            Team team = administration.addTeam(ofstedAdmin, "  Early years   policy team ", true);

            assertEquals(new Team(team.id(), "ofsted", "Early years policy team", true),
                    directory.findTeam(team.id()).orElseThrow());
            AuditEvent event = lastEvent();
            assertEquals(AuditActions.TEAM_CHANGE, event.action());
            assertEquals(Outcome.SUCCEEDED, event.outcome());
            assertEquals(team.id(), event.resourceId());
            assertEquals("added team: name=Early years policy team, reader list=true", event.detail());
        }

        @Test
        void renamingAndTakingATeamOffTheReaderListKeepsBeforeAndAfterInTheAudit() {
            Team team = administration.addTeam(ofstedAdmin, "Policy", true);

            administration.changeTeam(ofstedAdmin, team.id(), "Social care policy", false);

            assertEquals("Social care policy", directory.findTeam(team.id()).orElseThrow().name());
            assertEquals("before: name=Policy, reader list=true; after: name=Social care policy, reader list=false",
                    lastEvent().detail());
        }

        @Test
        void anotherInspectoratesTeamIsNotFoundAndTheAttemptIsAudited() {
            Team ofstedTeam = directory.teamsOf("ofsted").get(0);

            assertThrows(NotFound.class, () -> administration.changeTeam(hmicAdmin, ofstedTeam.id(), "Mine now", true));

            assertEquals(ofstedTeam, directory.findTeam(ofstedTeam.id()).orElseThrow());
            assertEquals(Outcome.DENIED, lastEvent().outcome());
        }

        @Test
        void staffWhoAreNotAdministratorsAreRefusedAndTheRefusalIsAudited() {
            AccessDenied denied = assertThrows(AccessDenied.class,
                    () -> administration.addTeam(inspector, "Shadow team", true));

            assertEquals(AdministrationRules.TEAMS_OWN_ADMINISTRATOR_ONLY, denied.rule());
            assertTrue(directory.teamsOf("ofsted").stream().noneMatch(team -> team.name().equals("Shadow team")));
            assertEquals(Outcome.DENIED, lastEvent().outcome());
            assertEquals(AdministrationRules.TEAMS_OWN_ADMINISTRATOR_ONLY, lastEvent().detail());
        }

        @Test
        void anInspectoratesTeamsAreListedForItsOwnAdministratorsOnly() {
            assertEquals(directory.teamsOf("ofsted"), administration.teamsOf(ofstedAdmin, "ofsted"));
            assertThrows(AccessDenied.class, () -> administration.teamsOf(hmicAdmin, "ofsted"));
            assertThrows(AccessDenied.class, () -> administration.teamsOf(agencyAdmin, AGENCY));
            assertThrows(NotFound.class, () -> administration.teamsOf(ofstedAdmin, "no-such-organisation"));
            assertEquals(Outcome.DENIED, lastEvent().outcome());
        }

        @Test
        void anAdministratorReplacesTheReaderListInOneStepWithTheProtocolsListShownForReference() {
            Team added = administration.addTeam(ofstedAdmin, "Early years policy team", false);
            List<Team> before = directory.teamsOf("ofsted");

            ReaderList after = administration.replaceReaderList(ofstedAdmin, "OFSTED", List.of(added.id()));

            assertEquals(List.of(added.id()), after.teams().stream().filter(Team::onReaderList).map(Team::id).toList());
            assertEquals(before.size(), after.teams().size(), "no team added or removed");
            assertTrue(after.protocolTeams().contains("Social care policy team"), after.protocolTeams().toString());
            AuditEvent event = audit.events().stream()
                    .filter(e -> e.action().equals(AuditActions.READER_LIST_CHANGE)).reduce((a, b) -> b).orElseThrow();
            assertEquals(Outcome.SUCCEEDED, event.outcome());
            assertTrue(event.detail().endsWith("after: [Early years policy team]"), event.detail());
            assertTrue(event.detail().contains("Social care policy team"), "the list before: " + event.detail());
        }

        @Test
        void anotherInspectoratesAdministratorCannotReadOrReplaceItsReaderList() {
            List<Team> before = directory.teamsOf("ofsted");

            assertThrows(AccessDenied.class, () -> administration.readerList(hmicAdmin, "OFSTED"));
            AccessDenied denied = assertThrows(AccessDenied.class,
                    () -> administration.replaceReaderList(hmicAdmin, "OFSTED", List.of()));

            assertEquals(AdministrationRules.TEAMS_OWN_ADMINISTRATOR_ONLY, denied.rule());
            assertEquals(before, directory.teamsOf("ofsted"));
            assertEquals(Outcome.DENIED, lastEvent().outcome());
            assertThrows(AccessDenied.class, () -> administration.replaceReaderList(inspector, "OFSTED", List.of()));
            assertThrows(NotFound.class, () -> administration.readerList(ofstedAdmin, "OFSTEAD"));
        }

        @Test
        void aReaderListNamesOnlyTheInspectoratesOwnTeamsAndARefusalChangesNothing() {
            List<Team> before = directory.teamsOf("ofsted");
            String hmicTeam = directory.teamsOf("hmic").get(0).id();

            InvalidInput invalid = assertThrows(InvalidInput.class,
                    () -> administration.replaceReaderList(ofstedAdmin, "OFSTED", List.of(hmicTeam)));

            assertEquals("teams", invalid.errors().get(0).field());
            assertThrows(InvalidInput.class, () -> administration.replaceReaderList(ofstedAdmin, "OFSTED", null));
            assertEquals(before, directory.teamsOf("ofsted"));
            assertEquals(Outcome.REFUSED, lastEvent().outcome());
        }

        @Test
        void aTeamNeedsANameNotAlreadyTaken() {
            assertEquals("name", assertThrows(InvalidInput.class,
                    () -> administration.addTeam(ofstedAdmin, "  ", false)).errors().get(0).field());
            assertThrows(InvalidInput.class, () -> administration.addTeam(ofstedAdmin, "inspection TEAM", false));
            assertEquals(Outcome.REFUSED, lastEvent().outcome());
        }
    }

    @Nested
    class AreasAndAgencies {

        @Test
        void anInspectorateAdministratorAddsAnAreaAndAnAgencyOfATypeTheirInspectorateInspects() {
            LocalAuthorityArea area = administration.addArea(hmicAdmin, "Eastmoor");
            Organisation police = administration.addAgency(hmicAdmin, "Eastmoor Police", "POLICE_FORCE", area.id());

            assertEquals(Organisation.agency(police.id(), "Eastmoor Police", AgencyType.POLICE_FORCE, area.id()),
                    directory.findOrganisation(police.id()).orElseThrow());
            assertTrue(lastEvent().detail().contains("type=POLICE_FORCE"), lastEvent().detail());
            OrganisationRegister register = administration.register(ofstedAdmin);
            assertTrue(register.areas().contains(area));
            assertTrue(register.agencies().contains(police));
            assertEquals(6, register.inspectorates().size());
        }

        @Test
        void anAgencyOfATypeAnotherInspectorateInspectsIsRefused() {
            AccessDenied denied = assertThrows(AccessDenied.class, () -> administration.addAgency(hmicAdmin,
                    "Eastmoor Children's Services", "LOCAL_AUTHORITY_CHILDRENS_SERVICES", "northdale"));

            assertEquals(AdministrationRules.AGENCY_INSPECTING_ADMINISTRATOR_ONLY, denied.rule());
            assertEquals(Outcome.DENIED, lastEvent().outcome());
        }

        @Test
        void agencyAdministratorsAddNeitherAreasNorAgenciesNorSeeTheRegister() {
            assertThrows(AccessDenied.class, () -> administration.addArea(agencyAdmin, "Westmoor"));
            assertThrows(AccessDenied.class, () -> administration.addAgency(agencyAdmin, "Westmoor Police",
                    "POLICE_FORCE", "northdale"));
            assertThrows(AccessDenied.class, () -> administration.register(agencyAdmin));
            assertEquals(1, directory.localAuthorityAreas().size());
        }

        @Test
        void anAgencyNeedsANameATypeAndAnExistingArea() {
            InvalidInput invalid = assertThrows(InvalidInput.class,
                    () -> administration.addAgency(ofstedAdmin, "", "LOCAL_AUTHORITY_CHILDRENS_SERVICES", "nowhere"));
            assertEquals(List.of("name", "area"), invalid.errors().stream().map(e -> e.field()).toList());
            assertEquals("agencyType", assertThrows(InvalidInput.class,
                    () -> administration.addAgency(ofstedAdmin, "X", "SPACE_AGENCY", "northdale")).errors().get(0)
                    .field());
            assertThrows(InvalidInput.class, () -> administration.addArea(ofstedAdmin, "northdale"));
        }
    }

    @Nested
    class People {

        @Test
        void anAdministratorGivesAPersonARoleAndATeamAndTheAuditHasBeforeAndAfterButNoSecret() {
            String team = DemoDirectory.teams().get(0).id();

            administration.changeRolesAndTeams(ofstedAdmin, "analyst", Set.of("DATA_ANALYST", "LEAD_INSPECTOR"),
                    Set.of(team));

            assertEquals(Set.of(DATA_ANALYST, LEAD_INSPECTOR), user("analyst").roles());
            assertEquals(Set.of(team), user("analyst").teamIds());
            AuditEvent event = lastEvent();
            assertEquals(AuditActions.USER_CHANGE, event.action());
            assertEquals("roles [DATA_ANALYST] -> [DATA_ANALYST, LEAD_INSPECTOR]; teams [] -> [" + team + "]",
                    event.detail());
            assertFalse(event.detail().contains("argon2"));
        }

        @Test
        void nobodyChangesTheirOwnRoles() {
            AccessDenied denied = assertThrows(AccessDenied.class, () -> administration.changeRolesAndTeams(
                    ofstedAdmin, "ofsted-admin", Set.of("ADMINISTRATOR", "SIRO"), Set.of()));

            assertEquals(AdministrationRules.NO_CHANGE_TO_OWN_ROLES, denied.rule());
            assertEquals(Set.of(ADMINISTRATOR), user("ofsted-admin").roles());
            assertEquals(Outcome.DENIED, lastEvent().outcome());
        }

        @Test
        void nobodyPutsThemselfInATeamEither() {
            String readerList = DemoDirectory.teams().get(0).id();

            assertThrows(AccessDenied.class, () -> administration.changeRolesAndTeams(ofstedAdmin, "ofsted-admin",
                    Set.of("ADMINISTRATOR"), Set.of(readerList)));

            assertEquals(Set.of(), user("ofsted-admin").teamIds());
        }

        @Test
        void anAgencyAdministratorGivesOnlyRolesAgencyStaffMayHold() {
            administration.changeRolesAndTeams(agencyAdmin, "uploader", Set.of("AGENCY_UPLOADER",
                    "AGENCY_CHIEF_OFFICER"), Set.of());
            assertEquals(Set.of(AGENCY_UPLOADER, AGENCY_CHIEF_OFFICER), user("uploader").roles());

            InvalidInput invalid = assertThrows(InvalidInput.class, () -> administration.changeRolesAndTeams(
                    agencyAdmin, "uploader", Set.of("INSPECTOR"), Set.of()));
            assertEquals("roles", invalid.errors().get(0).field());
            assertThrows(InvalidInput.class, () -> administration.changeRolesAndTeams(ofstedAdmin, "analyst",
                    Set.of("AGENCY_UPLOADER"), Set.of()));
            assertThrows(InvalidInput.class, () -> administration.changeRolesAndTeams(ofstedAdmin, "analyst",
                    Set.of("DATA_ANALYST"), Set.of("hmic/senior-management")));
            assertEquals(Set.of(DATA_ANALYST), user("analyst").roles());
        }

        @Test
        void anAgencyAdministratorCannotReachAnotherOrganisationsPeople() {
            assertThrows(NotFound.class, () -> administration.changeRolesAndTeams(agencyAdmin, "analyst",
                    Set.of("ADMINISTRATOR"), Set.of()));
            assertThrows(NotFound.class, () -> administration.person(agencyAdmin, "inspector"));
            assertThrows(AccessDenied.class, () -> administration.people(agencyAdmin, "ofsted"));
            assertEquals(Set.of(DATA_ANALYST), user("analyst").roles());
            assertEquals(Outcome.DENIED, lastEvent().outcome());
        }

        @Test
        void theInspectorateThatInspectsAnAgencyManagesItsPeopleAndNoOtherInspectorateDoes() {
            administration.changeActivation(ofstedAdmin, "uploader", false);
            assertFalse(user("uploader").active());

            assertThrows(NotFound.class, () -> administration.changeActivation(hmicAdmin, "uploader", true));
            assertFalse(user("uploader").active());
        }

        @Test
        void anAgencyAdministratorDeactivatesAndReactivatesAPerson() {
            administration.changeActivation(agencyAdmin, "uploader", false);
            assertFalse(user("uploader").active());
            assertEquals("active true -> false", lastEvent().detail());

            administration.changeActivation(agencyAdmin, "uploader", true);
            assertTrue(user("uploader").active());
        }

        @Test
        void anAdministratorCannotDeactivateThemself() {
            person("agency-admin-2", AGENCY, ADMINISTRATOR);

            AccessDenied denied = assertThrows(AccessDenied.class,
                    () -> administration.changeActivation(agencyAdmin, "agency-admin", false));

            assertEquals(AdministrationRules.NO_SELF_DEACTIVATION, denied.rule());
            assertTrue(user("agency-admin").active());
        }

        @Test
        void theLastActiveAdministratorOfAnOrganisationStays() {
            assertThrows(Conflict.class, () -> administration.changeActivation(ofstedAdmin, "agency-admin", false));
            assertThrows(Conflict.class, () -> administration.changeRolesAndTeams(ofstedAdmin, "agency-admin",
                    Set.of("AGENCY_UPLOADER"), Set.of()));
            assertTrue(user("agency-admin").active());
            assertEquals(Set.of(ADMINISTRATOR), user("agency-admin").roles());
            assertEquals(Outcome.REFUSED, lastEvent().outcome());

            person("agency-admin-2", AGENCY, ADMINISTRATOR);
            administration.changeActivation(ofstedAdmin, "agency-admin-2", false);
            assertThrows(Conflict.class, () -> administration.changeActivation(ofstedAdmin, "agency-admin", false));

            administration.changeActivation(ofstedAdmin, "agency-admin-2", true);
            administration.changeActivation(ofstedAdmin, "agency-admin", false);
            assertFalse(user("agency-admin").active());
        }

        @Test
        void aPersonsPageOffersTheRolesOfTheirKindOfOrganisationAndItsTeams() {
            PersonDetails agencyPerson = administration.person(agencyAdmin, "uploader");
            assertEquals(Set.of(ADMINISTRATOR, AGENCY_UPLOADER, AGENCY_CHIEF_OFFICER), agencyPerson.assignableRoles());
            assertEquals(List.of(), agencyPerson.teams());

            PersonDetails staff = administration.person(ofstedAdmin, "analyst");
            assertTrue(staff.assignableRoles().containsAll(Set.of(INSPECTOR, LEAD_INSPECTOR, ADMINISTRATOR)));
            assertFalse(staff.assignableRoles().contains(AGENCY_UPLOADER));
            assertEquals(directory.teamsOf("ofsted"), staff.teams());
        }

        @Test
        void anInspectorateAdministratorSeesTheirOwnPeopleFirstThenTheAgenciesTheyInspect() {
            assertEquals(List.of("ofsted", AGENCY), administration.administeredOrganisations(ofstedAdmin).stream()
                    .map(Organisation::id).toList());
            assertEquals(List.of(AGENCY), administration.administeredOrganisations(agencyAdmin).stream()
                    .map(Organisation::id).toList());
            assertEquals(List.of(), administration.administeredOrganisations(inspector));
        }
    }
}
