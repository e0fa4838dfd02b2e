package uk.gov.inspectorates.portal.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.CQC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMIC;
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
import uk.gov.inspectorates.portal.core.organisation.Role;

/**
 * The findings letter's rules before issue (FindingsLetterRules) and the agency recipients of an issued letter (the
 * report rules), asked through the one policy: each test fails if its rule is taken out or loosened.
 */
class FindingsLetterRulesTest {

    private static final Instant NOW = Instant.parse("2027-03-10T10:00:00Z");
    private static final Set<Inspectorate> PARTICIPANTS = Set.of(OFSTED, CQC, HMIC);
    private static final String AREA = "northdale";
    private static final String LA = "northdale-la";
    private static final String POLICE = "northdale-police";

    private final AccessPolicy policy = new AccessPolicy();
    private final Resource beforeCheck = Resource.findingsLetter("i-1", OFSTED, PARTICIPANTS, null, null);
    private final Resource sentToDcs = Resource.findingsLetter("i-1", OFSTED, PARTICIPANTS, "dcs", null);
    private final Resource comments = Resource.findingsLetter("i-1", OFSTED, PARTICIPANTS, "dcs", LA);

    private Decision decide(Subject subject, Action action, Resource resource) {
        return policy.decide(subject, action, resource, NOW);
    }

    private static Subject staffOf(Inspectorate inspectorate, Role role) {
        return aSubject().of(inspectorate).withRoles(role).build();
    }

    private static Subject dcs() {
        return aSubject().withId("dcs").ofAgency(LA, AgencyType.LOCAL_AUTHORITY_CHILDRENS_SERVICES, AREA)
                .withRoles(Role.AGENCY_CHIEF_OFFICER).build();
    }

    private static Subject agencyStaff(String id, String agency, AgencyType type, Role role) {
        return aSubject().withId(id).ofAgency(agency, type, AREA).withRoles(role).build();
    }

    // ---- reading drafts

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INSPECTOR", "LEAD_INSPECTOR", "DATA_ANALYST", "INSPECTION_SUPPORT"})
    void participatingInspectionStaffReadTheDrafts(Role role) {
        for (Inspectorate participant : PARTICIPANTS) {
            assertEquals(Decision.permit(FindingsLetterRules.READ_BY_PARTICIPATING_INSPECTION_STAFF),
                    decide(staffOf(participant, role), Action.DOWNLOAD, beforeCheck));
        }
    }

    @Test
    void aNonParticipatingInspectorateDoesNotReadThem() {
        assertEquals(Decision.deny(FindingsLetterRules.READ_PARTICIPANTS_AND_DCS_ONLY),
                decide(staffOf(HMI_PROBATION, Role.LEAD_INSPECTOR), Action.VIEW_METADATA, beforeCheck));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SIRO", "ADMINISTRATOR", "READER"})
    void participantsOtherStaffDoNotReadThem(Role role) {
        assertEquals(Decision.deny(FindingsLetterRules.READ_PARTICIPANTS_AND_DCS_ONLY),
                decide(staffOf(OFSTED, role), Action.DOWNLOAD, beforeCheck));
    }

    @Test
    void theDcsReadsNothingBeforeTheDraftIsSentToThem() {
        assertEquals(Decision.deny(FindingsLetterRules.READ_PARTICIPANTS_AND_DCS_ONLY),
                decide(dcs(), Action.VIEW_METADATA, beforeCheck));
    }

    @Test
    void theDcsReadsTheDraftSentToThem() {
        assertEquals(Decision.permit(FindingsLetterRules.READ_BY_DCS), decide(dcs(), Action.DOWNLOAD, sentToDcs));
    }

    @Test
    void noOtherAgencyStaffReadTheDraftSentToTheDcs() {
        assertEquals(Decision.deny(FindingsLetterRules.READ_PARTICIPANTS_AND_DCS_ONLY),
                decide(agencyStaff("other", LA, AgencyType.LOCAL_AUTHORITY_CHILDRENS_SERVICES,
                        Role.AGENCY_CHIEF_OFFICER), Action.DOWNLOAD, sentToDcs));
        assertEquals(Decision.deny(FindingsLetterRules.READ_PARTICIPANTS_AND_DCS_ONLY),
                decide(agencyStaff("chief", POLICE, AgencyType.POLICE_FORCE, Role.AGENCY_CHIEF_OFFICER),
                        Action.DOWNLOAD, sentToDcs));
    }

    @Test
    void anInspectorateAccountWithTheDcsIdIsNotTheDcs() {
        Subject impostor = aSubject().withId("dcs").of(HMI_PROBATION).withRoles(Role.READER).build();
        assertEquals(Decision.deny(FindingsLetterRules.READ_PARTICIPANTS_AND_DCS_ONLY),
                decide(impostor, Action.DOWNLOAD, sentToDcs));
    }

    // ---- drafts, sending and issuing: the lead inspectorate's lead inspector

    @Test
    void theLeadInspectorateLeadInspectorUploadsSendsAndIssues() {
        Subject lead = staffOf(OFSTED, Role.LEAD_INSPECTOR);
        assertEquals(Decision.permit(FindingsLetterRules.DRAFT_BY_LEAD_INSPECTOR),
                decide(lead, Action.UPLOAD, beforeCheck));
        assertEquals(Decision.permit(FindingsLetterRules.SEND_BY_LEAD_INSPECTOR),
                decide(lead, Action.EXPORT, beforeCheck));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INSPECTOR", "DATA_ANALYST", "INSPECTION_SUPPORT", "SIRO",
            "ADMINISTRATOR", "READER"})
    void noOtherOfstedStaffDraftsOrSends(Role role) {
        assertEquals(Decision.deny(FindingsLetterRules.DRAFT_LEAD_INSPECTOR_ONLY),
                decide(staffOf(OFSTED, role), Action.UPLOAD, beforeCheck));
        assertEquals(Decision.deny(FindingsLetterRules.SEND_LEAD_INSPECTOR_ONLY),
                decide(staffOf(OFSTED, role), Action.EXPORT, beforeCheck));
    }

