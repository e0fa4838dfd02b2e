package uk.gov.inspectorates.portal.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.inspectorates.portal.core.access.AdministrationRules.AGENCY_BY_INSPECTING_ADMINISTRATOR;
import static uk.gov.inspectorates.portal.core.access.AdministrationRules.AGENCY_INSPECTING_ADMINISTRATOR_ONLY;
import static uk.gov.inspectorates.portal.core.access.AdministrationRules.AREAS_BY_INSPECTORATE_ADMINISTRATOR;
import static uk.gov.inspectorates.portal.core.access.AdministrationRules.AREAS_INSPECTORATE_ADMINISTRATOR_ONLY;
import static uk.gov.inspectorates.portal.core.access.AdministrationRules.OWN_ORGANISATION;
import static uk.gov.inspectorates.portal.core.access.AdministrationRules.PEOPLE_ADMINISTRATORS_ONLY;
import static uk.gov.inspectorates.portal.core.access.AdministrationRules.PEOPLE_BY_INSPECTING_ADMINISTRATOR;
import static uk.gov.inspectorates.portal.core.access.AdministrationRules.PEOPLE_BY_OWN_ADMINISTRATOR;
import static uk.gov.inspectorates.portal.core.access.AdministrationRules.REGISTER_BY_INSPECTORATE_ADMINISTRATOR;
import static uk.gov.inspectorates.portal.core.access.AdministrationRules.REGISTER_INSPECTORATE_ADMINISTRATOR_ONLY;
import static uk.gov.inspectorates.portal.core.access.AdministrationRules.TEAMS_BY_OWN_ADMINISTRATOR;
import static uk.gov.inspectorates.portal.core.access.AdministrationRules.TEAMS_OWN_ADMINISTRATOR_ONLY;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.CQC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMIC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.OFSTED;
import static uk.gov.inspectorates.portal.core.organisation.Role.ADMINISTRATOR;
import static uk.gov.inspectorates.portal.core.organisation.Role.AGENCY_CHIEF_OFFICER;
import static uk.gov.inspectorates.portal.core.organisation.Role.INSPECTOR;
import static uk.gov.inspectorates.portal.core.organisation.Role.SIRO;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.Organisation;

