package uk.gov.inspectorates.portal.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.inspectorates.portal.core.access.Resource.Lifecycle.AWAITING_AGENCY_RESPONSE;
import static uk.gov.inspectorates.portal.core.access.Resource.Lifecycle.AWAITING_CHIEF_OFFICER_SIGN_OFF;
import static uk.gov.inspectorates.portal.core.access.Resource.Lifecycle.AWAITING_EVALUATION;
import static uk.gov.inspectorates.portal.core.access.Resource.Lifecycle.AWAITING_LEAD_INSPECTOR_SIGN_OFF;
import static uk.gov.inspectorates.portal.core.access.Resource.Lifecycle.SIGNED_OFF;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.CQC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMIC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMI_PRISONS;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMI_PROBATION;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.OFSTED;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;

/** The referral rules, asked through the one policy: each test fails if its rule is taken out or loosened. */
class ReferralRulesTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");
    private static final String AGENCY = "northdale-police";
    private static final String REFERRER = "cqc-inspector-1";
    private static final String LEAD = "ofsted-lead-1";
    private static final Set<Inspectorate> PARTICIPANTS = Set.of(OFSTED, CQC, HMIC);

    private final AccessPolicy policy = new AccessPolicy();

    private Decision decide(Subject subject, Action action, Resource resource) {
        return policy.decide(subject, action, resource, NOW);
    }

    private static Resource at(Resource.Lifecycle stage, String personToAct) {
        return Resource.referral("referral-1", OFSTED, PARTICIPANTS, AGENCY, stage, personToAct);
    }

    private static Resource awaitingResponse() {
        return at(AWAITING_AGENCY_RESPONSE, null);
    }

    private static Subject agencyStaff(String agencyId, Role... roles) {
        return new Subject(agencyId + "-person", agencyId + ".person", "Agency person",
                Organisation.agency(agencyId, agencyId, AgencyType.POLICE_FORCE, "northdale"), Set.of(roles),
                Set.of());
    }

    private static Subject inspector(Inspectorate inspectorate, String id, Role... roles) {
        return aSubject().of(inspectorate).withId(id).withRoles(roles).build();
    }

    // ---- who sees a referral

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INSPECTOR", "LEAD_INSPECTOR", "DATA_ANALYST", "INSPECTION_SUPPORT"})
    void inspectionStaffOfEveryParticipatingInspectorateSeeIt(Role role) {
        for (Inspectorate participant : PARTICIPANTS) {
            Subject staff = inspector(participant, "someone", role);
            assertEquals(Decision.permit(ReferralRules.VIEW_BY_INSPECTION_STAFF),
                    decide(staff, Action.VIEW_METADATA, awaitingResponse()));
            assertEquals(Decision.permit(ReferralRules.VIEW_BY_INSPECTION_STAFF),
                    decide(staff, Action.LIST, at(SIGNED_OFF, null)));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"READER", "SIRO", "ADMINISTRATOR"})
    void otherStaffOfAParticipatingInspectorateDoNot(Role role) {
        Subject staff = aSubject().of(OFSTED).withRoles(role).onReaderList().build();

        assertEquals(Decision.deny(ReferralRules.VIEW_INSPECTORATES_AND_AGENCY_REFERRED_TO_ONLY),
                decide(staff, Action.VIEW_METADATA, awaitingResponse()));
    }

    @Test
    void inspectorsOfAnInspectorateNotInTheInspectionDoNotSeeIt() {
        for (Inspectorate outsider : Set.of(HMI_PROBATION, HMI_PRISONS)) {
            Subject inspector = inspector(outsider, "outsider", Role.INSPECTOR, Role.LEAD_INSPECTOR);
            assertEquals(Decision.deny(ReferralRules.VIEW_INSPECTORATES_AND_AGENCY_REFERRED_TO_ONLY),
                    decide(inspector, Action.VIEW_METADATA, awaitingResponse()));
            assertEquals(Decision.deny(ReferralRules.VIEW_INSPECTORATES_AND_AGENCY_REFERRED_TO_ONLY),
                    decide(inspector, Action.LIST, awaitingResponse()));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"AGENCY_UPLOADER", "AGENCY_CHIEF_OFFICER"})
    void caseStaffOfTheAgencyReferredToSeeIt(Role role) {
        assertEquals(Decision.permit(ReferralRules.VIEW_BY_AGENCY_REFERRED_TO),
                decide(agencyStaff(AGENCY, role), Action.VIEW_METADATA, awaitingResponse()));
        assertEquals(Decision.permit(ReferralRules.VIEW_BY_AGENCY_REFERRED_TO),
                decide(agencyStaff(AGENCY, role), Action.LIST, at(SIGNED_OFF, null)));
    }

    @Test
    void anotherAgencyOfTheAreaDoesNotSeeIt() {
        Subject otherAgency = agencyStaff("northdale-childrens-services", Role.AGENCY_UPLOADER,
                Role.AGENCY_CHIEF_OFFICER, Role.ADMINISTRATOR);

        for (Action action : Action.values()) {
            assertEquals(false, decide(otherAgency, action, awaitingResponse()).permitted(), action.name());
        }
        assertEquals(Decision.deny(ReferralRules.VIEW_INSPECTORATES_AND_AGENCY_REFERRED_TO_ONLY),
                decide(otherAgency, Action.VIEW_METADATA, awaitingResponse()));
    }

    @Test
    void theAgencysAdministratorDoesNotSeeCases() {
        assertEquals(Decision.deny(ReferralRules.VIEW_INSPECTORATES_AND_AGENCY_REFERRED_TO_ONLY),
                decide(agencyStaff(AGENCY, Role.ADMINISTRATOR), Action.VIEW_METADATA, awaitingResponse()));
    }

    // ---- raising one

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INSPECTOR", "LEAD_INSPECTOR"})
    void anInspectorOfAParticipatingInspectorateRaisesOne(Role role) {
        assertEquals(Decision.permit(ReferralRules.RAISE_BY_PARTICIPATING_INSPECTOR),
                decide(inspector(CQC, REFERRER, role), Action.UPLOAD,
                        Resource.newReferral(OFSTED, PARTICIPANTS, AGENCY)));
    }

    @Test
    void nobodyElseRaisesOne() {
        Resource referral = Resource.newReferral(OFSTED, PARTICIPANTS, AGENCY);
        for (Subject other : Set.of(inspector(CQC, "analyst", Role.DATA_ANALYST, Role.INSPECTION_SUPPORT),
                inspector(HMI_PROBATION, "outsider", Role.INSPECTOR),
                agencyStaff(AGENCY, Role.AGENCY_CHIEF_OFFICER, Role.AGENCY_UPLOADER))) {
            assertEquals(Decision.deny(ReferralRules.RAISE_PARTICIPATING_INSPECTORS_ONLY),
                    decide(other, Action.UPLOAD, referral), other.toString());
        }
    }

    // ---- each step by the right person

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"AGENCY_UPLOADER", "AGENCY_CHIEF_OFFICER"})
    void theAgencyReferredToResponds(Role role) {
        assertEquals(Decision.permit(ReferralRules.RESPOND_BY_AGENCY_REFERRED_TO),
                decide(agencyStaff(AGENCY, role), Action.CHANGE, awaitingResponse()));
    }

    @Test
    void nobodyElseResponds() {
        for (Subject other : Set.of(agencyStaff("northdale-childrens-services", Role.AGENCY_CHIEF_OFFICER),
                agencyStaff(AGENCY, Role.ADMINISTRATOR), inspector(CQC, REFERRER, Role.INSPECTOR),
                inspector(OFSTED, LEAD, Role.LEAD_INSPECTOR))) {
            assertEquals(Decision.deny(ReferralRules.RESPOND_AGENCY_REFERRED_TO_ONLY),
                    decide(other, Action.CHANGE, awaitingResponse()), other.toString());
        }
    }

    @Test
    void theReferringInspectorEvaluatesTheResponse() {
        assertEquals(Decision.permit(ReferralRules.EVALUATE_BY_REFERRING_INSPECTOR),
                decide(inspector(CQC, REFERRER, Role.INSPECTOR), Action.CHANGE, at(AWAITING_EVALUATION, REFERRER)));
    }

    @Test
    void noOtherInspectorNorTheAgencyEvaluates() {
        Resource referral = at(AWAITING_EVALUATION, REFERRER);
        for (Subject other : Set.of(inspector(CQC, "another-cqc-inspector", Role.INSPECTOR, Role.LEAD_INSPECTOR),
                inspector(OFSTED, LEAD, Role.LEAD_INSPECTOR),
                // the referrer's id, but no longer inspection staff (e.g. moved to another role)
                inspector(CQC, REFERRER, Role.READER),
                agencyStaff(AGENCY, Role.AGENCY_CHIEF_OFFICER))) {
            assertEquals(Decision.deny(ReferralRules.EVALUATE_REFERRING_INSPECTOR_ONLY),
                    decide(other, Action.CHANGE, referral), other.toString());
        }
    }

    @Test
    void theAgencysChiefOfficerSignsOff() {
        assertEquals(Decision.permit(ReferralRules.SIGN_OFF_BY_CHIEF_OFFICER),
                decide(agencyStaff(AGENCY, Role.AGENCY_CHIEF_OFFICER), Action.CHANGE,
                        at(AWAITING_CHIEF_OFFICER_SIGN_OFF, null)));
    }

    @Test
    void noUploaderNorAnotherAgencysChiefOfficerSignsOffForTheAgency() {
        Resource referral = at(AWAITING_CHIEF_OFFICER_SIGN_OFF, null);
        for (Subject other : Set.of(agencyStaff(AGENCY, Role.AGENCY_UPLOADER),
                agencyStaff("northdale-childrens-services", Role.AGENCY_CHIEF_OFFICER),
                inspector(OFSTED, LEAD, Role.LEAD_INSPECTOR))) {
            assertEquals(Decision.deny(ReferralRules.SIGN_OFF_CHIEF_OFFICER_ONLY),
                    decide(other, Action.CHANGE, referral), other.toString());
        }
    }

    @Test
    void theInspectionsLeadInspectorSignsOffLast() {
        assertEquals(Decision.permit(ReferralRules.SIGN_OFF_BY_LEAD_INSPECTOR),
                decide(inspector(OFSTED, LEAD, Role.LEAD_INSPECTOR), Action.CHANGE,
                        at(AWAITING_LEAD_INSPECTOR_SIGN_OFF, LEAD)));
    }

    @Test
    void noOtherLeadInspectorNorTheReferrerSignsOffForTheInspection() {
        Resource referral = at(AWAITING_LEAD_INSPECTOR_SIGN_OFF, LEAD);
        for (Subject other : Set.of(inspector(CQC, "cqc-lead", Role.LEAD_INSPECTOR),
                inspector(OFSTED, "another-ofsted-lead", Role.LEAD_INSPECTOR),
                inspector(CQC, REFERRER, Role.INSPECTOR),
                // named as lead, but without the role any more
                inspector(OFSTED, LEAD, Role.INSPECTOR),
                agencyStaff(AGENCY, Role.AGENCY_CHIEF_OFFICER))) {
            assertEquals(Decision.deny(ReferralRules.SIGN_OFF_LEAD_INSPECTOR_ONLY),
                    decide(other, Action.CHANGE, referral), other.toString());
        }
    }

    @Test
    void aSignedOffReferralChangesNoMore() {
        for (Subject anyone : Set.of(inspector(OFSTED, LEAD, Role.LEAD_INSPECTOR),
                agencyStaff(AGENCY, Role.AGENCY_CHIEF_OFFICER))) {
            assertEquals(Decision.deny(ReferralRules.SIGNED_OFF_UNCHANGED),
                    decide(anyone, Action.CHANGE, at(SIGNED_OFF, LEAD)));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = {"DOWNLOAD", "DELETE", "EXPORT", "AUDIT_VIEW"})
    void nothingElseIsDoneWithAReferral(Action action) {
        assertEquals(Decision.deny(AccessPolicy.NOT_PERMITTED),
                decide(inspector(OFSTED, LEAD, Role.LEAD_INSPECTOR, Role.INSPECTOR), action,
                        at(AWAITING_LEAD_INSPECTOR_SIGN_OFF, LEAD)));
    }
}
