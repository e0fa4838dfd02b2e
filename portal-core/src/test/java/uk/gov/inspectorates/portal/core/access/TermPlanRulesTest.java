package uk.gov.inspectorates.portal.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.CQC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.OFSTED;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;

/** The term-plan rules, asked through the one policy: each test fails if its rule is taken out. */
class TermPlanRulesTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");
    private final AccessPolicy policy = new AccessPolicy();
    private final Resource ofstedPlan = new Resource(Resource.Kind.TERM_PLAN, "plan-1", OFSTED, Set.of(), false);

    private Decision decide(Subject subject, Action action, Resource resource) {
        return policy.decide(subject, action, resource, NOW);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INSPECTOR", "LEAD_INSPECTOR", "INSPECTION_SUPPORT"})
    void theInspectoratesSharingStaffShareItsList(Role role) {
        Subject sharer = aSubject().of(OFSTED).withRoles(role).build();

        assertEquals(Decision.permit(TermPlanRules.SHARE_BY_OWN_SHARING_STAFF),
                decide(sharer, Action.UPLOAD, TermPlanRules.newPlan(OFSTED)));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"DATA_ANALYST", "READER", "SIRO", "ADMINISTRATOR"})
    void otherStaffOfTheInspectorateDoNot(Role role) {
        Subject staff = aSubject().of(OFSTED).withRoles(role).onReaderList().build();

        assertEquals(Decision.deny(TermPlanRules.SHARE_NEEDS_SHARING_ROLE),
                decide(staff, Action.UPLOAD, TermPlanRules.newPlan(OFSTED)));
    }

    @Test
    void nobodySharesAnotherInspectoratesList() {
        Subject ofstedInspector = aSubject().of(OFSTED).withRoles(Role.INSPECTOR, Role.LEAD_INSPECTOR).build();

        assertEquals(Decision.deny(TermPlanRules.SHARE_OWN_INSPECTORATE_ONLY),
                decide(ofstedInspector, Action.UPLOAD, TermPlanRules.newPlan(CQC)));
        assertEquals(Decision.deny(TermPlanRules.SHARE_OWN_INSPECTORATE_ONLY),
                decide(ofstedInspector, Action.UPLOAD, TermPlanRules.newPlan(null)));
    }

    @Test
    void agencyStaffShareNoList() {
        Subject agency = aSubject().ofAgency().withRoles(Role.ADMINISTRATOR, Role.AGENCY_UPLOADER, Role.INSPECTOR)
                .build();

        assertEquals(Decision.deny(TermPlanRules.SHARE_INSPECTORATES_ONLY),
                decide(agency, Action.UPLOAD, TermPlanRules.newPlan(null)));
        assertEquals(Decision.deny(TermPlanRules.SHARE_INSPECTORATES_ONLY),
                decide(agency, Action.UPLOAD, TermPlanRules.newPlan(OFSTED)));
    }

    @ParameterizedTest
    @EnumSource(Inspectorate.class)
    void everyMemberOfStaffOfEveryInspectorateSeesEveryList(Inspectorate inspectorate) {
        Subject staff = aSubject().of(inspectorate).build();

        assertEquals(Decision.permit(TermPlanRules.VIEW_BY_INSPECTORATE_STAFF),
                decide(staff, Action.LIST, TermPlanRules.plans()));
        assertEquals(Decision.permit(TermPlanRules.VIEW_BY_INSPECTORATE_STAFF),
                decide(staff, Action.LIST, ofstedPlan));
        assertEquals(Decision.permit(TermPlanRules.VIEW_BY_INSPECTORATE_STAFF),
                decide(staff, Action.VIEW_METADATA, ofstedPlan));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMINISTRATOR", "AGENCY_UPLOADER", "AGENCY_CHIEF_OFFICER"})
    void agencyStaffSeeNoList(Role role) {
        Subject agency = aSubject().ofAgency().withRoles(role).build();

        assertEquals(Decision.deny(TermPlanRules.VIEW_INSPECTORATE_STAFF_ONLY),
                decide(agency, Action.LIST, TermPlanRules.plans()));
        assertEquals(Decision.deny(TermPlanRules.VIEW_INSPECTORATE_STAFF_ONLY),
                decide(agency, Action.VIEW_METADATA, ofstedPlan));
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = {"DOWNLOAD", "CHANGE", "DELETE", "EXPORT", "AUDIT_VIEW"})
    void aSharedVersionIsNeverChangedRemovedOrExported(Action action) {
        Subject sharer = aSubject().of(OFSTED).withRoles(Role.INSPECTOR, Role.ADMINISTRATOR).build();

        assertEquals(Decision.deny(AccessPolicy.NOT_PERMITTED), decide(sharer, action, ofstedPlan));
    }
}
