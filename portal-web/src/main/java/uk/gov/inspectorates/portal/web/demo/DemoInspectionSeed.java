package uk.gov.inspectorates.portal.web.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.inspection.InformationRequests;
import uk.gov.inspectorates.portal.core.inspection.InspectionDraft;
import uk.gov.inspectorates.portal.core.inspection.InspectionRepository;
import uk.gov.inspectorates.portal.core.inspection.InspectionService;
import uk.gov.inspectorates.portal.core.inspection.RequestDraft;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.Team;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;

/**
 * A Northdale JTAI in progress for demo mode: notified three working days ago, with requests from all four
 * inspectorates to the agencies each inspects, made through the services as the demo inspectors (so the policy
 * and audit apply as to anyone). Seeded once: a later start finds it and adds nothing.
 */
@ApplicationScoped
public class DemoInspectionSeed {

    static final String THEME = "The response to children living with domestic abuse";

    private static final Logger LOG = Logger.getLogger(DemoInspectionSeed.class.getName());

    @Inject
    OrganisationDirectory directory;

    @Inject
    InspectionRepository inspectionRecords;

    @Inject
    InspectionService inspections;

    @Inject
    InformationRequests requests;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    Clock clock;

    public void seed() {
        boolean seeded = inspectionRecords.all().stream().anyMatch(inspection -> THEME.equals(inspection.theme())
                && DemoDirectory.LOCAL_AUTHORITY_AREA_ID.equals(inspection.localAuthorityAreaId()));
        if (seeded) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.UK));
        LocalDate notifiedOn = calendar.plusWorkingDays(today, -3);
        String id = inspections.open(subject("ofsted.lead"), new InspectionDraft(DemoDirectory.LOCAL_AUTHORITY_AREA_ID,
                THEME, notifiedOn.toString(), List.of("OFSTED", "CQC", "HMIC", "HMI_PROBATION"), "OFSTED",
                Map.of())).inspection().id();
        request("ofsted.lead", id, DemoDirectory.CHILDRENS_SERVICES_ID, "List of children in the deep-dive theme",
                List.of("LIST_OF_CHILDREN"));
        request("ofsted.lead", id, DemoDirectory.CHILDRENS_SERVICES_ID, "The 20 selected children",
                List.of("SELECTED_CHILDREN_INFORMATION"));
        request("ofsted.inspector", id, DemoDirectory.CHILDRENS_SERVICES_ID, "Case files and joint evaluations",
                List.of("KEY_CASE_FILE_DOCUMENTS", "JOINT_EVALUATIONS"));
        request("cqc.inspector", id, DemoDirectory.HEALTH_ID, "Health records of the selected children",
                List.of("KEY_CASE_FILE_DOCUMENTS"));
        request("hmic.inspector", id, DemoDirectory.POLICE_ID, "Police case records and domestic abuse notifications",
                List.of("KEY_CASE_FILE_DOCUMENTS", "REMAINING_ANNEX_A_INFORMATION"));
        request("hmiprobation.inspector", id, DemoDirectory.YOUTH_OFFENDING_ID, "Youth offending case files",
                List.of("KEY_CASE_FILE_DOCUMENTS"));
        request("hmiprobation.inspector", id, DemoDirectory.PROBATION_ID, "Consent confirmations",
                List.of("CONSENT_CONFIRMATIONS"));
        LOG.warning(() -> "DEMO MODE: seeded the Northdale JTAI " + id + " notified on " + notifiedOn);
    }

    private void request(String username, String inspectionId, String agencyId, String title, List<String> items) {
        requests.request(subject(username), inspectionId, new RequestDraft(agencyId, title,
                "Please upload through the portal. Children by their unique identifier only, never by name; staff by"
                        + " job title.", items, null, null, null));
    }

    /** A demo user as the policy sees them when signed in. */
    private Subject subject(String username) {
        UserAccount user = directory.findUserByUsername(username).orElseThrow();
        Organisation organisation = directory.findOrganisation(user.organisationId()).orElseThrow();
        Set<Team> teams = user.teamIds().stream().map(directory::findTeam).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        return new Subject(user.id(), user.username(), user.displayName(), organisation, user.roles(), teams);
    }
}
