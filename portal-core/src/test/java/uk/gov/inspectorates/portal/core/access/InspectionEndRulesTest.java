package uk.gov.inspectorates.portal.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.CQC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMIC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMI_PRISONS;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMI_PROBATION;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.OFSTED;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionStatus;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;

/** Closing an inspection and exporting from it (issue 17): each test fails if its rule is taken out or loosened. */
class InspectionEndRulesTest {

    private static final Instant NOW = Instant.parse("2027-06-10T10:00:00Z");
    private final AccessPolicy policy = new AccessPolicy();
    private final Inspection inspection = new Inspection("i-1", "northdale", "Theme", LocalDate.of(2027, 3, 9),
            OFSTED, Set.of(OFSTED, CQC, HMIC), Map.of(), InspectionStatus.OPEN, "u-1", NOW);

    private Decision decide(Subject subject, Action action, Resource resource) {
        return policy.decide(subject, action, resource, NOW);
    }

    private static Subject staffOf(Inspectorate inspectorate, Role role) {
        return aSubject().of(inspectorate).withRoles(role).build();
    }

    // ---- closure

    @Test
    void theLeadInspectoratesLeadInspectorClosesTheInspection() {
        assertEquals(Decision.permit(InspectionRules.CLOSE_BY_LEAD_INSPECTOR),
                decide(staffOf(OFSTED, Role.LEAD_INSPECTOR), Action.DELETE, inspection.asEndResource()));
    }

    @ParameterizedTest
    @EnumSource(value = Inspectorate.class, names = {"OFSTED", "CQC", "HMIC"})
    void anAdministratorOfAParticipatingInspectorateClosesIt(Inspectorate inspectorate) {
        assertEquals(Decision.permit(InspectionRules.CLOSE_BY_PARTICIPANT_ADMINISTRATOR),
                decide(staffOf(inspectorate, Role.ADMINISTRATOR), Action.DELETE, inspection.asEndResource()));
    }

    @Test
    void anotherInspectoratesLeadInspectorDoesNotClose() {
        assertEquals(Decision.deny(InspectionRules.CLOSE_LEAD_INSPECTOR_OR_ADMINISTRATOR_ONLY),
                decide(staffOf(CQC, Role.LEAD_INSPECTOR), Action.DELETE, inspection.asEndResource()));
    }

    @Test
    void anAdministratorOfAnInspectorateNotTakingPartDoesNotClose() {
        assertEquals(Decision.deny(InspectionRules.CLOSE_LEAD_INSPECTOR_OR_ADMINISTRATOR_ONLY),
                decide(staffOf(HMI_PROBATION, Role.ADMINISTRATOR), Action.DELETE, inspection.asEndResource()));
        assertEquals(Decision.deny(InspectionRules.CLOSE_LEAD_INSPECTOR_OR_ADMINISTRATOR_ONLY),
                decide(staffOf(HMI_PRISONS, Role.ADMINISTRATOR), Action.DELETE, inspection.asEndResource()));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INSPECTOR", "DATA_ANALYST", "INSPECTION_SUPPORT", "SIRO", "READER"})
    void noOtherOfstedStaffCloses(Role role) {
        assertEquals(Decision.deny(InspectionRules.CLOSE_LEAD_INSPECTOR_OR_ADMINISTRATOR_ONLY),
                decide(staffOf(OFSTED, role), Action.DELETE, inspection.asEndResource()));
    }

    @Test
    void agencyStaffNeitherCloseNorSeeTheInspectionsEnd() {
        Subject chief = aSubject().ofAgency("northdale-police", AgencyType.POLICE_FORCE, "northdale")
                .withRoles(Role.AGENCY_CHIEF_OFFICER, Role.ADMINISTRATOR).build();
        assertEquals(Decision.deny(InspectionRules.CLOSE_LEAD_INSPECTOR_OR_ADMINISTRATOR_ONLY),
                decide(chief, Action.DELETE, inspection.asEndResource()));
        assertEquals(Decision.deny(InspectionRules.VIEW_PARTICIPANTS_AND_AREA_AGENCIES_ONLY),
                decide(chief, Action.VIEW_METADATA, inspection.asEndResource()), "404 for the export page");
        assertEquals(Decision.permit(InspectionRules.VIEW_BY_AREA_AGENCY_STAFF),
                decide(chief, Action.VIEW_METADATA, inspection.asResource()), "they still see the inspection");
    }

    // ---- export

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INSPECTOR", "LEAD_INSPECTOR", "DATA_ANALYST", "INSPECTION_SUPPORT"})
    void anInspectoratesInspectionStaffExportItsOwnShare(Role role) {
        assertEquals(Decision.permit(InspectionRules.EXPORT_BY_OWN_INSPECTION_STAFF),
                decide(staffOf(HMIC, role), Action.EXPORT, inspection.exportFor(HMIC)));
    }

    @Test
    void anotherParticipatingInspectoratesStaffDoNotExportItsShare() {
        assertEquals(Decision.deny(InspectionRules.EXPORT_OWN_INSPECTION_STAFF_ONLY),
                decide(staffOf(CQC, Role.INSPECTOR), Action.EXPORT, inspection.exportFor(HMIC)));
        assertEquals(Decision.deny(InspectionRules.EXPORT_OWN_INSPECTION_STAFF_ONLY),
                decide(staffOf(OFSTED, Role.LEAD_INSPECTOR), Action.EXPORT, inspection.exportFor(HMIC)),
                "not even the lead inspectorate");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMINISTRATOR", "SIRO", "READER"})
    void theInspectoratesOversightAndReadersDoNotExport(Role role) {
        assertEquals(Decision.deny(InspectionRules.EXPORT_OWN_INSPECTION_STAFF_ONLY),
                decide(staffOf(HMIC, role), Action.EXPORT, inspection.exportFor(HMIC)));
    }

    @Test
    void theWholeInspectionIsNoExportOfAnyOne() {
        assertEquals(Decision.deny(InspectionRules.EXPORT_OWN_INSPECTION_STAFF_ONLY),
                decide(staffOf(HMIC, Role.INSPECTOR), Action.EXPORT, inspection.asEndResource()));
    }

    @Test
    void agencyStaffDoNotExport() {
        Subject uploader = aSubject().ofAgency("northdale-police", AgencyType.POLICE_FORCE, "northdale")
                .withRoles(Role.AGENCY_UPLOADER).build();
        assertEquals(Decision.deny(InspectionRules.EXPORT_OWN_INSPECTION_STAFF_ONLY),
                decide(uploader, Action.EXPORT, inspection.exportFor(HMIC)));
    }
}
