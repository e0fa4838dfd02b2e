package uk.gov.inspectorates.portal.core.access;

import java.util.Optional;
import java.util.Set;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;

/**
 * Who may do what with a joint targeted area inspection, its information requests and the evidence documents agencies
 * upload against them (ISP "Sharing information on a JTAI", JTAI §12-24; docs/adr/0021).
 *
 * <ul>
 *   <li>An Ofsted lead inspector opens an inspection (an Ofsted social care HMI leads every JTAI).</li>
 *   <li>The inspection staff (inspectors, lead inspectors, data analysts, inspection support) of every participating
 *   inspectorate see the inspection and every request and document of it.</li>
 *   <li>Each participating inspectorate requests information only from the agencies it inspects, by its inspectors,
 *   lead inspectors or inspection support.</li>
 *   <li>An agency's staff who handle evidence (uploader, chief officer) see their own agency's requests and documents,
 *   and upload against them; never another agency's.</li>
 *   <li>Administrators and SIROs of a participating inspectorate, and an area's agency staff, see that the
 *   inspection exists; nobody else opens a document.</li>
 * </ul>
 *
 * <p>The resources: an inspection names its lead inspectorate (originator), its participants (addressees) and its
 * local authority area (in {@code agencyId}: an inspection belongs to the agencies of its area); a request and a
 * document name the requesting inspectorate (originator), the participants and their agency.
 */
public final class InspectionRules {

    public static final String OPEN_BY_OFSTED_LEAD_INSPECTOR = "inspection.open.ofsted-lead-inspector";
    public static final String OPEN_OFSTED_LEAD_INSPECTOR_ONLY = "inspection.open.ofsted-lead-inspector-only";
    public static final String VIEW_BY_PARTICIPATING_INSPECTION_STAFF = "inspection.view.participating-inspection-staff";
    public static final String VIEW_BY_PARTICIPANT_OVERSIGHT = "inspection.view.participant-administrator-or-siro";
    public static final String VIEW_BY_AREA_AGENCY_STAFF = "inspection.view.area-agency-staff";
    public static final String VIEW_PARTICIPANTS_AND_AREA_AGENCIES_ONLY =
            "inspection.view.participants-and-area-agencies-only";
    public static final String CHANGE_BY_LEAD_INSPECTOR = "inspection.change.lead-inspectorate-lead-inspector";
    public static final String CHANGE_LEAD_INSPECTOR_ONLY = "inspection.change.lead-inspectorate-lead-inspector-only";

    public static final String REQUEST_BY_INSPECTING_INSPECTORATE = "inspection.request.by-inspecting-inspectorate";
    public static final String REQUEST_PARTICIPATING_INSPECTORATES_ONLY =
            "inspection.request.participating-inspectorates-only";
    public static final String REQUEST_INSPECTED_AGENCIES_ONLY = "inspection.request.inspected-agencies-only";
    public static final String REQUEST_NEEDS_REQUESTING_ROLE =
            "inspection.request.requires-inspector-lead-inspector-or-inspection-support";
    public static final String REQUEST_VIEW_BY_PARTICIPATING_INSPECTION_STAFF =
            "inspection.request.view.participating-inspection-staff";
    public static final String REQUEST_VIEW_BY_OWN_AGENCY = "inspection.request.view.own-agency-staff";
    public static final String REQUEST_VIEW_OWN_AGENCY_OR_PARTICIPANTS_ONLY =
            "inspection.request.view.own-agency-or-participating-inspection-staff-only";

    public static final String DOCUMENT_UPLOAD_BY_OWN_AGENCY = "inspection.document.upload.own-agency-staff";
    public static final String DOCUMENT_UPLOAD_OWN_AGENCY_ONLY =
            "inspection.document.upload.own-agency-uploader-or-chief-officer-only";
    public static final String DOCUMENT_READ_BY_PARTICIPATING_INSPECTION_STAFF =
            "inspection.document.read.participating-inspection-staff";
    public static final String DOCUMENT_READ_BY_OWN_AGENCY = "inspection.document.read.own-agency-staff";
    public static final String DOCUMENT_READ_OWN_AGENCY_OR_PARTICIPANTS_ONLY =
            "inspection.document.read.own-agency-or-participating-inspection-staff-only";
    /** Documents are kept as uploaded: changed or removed only with the whole inspection (the next issue). */
    public static final String DOCUMENT_KEPT_AS_UPLOADED = "inspection.document.kept-as-uploaded";