    @Test
    void anotherParticipantsLeadInspectorDoesNotDraftOrSend() {
        assertEquals(Decision.deny(FindingsLetterRules.DRAFT_LEAD_INSPECTOR_ONLY),
                decide(staffOf(CQC, Role.LEAD_INSPECTOR), Action.UPLOAD, beforeCheck));
        assertEquals(Decision.deny(FindingsLetterRules.SEND_LEAD_INSPECTOR_ONLY),
                decide(staffOf(CQC, Role.LEAD_INSPECTOR), Action.EXPORT, beforeCheck));
    }

    @Test
    void theDcsDoesNotUploadAVersionOfTheLetter() {
        assertEquals(Decision.deny(FindingsLetterRules.DRAFT_LEAD_INSPECTOR_ONLY),
                decide(dcs(), Action.UPLOAD, sentToDcs));
    }

    // ---- sign-off: the other participants' lead inspectors and inspectors

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INSPECTOR", "LEAD_INSPECTOR"})
    void anotherParticipantsInspectorSignsOff(Role role) {
        assertEquals(Decision.permit(FindingsLetterRules.SIGN_OFF_BY_OTHER_PARTICIPANT),
                decide(staffOf(HMIC, role), Action.CHANGE, beforeCheck));
    }

    @Test
    void theLeadInspectorateDoesNotSignOffItsOwnLetter() {
        assertEquals(Decision.deny(FindingsLetterRules.SIGN_OFF_OTHER_PARTICIPANTS_ONLY),
                decide(staffOf(OFSTED, Role.LEAD_INSPECTOR), Action.CHANGE, beforeCheck));
    }

    @Test
    void aNonParticipantOrAnAnalystDoesNotSignOff() {
        assertEquals(Decision.deny(FindingsLetterRules.SIGN_OFF_OTHER_PARTICIPANTS_ONLY),
                decide(staffOf(HMI_PROBATION, Role.LEAD_INSPECTOR), Action.CHANGE, beforeCheck));
        assertEquals(Decision.deny(FindingsLetterRules.SIGN_OFF_OTHER_PARTICIPANTS_ONLY),
                decide(staffOf(CQC, Role.DATA_ANALYST), Action.CHANGE, beforeCheck));
        assertEquals(Decision.deny(FindingsLetterRules.SIGN_OFF_OTHER_PARTICIPANTS_ONLY),
                decide(dcs(), Action.CHANGE, sentToDcs));
    }

    // ---- the partnership's comments: the DCS only

    @Test
    void theDcsUploadsTheComments() {
        assertEquals(Decision.permit(FindingsLetterRules.COMMENTS_BY_DCS), decide(dcs(), Action.UPLOAD, comments));
    }

