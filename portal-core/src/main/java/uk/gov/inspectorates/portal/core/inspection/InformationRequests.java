package uk.gov.inspectorates.portal.core.inspection;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.NoticeOutbox;
import uk.gov.inspectorates.portal.core.notification.Recipients;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.Ids;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.TextFields;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Information requests (JTAI §12-17, Annex A): each participating inspectorate asks the agencies it inspects, and
 * only those (the rule {@code inspection.request.inspected-agencies-only}). A request's due time defaults from the
 * timeline (the earliest milestone of the Annex A items ticked); anything beyond Annex A needs a justification.
 */
public final class InformationRequests {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 5000;

    private final InspectionRepository inspections;
    private final InformationRequestRepository requests;
    private final OrganisationDirectory directory;
    private final WorkingDayCalendar calendar;
    private final NoticeOutbox notices;
    private final UnitOfWork unitOfWork;
    private final PolicyGate gate;

    public InformationRequests(InspectionRepository inspections, InformationRequestRepository requests,
                               OrganisationDirectory directory, WorkingDayCalendar calendar, NoticeOutbox notices,
                               PolicyGate gate) {
        this(inspections, requests, directory, calendar, notices, gate, UnitOfWork.NONE);
    }

    public InformationRequests(InspectionRepository inspections, InformationRequestRepository requests,
                               OrganisationDirectory directory, WorkingDayCalendar calendar, NoticeOutbox notices,
                               PolicyGate gate,
                               UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.inspections = Objects.requireNonNull(inspections, "inspections");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /**
     * Makes a request: 404 unless the subject may see the inspection; 422 for an agency not of the inspection's area
     * or bad details; 403 naming the rule unless the subject's inspectorate takes part and inspects the agency;
     * 409 once the inspection is closed.
     */
    public InformationRequest request(Subject subject, String inspectionId, RequestDraft draft) {
        return unitOfWork.inOne(() -> requestInUnit(subject, inspectionId, draft));
    }

    private InformationRequest requestInUnit(Subject subject, String inspectionId, RequestDraft draft) {
        Act act = Act.of(AuditActions.INFORMATION_REQUEST, "INSPECTION", inspectionId);
        Inspection inspection = gate.admit(subject, Action.VIEW_METADATA, act, inspections.find(inspectionId),
                Inspection::asResource);
        Organisation agency = agencyOf(subject, act, inspection, draft.agency());
        gate.require(subject, Action.UPLOAD,
                InformationRequest.newRequest(inspection, agency.agencyType().inspectedBy(), agency.id()), act);
        if (inspection.status() != InspectionStatus.OPEN) {
            gate.record(subject, act, Outcome.REFUSED, "inspection closed");
            throw new Conflict("The inspection is closed: no more information can be requested");
        }
        InformationRequest request;
        try {
            request = checked(subject, inspection, agency, draft);
        } catch (InvalidInput invalid) {
            gate.record(subject, act, Outcome.REFUSED,
                    "invalid: " + invalid.errors().stream().map(FieldError::field).toList());
            throw invalid;
        }
        requests.add(request);
        gate.record(subject, Act.of(AuditActions.INFORMATION_REQUEST, "INFORMATION_REQUEST", request.id()),
                Outcome.SUCCEEDED, "inspection=" + inspection.id() + " by=" + request.requestedBy() + " agency="
                        + agency.id() + " items=" + request.items().stream().map(Enum::name).sorted().toList()
                        + " beyondAnnexA=" + (request.beyondAnnexA() != null) + " due=" + request.dueAt());
        // the agency's uploaders and chief officer are told: the title and a link, never what is asked for
        notices.enqueue(Notice.of(NoticeKind.NEW_REQUEST, request.title(), linkTo(request),
                Recipients.withRoles(request.agencyId(), Role.AGENCY_UPLOADER, Role.AGENCY_CHIEF_OFFICER)));
        return request;
    }

    /**
     * The agencies of the inspection's area the subject may ask for information, each as the policy answers for a
     * request to it (so the pages offer exactly what would be accepted); none once the inspection is closed. 404
     * unless the subject may see the inspection.
     */
    public List<Organisation> agenciesAskableBy(Subject subject, String inspectionId) {
        Act act = Act.of(AuditActions.INFORMATION_REQUEST_VIEW, "INSPECTION", inspectionId);
        Inspection inspection = gate.admit(subject, Action.VIEW_METADATA, act, inspections.find(inspectionId),
                Inspection::asResource);
        if (inspection.status() != InspectionStatus.OPEN) {
            return List.of();
        }
        return directory.organisations().stream()
                .filter(o -> !o.isInspectorate() && o.agencyType() != null
                        && inspection.localAuthorityAreaId().equals(o.localAuthorityArea()))
                .filter(o -> gate.permits(subject, Action.UPLOAD,
                        InformationRequest.newRequest(inspection, o.agencyType().inspectedBy(), o.id())))
                .sorted(java.util.Comparator.comparing(Organisation::name))
                .toList();
    }

    /** The portal path of a request (in e-mails and reminders). */
    static String linkTo(InformationRequest request) {
        return "/inspections/" + request.inspectionId() + "/requests/" + request.id();
    }

    /** The inspection's requests the subject may see, earliest due first; 404 unless they may see the inspection. */
    public List<InformationRequest> ofInspection(Subject subject, String inspectionId) {
        Act act = Act.of(AuditActions.INFORMATION_REQUEST_VIEW, "INSPECTION", inspectionId);
        Inspection inspection = gate.admit(subject, Action.VIEW_METADATA, act, inspections.find(inspectionId),
                Inspection::asResource);
        List<InformationRequest> visible = gate.visible(subject, requests.ofInspection(inspectionId),
                request -> request.asResourceOf(inspection));
        gate.record(subject, act, Outcome.SUCCEEDED, "count=" + visible.size());
        return visible;
    }

    /** One request: 404 unless the subject may see it (another agency's is never admitted to exist). */
    public InformationRequest view(Subject subject, String inspectionId, String requestId) {
        Act act = Act.of(AuditActions.INFORMATION_REQUEST_VIEW, "INFORMATION_REQUEST", requestId);
        Optional<Inspection> inspection = inspections.find(inspectionId);
        InformationRequest request = gate.admit(subject, Action.VIEW_METADATA, act,
                inspection.flatMap(found -> requests.find(found.id(), requestId)),
                found -> found.asResourceOf(inspection.orElseThrow()));
        gate.record(subject, act, Outcome.SUCCEEDED, "inspection=" + inspectionId);
        return request;
    }

    /** The agency asked, which must be one of the inspection's area; 422 otherwise (the area's list is public). */
    private Organisation agencyOf(Subject subject, Act act, Inspection inspection, String agencyId) {
        Optional<Organisation> agency = agencyId == null ? Optional.empty()
                : directory.findOrganisation(agencyId.strip());
        if (agency.isEmpty() || agency.get().isInspectorate()
                || !inspection.localAuthorityAreaId().equals(agency.get().localAuthorityArea())) {
            gate.record(subject, act, Outcome.REFUSED, "invalid: [agency]");
            throw InvalidInput.of("agency", "Choose an agency of the inspected local authority area");
        }
        return agency.get();
    }

    private InformationRequest checked(Subject subject, Inspection inspection, Organisation agency,
                                       RequestDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        String title = TextFields.required(draft.title(), "title", "Enter a title for the request", MAX_TITLE, errors);
        String description = draft.description() == null || draft.description().isBlank() ? ""
                : TextFields.required(draft.description(), "description", null, MAX_TEXT, errors);
        Set<AnnexAItem> items = items(draft.items(), errors);
        String beyond = draft.beyondAnnexA() == null || draft.beyondAnnexA().isBlank() ? null
                : TextFields.required(draft.beyondAnnexA(), "beyondAnnexA", null, MAX_TEXT, errors);
        String justification = draft.justification() == null || draft.justification().isBlank() ? null
                : TextFields.required(draft.justification(), "justification", null, MAX_TEXT, errors);
        if (items != null && items.isEmpty() && beyond == null) {
            errors.add(new FieldError("items", "Tick the Annex A information wanted, or say what else is wanted"));
        }
        if (items != null && items.contains(AnnexAItem.LIST_OF_CHILDREN) && (items.size() > 1 || beyond != null)) {
            errors.add(new FieldError("items", "Ask for the list of children in a request of its own: everything"
                    + " uploaded against it is checked as a list of children (CSV or XLSX, by identifier, no names)"));
        }
        if (beyond != null && justification == null) {
            errors.add(new FieldError("justification", "Information beyond Annex A is asked for only in exceptional"
                    + " circumstances: record why it is necessary and not already available through Annex A"
                    + " (JTAI §17)"));
        }
        Instant now = gate.clock().instant();
        Instant dueAt = due(draft.dueAt(), inspection, items, now, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new InformationRequest(Ids.newId(), inspection.id(), agency.agencyType().inspectedBy(), agency.id(),
                title, description, items, beyond, justification, dueAt, subject.userId(), now);
    }

    private static Set<AnnexAItem> items(List<String> codes, List<FieldError> errors) {
        Set<AnnexAItem> items = EnumSet.noneOf(AnnexAItem.class);
        for (String code : codes) {
            try {
                items.add(AnnexAItem.valueOf(code.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add(new FieldError("items", "There is no Annex A item " + code
                        + ": ask for anything else under beyondAnnexA, with a justification"));
                return null;
            }
        }
        return items;
    }

    /** Given (not in the past), or the earliest deadline of the items' milestones (day 5 when none is ticked). */
    private Instant due(String given, Inspection inspection, Set<AnnexAItem> items, Instant now,
                        List<FieldError> errors) {
        if (given != null && !given.isBlank()) {
            try {
                Instant dueAt = OffsetDateTime.parse(given.strip()).toInstant();
                if (dueAt.isBefore(now)) {
                    errors.add(new FieldError("dueAt", "The due time must be in the future"));
                }
                return dueAt;
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("dueAt", "The due time must be like 2027-03-11T15:00:00+00:00"));
                return null;
            }
        }
        JtaiTimeline timeline = JtaiTimeline.from(inspection.notifiedOn(), calendar);
        Set<String> milestones = items == null || items.isEmpty() ? Set.of(AnnexAItem.DEFAULT_MILESTONE)
                : items.stream().map(AnnexAItem::milestone).collect(java.util.stream.Collectors.toSet());
        return timeline.milestones().stream()
                .filter(milestone -> milestones.contains(milestone.key()))
                .map(Milestone::deadline)
                .min(Comparator.naturalOrder())
                .orElseThrow();
    }
}