    // ---- the end of an inspection: closure and each inspectorate's export (issue 17, docs/adr/0028)
    /** The lead inspectorate's lead inspector closes the inspection, once its findings letter is published. */
    public static final String CLOSE_BY_LEAD_INSPECTOR = "inspection.close.lead-inspectorate-lead-inspector";
    /** An administrator of a participating inspectorate closes it at any time. */
    public static final String CLOSE_BY_PARTICIPANT_ADMINISTRATOR = "inspection.close.participant-administrator";
    public static final String CLOSE_LEAD_INSPECTOR_OR_ADMINISTRATOR_ONLY =
            "inspection.close.lead-inspector-or-participant-administrator-only";
    /** A state rule (409), checked by the closing service for a lead inspector's closure. */
    public static final String CLOSE_AFTER_PUBLICATION = "inspection.close.lead-inspector-after-findings-publication";
    /** Each participating inspectorate's inspection staff export what it requested. */
    public static final String EXPORT_BY_OWN_INSPECTION_STAFF = "inspection.export.own-inspectorate-inspection-staff";
    public static final String EXPORT_OWN_INSPECTION_STAFF_ONLY =
            "inspection.export.own-inspectorate-inspection-staff-only";
    /** A state rule (409), checked by the export service. */
    public static final String EXPORT_AFTER_CLOSURE = "inspection.export.closed-inspections-only";

    /** The roles of inspectorate staff who work on an inspection's evidence (ISP: inspectors, analysts, support). */
    static final Set<Role> INSPECTION_STAFF =
            Set.of(Role.INSPECTOR, Role.LEAD_INSPECTOR, Role.DATA_ANALYST, Role.INSPECTION_SUPPORT);
    /** Those of them who ask agencies for information. */
    static final Set<Role> REQUESTERS = Set.of(Role.INSPECTOR, Role.LEAD_INSPECTOR, Role.INSPECTION_SUPPORT);
    /** Agency staff who provide evidence and see what their agency provided. */
    static final Set<Role> AGENCY_EVIDENCE_STAFF = Set.of(Role.AGENCY_UPLOADER, Role.AGENCY_CHIEF_OFFICER);

    private InspectionRules() {
    }

    static Decision decide(Subject subject, Action action, Resource resource) {
        return switch (resource.kind()) {
            case INSPECTION -> decideInspection(subject, action, resource);
            case INFORMATION_REQUEST -> decideRequest(subject, action, resource);
            case EVIDENCE_DOCUMENT -> decideDocument(subject, action, resource);
            default -> throw new IllegalArgumentException("not an inspection's resource: " + resource.kind());
        };
    }

    private static Decision decideInspection(Subject subject, Action action, Resource inspection) {
        return switch (action) {
            case UPLOAD -> subject.inspectorate().filter(own -> own == Inspectorate.OFSTED).isPresent()
                    && subject.has(Role.LEAD_INSPECTOR)
                    ? Decision.permit(OPEN_BY_OFSTED_LEAD_INSPECTOR)
                    : Decision.deny(OPEN_OFSTED_LEAD_INSPECTOR_ONLY);
            case LIST, VIEW_METADATA -> {
                if (participatingInspectionStaff(subject, inspection)) {
                    yield Decision.permit(VIEW_BY_PARTICIPATING_INSPECTION_STAFF);
                }
                if (participant(subject, inspection) && (subject.has(Role.ADMINISTRATOR) || subject.has(Role.SIRO))) {
                    yield Decision.permit(VIEW_BY_PARTICIPANT_OVERSIGHT);
                }
                if (!subject.organisation().isInspectorate() && inspection.agencyId() != null
                        && inspection.agencyId().equals(subject.organisation().localAuthorityArea())) {
                    yield Decision.permit(VIEW_BY_AREA_AGENCY_STAFF);
                }
                yield Decision.deny(VIEW_PARTICIPANTS_AND_AREA_AGENCIES_ONLY);
            }
            case CHANGE -> subject.inspectorate().filter(own -> own == inspection.originator()).isPresent()
                    && subject.has(Role.LEAD_INSPECTOR)
                    ? Decision.permit(CHANGE_BY_LEAD_INSPECTOR)
                    : Decision.deny(CHANGE_LEAD_INSPECTOR_ONLY);
            case DELETE -> decideClosure(subject, inspection);
            case EXPORT -> decideExport(subject, inspection);
            case DOWNLOAD, AUDIT_VIEW -> Decision.deny(AccessPolicy.NOT_PERMITTED);
        };
    }

