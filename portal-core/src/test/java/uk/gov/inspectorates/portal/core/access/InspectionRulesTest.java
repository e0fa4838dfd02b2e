package uk.gov.inspectorates.portal.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import uk.gov.inspectorates.portal.core.organisation.Role;

/** The JTAI rules, asked through the one policy: each test fails if its rule is taken out or loosened. */
class InspectionRulesTest {

    private static final Instant NOW = Instant.parse("2027-03-10T10:00:00Z");
    private static final Set<Inspectorate> PARTICIPANTS = Set.of(OFSTED, CQC, HMIC);
    private static final String AREA = "northdale";
    private static final String POLICE = "northdale-police";
    private static final String HEALTH = "northdale-icb";

    private final AccessPolicy policy = new AccessPolicy();
    private final Resource inspection = Resource.inspection("i-1", OFSTED, PARTICIPANTS, AREA);
    private final Resource policeRequest = Resource.informationRequest("r-1", HMIC, PARTICIPANTS, POLICE);
    private final Resource policeDocument = Resource.evidenceDocument("d-1", HMIC, PARTICIPANTS, POLICE);

    private Decision decide(Subject subject, Action action, Resource resource) {
        return policy.decide(subject, action, resource, NOW);
    }

    private static Subject staffOf(Inspectorate inspectorate, Role role) {
        return aSubject().of(inspectorate).withRoles(role).build();
    }

    private static Subject agencyStaff(String agencyId, AgencyType type, Role role) {
        return aSubject().ofAgency(agencyId, type, AREA).withRoles(role).build();
    }

    // ---- opening an inspection

