package uk.gov.inspectorates.portal.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;

/** Who may see and invite an agency's accounts, through the one policy. */
class AgencyAccountRulesTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");
    private static final Organisation NORTHDALE = Organisation.agency("northdale-childrens-services",
            "Northdale Council Children's Services", AgencyType.LOCAL_AUTHORITY_CHILDRENS_SERVICES, "Northdale");
    private static final Organisation SOUTHDALE_POLICE = Organisation.agency("southdale-police", "Southdale Police",
            AgencyType.POLICE_FORCE, "Southdale");
    private final AccessPolicy policy = new AccessPolicy();

    private Decision decide(Subject subject, Action action, Organisation agency) {
        return policy.decide(subject, action, Resource.agencyAccounts(agency), NOW);
    }

    @Test
    void anAgencysAdministratorManagesItsOwnAccounts() {
        Subject admin = aSubject().ofAgency().withRoles(Role.ADMINISTRATOR).build();

        assertEquals(Decision.permit(AgencyAccountRules.BY_AGENCY_ADMINISTRATOR), decide(admin, Action.CHANGE, NORTHDALE));
        assertEquals(Decision.permit(AgencyAccountRules.BY_AGENCY_ADMINISTRATOR), decide(admin, Action.LIST, NORTHDALE));
    }

    @Test
    void anAgencysAdministratorMayNotManageAnotherAgency() {
        Subject admin = aSubject().ofAgency().withRoles(Role.ADMINISTRATOR).build();

        assertEquals(Decision.deny(AgencyAccountRules.ADMINISTRATORS_ONLY),
                decide(admin, Action.CHANGE, SOUTHDALE_POLICE));
    }

    @ParameterizedTest
    @EnumSource(Inspectorate.class)
    void anAdministratorOfAnyInspectorateManagesAnyAgency(Inspectorate inspectorate) {
        Subject admin = aSubject().of(inspectorate).withRoles(Role.ADMINISTRATOR).build();

        assertEquals(Decision.permit(AgencyAccountRules.BY_INSPECTORATE_ADMINISTRATOR),
                decide(admin, Action.CHANGE, SOUTHDALE_POLICE));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMINISTRATOR", mode = EnumSource.Mode.EXCLUDE)
    void nobodyElseMayInvite(Role role) {
        for (Subject other : new Subject[] {aSubject().ofAgency().withRoles(role).build(),
                aSubject().of(Inspectorate.OFSTED).withRoles(role).build()}) {
            assertEquals(Decision.deny(AgencyAccountRules.ADMINISTRATORS_ONLY), decide(other, Action.CHANGE, NORTHDALE));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = {"DOWNLOAD", "UPLOAD", "DELETE", "EXPORT", "AUDIT_VIEW"})
    void otherActionsAreNotPermittedEvenToAdministrators(Action action) {
        Subject admin = aSubject().of(Inspectorate.CQC).withRoles(Role.ADMINISTRATOR).build();

        assertEquals(Decision.deny(AccessPolicy.NOT_PERMITTED), decide(admin, action, NORTHDALE));
    }
}