    @Test
    void nobodyElseUploadsTheComments() {
        assertEquals(Decision.deny(FindingsLetterRules.COMMENTS_DCS_ONLY),
                decide(staffOf(OFSTED, Role.LEAD_INSPECTOR), Action.UPLOAD, comments));
        assertEquals(Decision.deny(FindingsLetterRules.COMMENTS_DCS_ONLY),
                decide(agencyStaff("up", LA, AgencyType.LOCAL_AUTHORITY_CHILDRENS_SERVICES, Role.AGENCY_UPLOADER),
                        Action.UPLOAD, comments));
        // the DCS's comments belong to the DCS's own agency
        assertEquals(Decision.deny(FindingsLetterRules.COMMENTS_DCS_ONLY), decide(dcs(), Action.UPLOAD,
                Resource.findingsLetter("i-1", OFSTED, PARTICIPANTS, "dcs", POLICE)));
    }

    @Test
    void draftsAreKeptUntilTheInspectionsRemoval() {
        assertEquals(Decision.deny(FindingsLetterRules.KEPT_UNTIL_INSPECTION_REMOVAL),
                decide(staffOf(OFSTED, Role.LEAD_INSPECTOR), Action.DELETE, beforeCheck));
    }

    // ---- the issued letter: a report with named agency recipients

    private static Resource issued(Resource.Lifecycle lifecycle) {
        return new Resource(Resource.Kind.REPORT, "rep-1", OFSTED, Set.of(CQC, HMIC), lifecycle, null, null,
                Set.of("dcs", "police-chief"));
    }

    @Test
    void aNamedAgencyRecipientReadsTheIssuedLetterUnderEmbargo() {
        Subject chief = agencyStaff("police-chief", POLICE, AgencyType.POLICE_FORCE, Role.AGENCY_CHIEF_OFFICER);
        assertEquals(Decision.permit(AccessPolicy.EMBARGO_FINDINGS_LETTER_AGENCY_RECIPIENT),
                decide(chief, Action.DOWNLOAD, issued(Resource.Lifecycle.UNDER_EMBARGO)));
        assertEquals(Decision.permit(AccessPolicy.EMBARGO_FINDINGS_LETTER_AGENCY_RECIPIENT),
                decide(dcs(), Action.VIEW_METADATA, issued(Resource.Lifecycle.UNDER_EMBARGO)));
    }

    @Test
    void noOtherAgencyStaffReadIt() {
        Subject uploader = agencyStaff("police-uploader", POLICE, AgencyType.POLICE_FORCE, Role.AGENCY_UPLOADER);
        assertEquals(Decision.deny(AccessPolicy.EMBARGO_FINDINGS_LETTER_NAMED_AGENCY_RECIPIENTS_ONLY),
                decide(uploader, Action.DOWNLOAD, issued(Resource.Lifecycle.UNDER_EMBARGO)));
    }

    @Test
    void anAgencyRecipientIsNamedForTheFindingsLetterOnly() {
        Subject chief = agencyStaff("police-chief", POLICE, AgencyType.POLICE_FORCE, Role.AGENCY_CHIEF_OFFICER);
        Resource ordinaryReport = new Resource(Resource.Kind.REPORT, "rep-2", OFSTED, Set.of(CQC),
                Resource.Lifecycle.UNDER_EMBARGO, null);
        assertEquals(Decision.deny(AccessPolicy.EMBARGO_READER_LIST_ONLY),
                decide(chief, Action.DOWNLOAD, ordinaryReport));
    }

    @Test
    void anAgencyRecipientNeitherSharesOnwardsNorReadsAWithdrawnLetter() {
        Subject chief = agencyStaff("police-chief", POLICE, AgencyType.POLICE_FORCE, Role.AGENCY_CHIEF_OFFICER);
        assertEquals(Decision.deny(AccessPolicy.ONWARD_SHARING_RECEIVING_PARTIES_ONLY),
                decide(chief, Action.EXPORT, issued(Resource.Lifecycle.UNDER_EMBARGO)));
        assertEquals(Decision.deny(AccessPolicy.WITHDRAWN_NOT_SERVED),
                decide(chief, Action.DOWNLOAD, issued(Resource.Lifecycle.WITHDRAWN)));
        assertEquals(Decision.deny(AccessPolicy.CHANGE_ORIGINATOR_STAFF_ONLY),
                decide(chief, Action.CHANGE, issued(Resource.Lifecycle.UNDER_EMBARGO)));
    }

    @Test
    void inspectorateStaffNamedAsRecipientGainNothing() {
        Subject hmpReader = aSubject().withId("dcs").of(HMI_PROBATION).withRoles(Role.READER).build();
        assertEquals(Decision.deny(AccessPolicy.EMBARGO_READER_LIST_ONLY),
                decide(hmpReader, Action.DOWNLOAD, issued(Resource.Lifecycle.UNDER_EMBARGO)));
    }
}