    @Test
    void anOfstedLeadInspectorOpensAnInspection() {
        assertEquals(Decision.permit(InspectionRules.OPEN_BY_OFSTED_LEAD_INSPECTOR),
                decide(staffOf(OFSTED, Role.LEAD_INSPECTOR), Action.UPLOAD,
                        Resource.inspection(null, OFSTED, Set.of(OFSTED), AREA)));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INSPECTOR", "DATA_ANALYST", "INSPECTION_SUPPORT", "SIRO",
            "ADMINISTRATOR", "READER"})
    void noOtherOfstedStaffOpensOne(Role role) {
        assertEquals(Decision.deny(InspectionRules.OPEN_OFSTED_LEAD_INSPECTOR_ONLY),
                decide(staffOf(OFSTED, role), Action.UPLOAD, Resource.inspection(null, OFSTED, Set.of(OFSTED), AREA)));
    }

    @ParameterizedTest
    @EnumSource(value = Inspectorate.class, names = "OFSTED", mode = EnumSource.Mode.EXCLUDE)
    void noLeadInspectorOfAnotherInspectorateOpensOne(Inspectorate other) {
        assertEquals(Decision.deny(InspectionRules.OPEN_OFSTED_LEAD_INSPECTOR_ONLY),
                decide(staffOf(other, Role.LEAD_INSPECTOR), Action.UPLOAD,
                        Resource.inspection(null, OFSTED, Set.of(OFSTED), AREA)));
    }

    // ---- seeing an inspection

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INSPECTOR", "LEAD_INSPECTOR", "DATA_ANALYST", "INSPECTION_SUPPORT"})
    void participatingInspectionStaffSeeTheInspection(Role role) {
        for (Inspectorate participant : PARTICIPANTS) {
            assertEquals(Decision.permit(InspectionRules.VIEW_BY_PARTICIPATING_INSPECTION_STAFF),
                    decide(staffOf(participant, role), Action.VIEW_METADATA, inspection));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMINISTRATOR", "SIRO"})
    void administratorsAndSirosOfAParticipantSeeThatItExists(Role role) {
        assertEquals(Decision.permit(InspectionRules.VIEW_BY_PARTICIPANT_OVERSIGHT),
                decide(staffOf(CQC, role), Action.LIST, inspection));
    }

    @Test
    void theAreasAgencyStaffSeeTheInspection() {
        assertEquals(Decision.permit(InspectionRules.VIEW_BY_AREA_AGENCY_STAFF),
                decide(agencyStaff(POLICE, AgencyType.POLICE_FORCE, Role.AGENCY_UPLOADER), Action.VIEW_METADATA,
                        inspection));
        Subject elsewhere = aSubject().ofAgency("southvale-police", AgencyType.POLICE_FORCE, "southvale")
                .withRoles(Role.AGENCY_UPLOADER).build();
        assertEquals(Decision.deny(InspectionRules.VIEW_PARTICIPANTS_AND_AREA_AGENCIES_ONLY),
                decide(elsewhere, Action.VIEW_METADATA, inspection));
    }

    @Test
    void nonParticipantsAndReadersDoNotSeeIt() {
        for (Subject subject : new Subject[] {staffOf(HMI_PROBATION, Role.INSPECTOR),
                staffOf(HMI_PRISONS, Role.LEAD_INSPECTOR), staffOf(HMI_PRISONS, Role.ADMINISTRATOR),
                staffOf(OFSTED, Role.READER)}) {
            assertEquals(Decision.deny(InspectionRules.VIEW_PARTICIPANTS_AND_AREA_AGENCIES_ONLY),
                    decide(subject, Action.VIEW_METADATA, inspection), subject.toString());
        }
    }

    @Test
    void onlyTheLeadInspectoratesLeadInspectorChangesIt() {
        assertEquals(Decision.permit(InspectionRules.CHANGE_BY_LEAD_INSPECTOR),
                decide(staffOf(OFSTED, Role.LEAD_INSPECTOR), Action.CHANGE, inspection));
        assertEquals(Decision.deny(InspectionRules.CHANGE_LEAD_INSPECTOR_ONLY),
                decide(staffOf(CQC, Role.LEAD_INSPECTOR), Action.CHANGE, inspection));
        assertEquals(Decision.deny(InspectionRules.CHANGE_LEAD_INSPECTOR_ONLY),
                decide(staffOf(OFSTED, Role.INSPECTOR), Action.CHANGE, inspection));
    }

    // ---- requesting information

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INSPECTOR", "LEAD_INSPECTOR", "INSPECTION_SUPPORT"})
    void theInspectingInspectorateRequestsFromItsAgency(Role role) {
        assertEquals(Decision.permit(InspectionRules.REQUEST_BY_INSPECTING_INSPECTORATE),
                decide(staffOf(HMIC, role), Action.UPLOAD, Resource.informationRequest(null, HMIC, PARTICIPANTS,
                        POLICE)));
    }

    @Test
    void anInspectorateRequestsOnlyFromTheAgenciesItInspects() {
        // the police are HMIC's: CQC and Ofsted may not ask them
        Resource toPolice = Resource.informationRequest(null, HMIC, PARTICIPANTS, POLICE);
        assertEquals(Decision.deny(InspectionRules.REQUEST_INSPECTED_AGENCIES_ONLY),
                decide(staffOf(CQC, Role.INSPECTOR), Action.UPLOAD, toPolice));
        assertEquals(Decision.deny(InspectionRules.REQUEST_INSPECTED_AGENCIES_ONLY),
                decide(staffOf(OFSTED, Role.LEAD_INSPECTOR), Action.UPLOAD, toPolice));
    }

    @Test
    void aNonParticipatingInspectorateRequestsNothing() {
        assertEquals(Decision.deny(InspectionRules.REQUEST_PARTICIPATING_INSPECTORATES_ONLY),
                decide(staffOf(HMI_PROBATION, Role.INSPECTOR), Action.UPLOAD,
                        Resource.informationRequest(null, HMI_PROBATION, PARTICIPANTS, "northdale-yos")));
        assertEquals(Decision.deny(InspectionRules.REQUEST_PARTICIPATING_INSPECTORATES_ONLY),
                decide(agencyStaff(POLICE, AgencyType.POLICE_FORCE, Role.AGENCY_CHIEF_OFFICER), Action.UPLOAD,
                        Resource.informationRequest(null, HMIC, PARTICIPANTS, POLICE)));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"DATA_ANALYST", "SIRO", "ADMINISTRATOR", "READER"})
    void onlyInspectorsLeadInspectorsAndSupportRequest(Role role) {
        assertEquals(Decision.deny(InspectionRules.REQUEST_NEEDS_REQUESTING_ROLE),
                decide(staffOf(HMIC, role), Action.UPLOAD, Resource.informationRequest(null, HMIC, PARTICIPANTS,
                        POLICE)));
    }

    @Test
    void requestsAreSeenByTheirAgencyAndEveryParticipantsInspectionStaff() {
        assertEquals(Decision.permit(InspectionRules.REQUEST_VIEW_BY_OWN_AGENCY),
                decide(agencyStaff(POLICE, AgencyType.POLICE_FORCE, Role.AGENCY_UPLOADER), Action.LIST,
                        policeRequest));
        assertEquals(Decision.permit(InspectionRules.REQUEST_VIEW_BY_PARTICIPATING_INSPECTION_STAFF),
                decide(staffOf(CQC, Role.DATA_ANALYST), Action.VIEW_METADATA, policeRequest));
        assertEquals(Decision.deny(InspectionRules.REQUEST_VIEW_OWN_AGENCY_OR_PARTICIPANTS_ONLY),
                decide(agencyStaff(HEALTH, AgencyType.HEALTH_COMMISSIONER, Role.AGENCY_UPLOADER),
                        Action.VIEW_METADATA, policeRequest));
        assertEquals(Decision.deny(InspectionRules.REQUEST_VIEW_OWN_AGENCY_OR_PARTICIPANTS_ONLY),
                decide(agencyStaff(POLICE, AgencyType.POLICE_FORCE, Role.ADMINISTRATOR), Action.VIEW_METADATA,
                        policeRequest));
        assertEquals(Decision.deny(InspectionRules.REQUEST_VIEW_OWN_AGENCY_OR_PARTICIPANTS_ONLY),
                decide(staffOf(HMI_PROBATION, Role.INSPECTOR), Action.VIEW_METADATA, policeRequest));
    }

    // ---- evidence documents

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"AGENCY_UPLOADER", "AGENCY_CHIEF_OFFICER"})
    void theAgencysEvidenceStaffUploadAgainstItsOwnRequests(Role role) {
        assertEquals(Decision.permit(InspectionRules.DOCUMENT_UPLOAD_BY_OWN_AGENCY),
                decide(agencyStaff(POLICE, AgencyType.POLICE_FORCE, role), Action.UPLOAD,
                        Resource.evidenceDocument(null, HMIC, PARTICIPANTS, POLICE)));
    }

    @Test
    void nobodyElseUploadsEvidence() {
        Resource forPolice = Resource.evidenceDocument(null, HMIC, PARTICIPANTS, POLICE);
        for (Subject subject : new Subject[] {
                agencyStaff(HEALTH, AgencyType.HEALTH_COMMISSIONER, Role.AGENCY_UPLOADER),
                agencyStaff(POLICE, AgencyType.POLICE_FORCE, Role.ADMINISTRATOR),
                staffOf(HMIC, Role.INSPECTOR), staffOf(OFSTED, Role.LEAD_INSPECTOR)}) {
            assertEquals(Decision.deny(InspectionRules.DOCUMENT_UPLOAD_OWN_AGENCY_ONLY),
                    decide(subject, Action.UPLOAD, forPolice), subject.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = {"LIST", "VIEW_METADATA", "DOWNLOAD"})
    void anAgencyReadsItsOwnDocumentsAndNeverAnothersAgencys(Action action) {
        assertEquals(Decision.permit(InspectionRules.DOCUMENT_READ_BY_OWN_AGENCY),
                decide(agencyStaff(POLICE, AgencyType.POLICE_FORCE, Role.AGENCY_UPLOADER), action, policeDocument));
        assertEquals(Decision.deny(InspectionRules.DOCUMENT_READ_OWN_AGENCY_OR_PARTICIPANTS_ONLY),
                decide(agencyStaff(HEALTH, AgencyType.HEALTH_COMMISSIONER, Role.AGENCY_CHIEF_OFFICER), action,
                        policeDocument));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INSPECTOR", "LEAD_INSPECTOR", "DATA_ANALYST", "INSPECTION_SUPPORT"})
    void everyParticipatingInspectoratesInspectionStaffDownloadEveryDocument(Role role) {
        for (Inspectorate participant : PARTICIPANTS) {
            assertEquals(Decision.permit(InspectionRules.DOCUMENT_READ_BY_PARTICIPATING_INSPECTION_STAFF),
                    decide(staffOf(participant, role), Action.DOWNLOAD, policeDocument));
        }
    }

    @Test
    void nobodyElseOpensADocument() {
        for (Subject subject : new Subject[] {staffOf(HMI_PRISONS, Role.INSPECTOR),
                staffOf(HMI_PROBATION, Role.LEAD_INSPECTOR), staffOf(OFSTED, Role.SIRO),
                staffOf(OFSTED, Role.ADMINISTRATOR), staffOf(CQC, Role.READER),
                agencyStaff(POLICE, AgencyType.POLICE_FORCE, Role.ADMINISTRATOR)}) {
            assertEquals(Decision.deny(InspectionRules.DOCUMENT_READ_OWN_AGENCY_OR_PARTICIPANTS_ONLY),
                    decide(subject, Action.DOWNLOAD, policeDocument), subject.toString());
            assertEquals(Decision.deny(InspectionRules.DOCUMENT_READ_OWN_AGENCY_OR_PARTICIPANTS_ONLY),
                    decide(subject, Action.VIEW_METADATA, policeDocument), subject.toString());
        }
    }

    @Test
    void documentsAreKeptAsUploaded() {
        assertEquals(Decision.deny(InspectionRules.DOCUMENT_KEPT_AS_UPLOADED),
                decide(agencyStaff(POLICE, AgencyType.POLICE_FORCE, Role.AGENCY_UPLOADER), Action.DELETE,
                        policeDocument));
        assertEquals(Decision.deny(InspectionRules.DOCUMENT_KEPT_AS_UPLOADED),
                decide(staffOf(OFSTED, Role.LEAD_INSPECTOR), Action.CHANGE, policeDocument));
    }
}