/** The administration rules, asked through the one policy as the services ask. */
class AdministrationRulesTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");
    private static final Organisation CHILDRENS_SERVICES = Organisation.agency("northdale-childrens-services",
            "Northdale Council Children's Services", AgencyType.LOCAL_AUTHORITY_CHILDRENS_SERVICES, "northdale");
    private static final Organisation POLICE = Organisation.agency("northdale-police", "Northdale Police",
            AgencyType.POLICE_FORCE, "northdale");

    private final AccessPolicy policy = new AccessPolicy();
    private final Subject ofstedAdmin = aSubject().withId("ofsted-admin").of(OFSTED).withRoles(ADMINISTRATOR).build();
    private final Subject hmicAdmin = aSubject().withId("hmic-admin").of(HMIC).withRoles(ADMINISTRATOR).build();
    private final Subject ofstedInspector = aSubject().of(OFSTED).withRoles(INSPECTOR, SIRO).build();
    private final Subject agencyAdmin = aSubject().withId("agency-admin").ofAgency().withRoles(ADMINISTRATOR).build();
    private final Subject agencyChief = aSubject().ofAgency().withRoles(AGENCY_CHIEF_OFFICER).build();

    private Decision decide(Subject subject, Action action, Resource resource) {
        return policy.decide(subject, action, resource, NOW);
    }

    private static void assertPermitted(String rule, Decision decision) {
        assertEquals(Decision.permit(rule), decision);
    }

    private static void assertDenied(String rule, Decision decision) {
        assertEquals(Decision.deny(rule), decision);
    }

    @Nested
    class AreasAndAgencies {

        @Test
        void anyInspectorateAdministratorAddsAreasAndSeesTheRegister() {
            assertPermitted(AREAS_BY_INSPECTORATE_ADMINISTRATOR,
                    decide(hmicAdmin, Action.CHANGE, AdministrationRules.areas()));
            assertPermitted(REGISTER_BY_INSPECTORATE_ADMINISTRATOR,
                    decide(ofstedAdmin, Action.LIST, AdministrationRules.register()));
        }

        @Test
        void agencyAdministratorsAndInspectorateStaffWhoAreNotAdministratorsDoNot() {
            for (Subject subject : new Subject[] {agencyAdmin, ofstedInspector}) {
                assertDenied(AREAS_INSPECTORATE_ADMINISTRATOR_ONLY,
                        decide(subject, Action.CHANGE, AdministrationRules.areas()));
                assertDenied(REGISTER_INSPECTORATE_ADMINISTRATOR_ONLY,
                        decide(subject, Action.LIST, AdministrationRules.register()));
            }
        }

        @Test
        void anAgencyIsAddedOnlyByAnAdministratorOfTheInspectorateThatInspectsIt() {
            Resource newChildrensServices = AdministrationRules.newAgency(AgencyType.LOCAL_AUTHORITY_CHILDRENS_SERVICES);

            assertPermitted(AGENCY_BY_INSPECTING_ADMINISTRATOR, decide(ofstedAdmin, Action.CHANGE, newChildrensServices));
            assertDenied(AGENCY_INSPECTING_ADMINISTRATOR_ONLY, decide(hmicAdmin, Action.CHANGE, newChildrensServices));
            assertPermitted(AGENCY_BY_INSPECTING_ADMINISTRATOR,
                    decide(hmicAdmin, Action.CHANGE, AdministrationRules.newAgency(AgencyType.POLICE_FORCE)));
            assertDenied(AGENCY_INSPECTING_ADMINISTRATOR_ONLY, decide(agencyAdmin, Action.CHANGE, newChildrensServices));
            assertDenied(AGENCY_INSPECTING_ADMINISTRATOR_ONLY,
                    decide(ofstedInspector, Action.CHANGE, newChildrensServices));
        }

        @Test
        void anAgencyAdministratorSeesTheirOwnAgencyButDoesNotChangeIt() {
            Resource own = AdministrationRules.organisation(CHILDRENS_SERVICES);

            assertPermitted(OWN_ORGANISATION, decide(agencyAdmin, Action.VIEW_METADATA, own));
            assertDenied(AGENCY_INSPECTING_ADMINISTRATOR_ONLY, decide(agencyAdmin, Action.CHANGE, own));
            assertDenied(AGENCY_INSPECTING_ADMINISTRATOR_ONLY,
                    decide(agencyAdmin, Action.VIEW_METADATA, AdministrationRules.organisation(POLICE)));
        }
    }

    @Nested
    class Teams {

        @Test
        void anInspectorateAdministratorManagesOnlyTheirOwnInspectoratesTeams() {
            for (Action action : new Action[] {Action.LIST, Action.VIEW_METADATA, Action.CHANGE}) {
                assertPermitted(TEAMS_BY_OWN_ADMINISTRATOR,
                        decide(ofstedAdmin, action, AdministrationRules.teamsOf(OFSTED)));
                assertDenied(TEAMS_OWN_ADMINISTRATOR_ONLY, decide(hmicAdmin, action, AdministrationRules.teamsOf(OFSTED)));
            }
        }

        @Test
        void staffWhoAreNotAdministratorsAndAgencyAdministratorsDoNot() {
            assertDenied(TEAMS_OWN_ADMINISTRATOR_ONLY,
                    decide(ofstedInspector, Action.CHANGE, AdministrationRules.teamsOf(OFSTED)));
            assertDenied(TEAMS_OWN_ADMINISTRATOR_ONLY,
                    decide(agencyAdmin, Action.LIST, AdministrationRules.teamsOf(OFSTED)));
        }
    }

    @Nested
    class People {

        @Test
        void anAdministratorManagesTheirOwnOrganisationsPeople() {
            assertPermitted(PEOPLE_BY_OWN_ADMINISTRATOR,
                    decide(ofstedAdmin, Action.CHANGE, AdministrationRules.peopleOf(Organisation.of(OFSTED))));
            assertPermitted(PEOPLE_BY_OWN_ADMINISTRATOR,
                    decide(agencyAdmin, Action.CHANGE, AdministrationRules.peopleOf(CHILDRENS_SERVICES)));
        }

        @Test
        void anInspectorateAdministratorAlsoManagesThePeopleOfTheAgenciesItInspects() {
            assertPermitted(PEOPLE_BY_INSPECTING_ADMINISTRATOR,
                    decide(ofstedAdmin, Action.CHANGE, AdministrationRules.peopleOf(CHILDRENS_SERVICES)));
            assertDenied(PEOPLE_ADMINISTRATORS_ONLY,
                    decide(ofstedAdmin, Action.CHANGE, AdministrationRules.peopleOf(POLICE)));
        }

        @Test
        void nobodyManagesAnotherInspectoratesOrAnotherAgencysPeople() {
            assertDenied(PEOPLE_ADMINISTRATORS_ONLY,
                    decide(hmicAdmin, Action.LIST, AdministrationRules.peopleOf(Organisation.of(OFSTED))));
            assertDenied(PEOPLE_ADMINISTRATORS_ONLY,
                    decide(agencyAdmin, Action.LIST, AdministrationRules.peopleOf(POLICE)));
            assertDenied(PEOPLE_ADMINISTRATORS_ONLY,
                    decide(agencyAdmin, Action.LIST, AdministrationRules.peopleOf(Organisation.of(OFSTED))));
            assertDenied(PEOPLE_ADMINISTRATORS_ONLY,
                    decide(aSubject().of(CQC).withRoles(ADMINISTRATOR).build(), Action.CHANGE,
                            AdministrationRules.peopleOf(CHILDRENS_SERVICES)));
        }

        @Test
        void peopleWhoAreNotAdministratorsManageNobody() {
            assertDenied(PEOPLE_ADMINISTRATORS_ONLY,
                    decide(ofstedInspector, Action.LIST, AdministrationRules.peopleOf(Organisation.of(OFSTED))));
            assertDenied(PEOPLE_ADMINISTRATORS_ONLY,
                    decide(agencyChief, Action.CHANGE, AdministrationRules.peopleOf(CHILDRENS_SERVICES)));
        }

        @Test
        void nobodyChangesTheirOwnRolesOrTeams() {
            assertDenied(AdministrationRules.NO_CHANGE_TO_OWN_ROLES,
                    AdministrationRules.changeOfRolesOrTeams(ofstedAdmin, "ofsted-admin"));
            assertPermitted(AdministrationRules.ANOTHER_PERSON,
                    AdministrationRules.changeOfRolesOrTeams(ofstedAdmin, "someone-else"));
        }

        @Test
        void nobodyDeactivatesThemself() {
            assertDenied(AdministrationRules.NO_SELF_DEACTIVATION,
                    AdministrationRules.deactivation(agencyAdmin, "agency-admin"));
            assertPermitted(AdministrationRules.ANOTHER_PERSON,
                    AdministrationRules.deactivation(agencyAdmin, "someone-else"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = {"DOWNLOAD", "UPLOAD", "DELETE", "EXPORT", "AUDIT_VIEW"})
    void administrationIsOnlySeeingAndChanging(Action action) {
        for (Resource resource : new Resource[] {AdministrationRules.areas(), AdministrationRules.register(),
                AdministrationRules.teamsOf(OFSTED), AdministrationRules.peopleOf(Organisation.of(OFSTED))}) {
            assertDenied(AccessPolicy.NOT_PERMITTED, decide(ofstedAdmin, action, resource));
        }
    }
}