    /**
     * Closing (the inspection's end: its export window starts, then its removal): the lead inspectorate's lead
     * inspector (after publication: the service checks {@link #CLOSE_AFTER_PUBLICATION}) or a participating
     * inspectorate's administrator.
     */
    private static Decision decideClosure(Subject subject, Resource inspection) {
        if (subject.inspectorate().filter(own -> own == inspection.originator()).isPresent()
                && subject.has(Role.LEAD_INSPECTOR)) {
            return Decision.permit(CLOSE_BY_LEAD_INSPECTOR);
        }
        return participant(subject, inspection) && subject.has(Role.ADMINISTRATOR)
                ? Decision.permit(CLOSE_BY_PARTICIPANT_ADMINISTRATOR)
                : Decision.deny(CLOSE_LEAD_INSPECTOR_OR_ADMINISTRATOR_ONLY);
    }

    /**
     * An export is addressed to the one inspectorate whose requests it holds ({@code Inspection.exportFor}): its
     * inspection staff take it, nobody else.
     */
    private static Decision decideExport(Subject subject, Resource export) {
        return export.addressees().size() == 1 && participatingInspectionStaff(subject, export)
                ? Decision.permit(EXPORT_BY_OWN_INSPECTION_STAFF)
                : Decision.deny(EXPORT_OWN_INSPECTION_STAFF_ONLY);
    }

    private static Decision decideRequest(Subject subject, Action action, Resource request) {
        return switch (action) {
            case UPLOAD -> {
                if (!participant(subject, request)) {
                    yield Decision.deny(REQUEST_PARTICIPATING_INSPECTORATES_ONLY);
                }
                if (subject.inspectorate().orElseThrow() != request.originator()) {
                    yield Decision.deny(REQUEST_INSPECTED_AGENCIES_ONLY);
                }
                yield REQUESTERS.stream().anyMatch(subject::has)
                        ? Decision.permit(REQUEST_BY_INSPECTING_INSPECTORATE)
                        : Decision.deny(REQUEST_NEEDS_REQUESTING_ROLE);
            }
            case LIST, VIEW_METADATA -> {
                if (participatingInspectionStaff(subject, request)) {
                    yield Decision.permit(REQUEST_VIEW_BY_PARTICIPATING_INSPECTION_STAFF);
                }
                yield ownAgencyEvidenceStaff(subject, request)
                        ? Decision.permit(REQUEST_VIEW_BY_OWN_AGENCY)
                        : Decision.deny(REQUEST_VIEW_OWN_AGENCY_OR_PARTICIPANTS_ONLY);
            }
            case DOWNLOAD, CHANGE, DELETE, EXPORT, AUDIT_VIEW -> Decision.deny(AccessPolicy.NOT_PERMITTED);
        };
    }

    private static Decision decideDocument(Subject subject, Action action, Resource document) {
        return switch (action) {
            case UPLOAD -> ownAgencyEvidenceStaff(subject, document)
                    ? Decision.permit(DOCUMENT_UPLOAD_BY_OWN_AGENCY)
                    : Decision.deny(DOCUMENT_UPLOAD_OWN_AGENCY_ONLY);
            case LIST, VIEW_METADATA, DOWNLOAD -> {
                if (participatingInspectionStaff(subject, document)) {
                    yield Decision.permit(DOCUMENT_READ_BY_PARTICIPATING_INSPECTION_STAFF);
                }
                yield ownAgencyEvidenceStaff(subject, document)
                        ? Decision.permit(DOCUMENT_READ_BY_OWN_AGENCY)
                        : Decision.deny(DOCUMENT_READ_OWN_AGENCY_OR_PARTICIPANTS_ONLY);
            }
            case CHANGE, DELETE -> Decision.deny(DOCUMENT_KEPT_AS_UPLOADED);
            case EXPORT, AUDIT_VIEW -> Decision.deny(AccessPolicy.NOT_PERMITTED);
        };
    }

    private static boolean participant(Subject subject, Resource resource) {
        Optional<Inspectorate> own = subject.inspectorate();
        return own.isPresent() && own.get().takesPartInJtai() && resource.addressees().contains(own.get());
    }

    private static boolean participatingInspectionStaff(Subject subject, Resource resource) {
        return participant(subject, resource) && INSPECTION_STAFF.stream().anyMatch(subject::has);
    }

    private static boolean ownAgencyEvidenceStaff(Subject subject, Resource resource) {
        return !subject.organisation().isInspectorate() && resource.agencyId() != null
                && resource.agencyId().equals(subject.organisation().id())
                && AGENCY_EVIDENCE_STAFF.stream().anyMatch(subject::has);
    }
}
