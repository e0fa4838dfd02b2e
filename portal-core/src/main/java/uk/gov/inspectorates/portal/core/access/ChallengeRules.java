package uk.gov.inspectorates.portal.core.access;

import java.util.Optional;
import java.util.Set;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;

/**
 * Who may do what with the challenges and complaints about a joint inspection (JTAI Annex D, docs/adr/0026).
 *
 * <ul>
 *   <li>The lead inspectorate (Ofsted) coordinates the investigation and the joint response: its inspectors, lead
 *   inspectors and inspection support record a challenge received, acknowledge it and record the response.</li>
 *   <li>"Ofsted shares copies of all challenges or complaints with the lead inspectors from other relevant
 *   inspectorates": the inspection staff of every participating inspectorate see them.</li>
 *   <li>Nobody else: not the area's agencies (the complainant has its own correspondence), not administrators.</li>
 * </ul>
 */
public final class ChallengeRules {

    public static final String RECORD_BY_LEAD_INSPECTORATE_STAFF = "inspection.challenge.record.lead-inspectorate-staff";
    public static final String RECORD_LEAD_INSPECTORATE_STAFF_ONLY =
            "inspection.challenge.record.lead-inspectorate-staff-only";
    public static final String VIEW_BY_PARTICIPATING_INSPECTION_STAFF =
            "inspection.challenge.view.participating-inspection-staff";
    public static final String VIEW_PARTICIPATING_INSPECTION_STAFF_ONLY =
            "inspection.challenge.view.participating-inspection-staff-only";

    private static final Set<Role> RECORDERS = Set.of(Role.INSPECTOR, Role.LEAD_INSPECTOR, Role.INSPECTION_SUPPORT);

    private ChallengeRules() {
    }

    static Decision decide(Subject subject, Action action, Resource challenge) {
        Optional<Inspectorate> own = subject.inspectorate();
        boolean participatingStaff = own.isPresent() && challenge.addressees().contains(own.get())
                && InspectionRules.INSPECTION_STAFF.stream().anyMatch(subject::has);
        return switch (action) {
            case UPLOAD, CHANGE -> own.isPresent() && own.get() == challenge.originator()
                    && RECORDERS.stream().anyMatch(subject::has)
                    ? Decision.permit(RECORD_BY_LEAD_INSPECTORATE_STAFF)
                    : Decision.deny(RECORD_LEAD_INSPECTORATE_STAFF_ONLY);
            case LIST, VIEW_METADATA -> participatingStaff
                    ? Decision.permit(VIEW_BY_PARTICIPATING_INSPECTION_STAFF)
                    : Decision.deny(VIEW_PARTICIPATING_INSPECTION_STAFF_ONLY);
            case DOWNLOAD, DELETE, EXPORT, AUDIT_VIEW -> Decision.deny(AccessPolicy.NOT_PERMITTED);
        };
    }
}
