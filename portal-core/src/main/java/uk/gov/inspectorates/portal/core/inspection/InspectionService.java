package uk.gov.inspectorates.portal.core.inspection;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.calendar.DateBeyondCalendar;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.Ids;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Opening joint targeted area inspections and reading them with their working-day timeline. Every call passes the
 * {@link PolicyGate} and leaves one audit event.
 */
public final class InspectionService {

    static final int MAX_THEME = 300;

    /** An inspection with its timeline and the requests the reader may see, as of one moment. */
    public record Overview(Inspection inspection, JtaiTimeline timeline, List<InformationRequest> requests,
                           Optional<Milestone> next, List<Milestone> overdue) {
    }

    /** A local authority area with its agencies (the organisations that may be asked for information). */
    public record AreaAgencies(LocalAuthorityArea area, List<Organisation> agencies) {
    }

    private final InspectionRepository inspections;
    private final InformationRequestRepository requests;
    private final OrganisationDirectory directory;
    private final WorkingDayCalendar calendar;
    private final PolicyGate gate;
    private final UnitOfWork unitOfWork;

    public InspectionService(InspectionRepository inspections, InformationRequestRepository requests,
                             OrganisationDirectory directory, WorkingDayCalendar calendar, PolicyGate gate) {
        this(inspections, requests, directory, calendar, gate, UnitOfWork.NONE);
    }

    public InspectionService(InspectionRepository inspections, InformationRequestRepository requests,
                             OrganisationDirectory directory, WorkingDayCalendar calendar, PolicyGate gate,
                             UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.inspections = Objects.requireNonNull(inspections, "inspections");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /** Reference data every signed-in caller may read: the areas and their agencies, by name. */
    public List<AreaAgencies> localAuthorityAreas() {
        List<Organisation> organisations = directory.organisations();
        return directory.localAuthorityAreas().stream()
                .sorted(java.util.Comparator.comparing(LocalAuthorityArea::name))
                .map(area -> new AreaAgencies(area, organisations.stream()
                        .filter(o -> !o.isInspectorate() && area.id().equals(o.localAuthorityArea()))
                        .sorted(java.util.Comparator.comparing(Organisation::name))
                        .toList()))
                .toList();
    }

    /**
     * Opens an inspection: only an Ofsted lead inspector (403 naming the rule otherwise). The area must exist, the
     * participants be Ofsted and some of CQC, HMIC and HMI Probation, day 0 a working day whose whole timeline the
     * calendar covers, and each named lead inspector a lead inspector of that participant (422 otherwise).
     */
    public Overview open(Subject subject, InspectionDraft draft) {
        return unitOfWork.inOne(() -> openInUnit(subject, draft));
    }

    private Overview openInUnit(Subject subject, InspectionDraft draft) {
        Act act = Act.of(AuditActions.INSPECTION_OPEN, "INSPECTION", null);
        gate.require(subject, Action.UPLOAD, Inspection.newInspection(Set.of(Inspectorate.OFSTED),
                draft.localAuthorityArea()), act);
        Inspection inspection;
        JtaiTimeline timeline;
        try {
            List<FieldError> errors = new ArrayList<>();
            String area = area(draft.localAuthorityArea(), errors);
            String theme = theme(draft.theme(), errors);
            Set<Inspectorate> participants = participants(draft.inspectorates(), draft.leadInspectorate(), errors);
            LocalDate notifiedOn = date(draft.notifiedOn(), errors);
            timeline = notifiedOn == null ? null : timeline(notifiedOn, errors);
            Map<Inspectorate, String> leads = participants == null ? Map.of()
                    : leadInspectors(subject, draft.leadInspectors(), participants, errors);
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            inspection = new Inspection(Ids.newId(), area, theme, notifiedOn, Inspectorate.OFSTED, participants,
                    leads, InspectionStatus.OPEN, subject.userId(), gate.clock().instant());
        } catch (InvalidInput invalid) {
            gate.record(subject, act, Outcome.REFUSED,
                    "invalid: " + invalid.errors().stream().map(FieldError::field).toList());
            throw invalid;
        }
        inspections.add(inspection);
        gate.record(subject, act.about("INSPECTION", inspection.id()), Outcome.SUCCEEDED,
                "area=" + inspection.localAuthorityAreaId() + " participants="
                        + inspection.participants().stream().map(Enum::name).sorted().toList()
                        + " notifiedOn=" + inspection.notifiedOn());
        return new Overview(inspection, timeline, List.of(), timeline.next(gate.clock().instant()),
                timeline.overdue(gate.clock().instant()));
    }

    /** The inspections the subject may see, latest notified first. */
    public List<Inspection> visibleTo(Subject subject) {
        List<Inspection> visible = gate.visible(subject, inspections.all(), Inspection::asResource);
        gate.record(subject, Act.of(AuditActions.INSPECTION_LIST, "INSPECTION", null), Outcome.SUCCEEDED,
                "count=" + visible.size());
        return visible;
    }

    /** One inspection with its timeline and the requests the subject may see; 404 unless they may see it. */
    public Overview view(Subject subject, String id) {
        Act act = Act.of(AuditActions.INSPECTION_VIEW, "INSPECTION", id);
        Inspection inspection = gate.admit(subject, Action.VIEW_METADATA, act, inspections.find(id),
                Inspection::asResource);
        List<InformationRequest> visible = gate.visible(subject, requests.ofInspection(id),
                request -> request.asResourceOf(inspection));
        JtaiTimeline timeline = JtaiTimeline.from(inspection.notifiedOn(), calendar);
        gate.record(subject, act, Outcome.SUCCEEDED, "requests=" + visible.size());
        java.time.Instant now = gate.clock().instant();
        return new Overview(inspection, timeline, visible, timeline.next(now), timeline.overdue(now));
    }

    private String area(String id, List<FieldError> errors) {
        if (id == null || id.isBlank()) {
            errors.add(new FieldError("localAuthorityArea", "Select the local authority area"));
            return null;
        }
        if (directory.findLocalAuthorityArea(id.strip()).isEmpty()) {
            errors.add(new FieldError("localAuthorityArea", "There is no local authority area " + id.strip()));
            return null;
        }
        return id.strip();
    }

    private static String theme(String theme, List<FieldError> errors) {
        if (theme == null || theme.isBlank()) {
            errors.add(new FieldError("theme", "Enter the deep-dive theme"));
            return null;
        }
        if (theme.strip().length() > MAX_THEME) {
            errors.add(new FieldError("theme", "The deep-dive theme must be " + MAX_THEME + " characters or fewer"));
            return null;
        }
        return theme.strip();
    }

    /** Ofsted always takes part (it leads); the others only if named; no inspectorate outside the JTAI four. */
    private static Set<Inspectorate> participants(List<String> codes, String lead, List<FieldError> errors) {
        Set<Inspectorate> participants = EnumSet.of(Inspectorate.OFSTED);
        boolean valid = true;
        for (String code : codes) {
            Optional<Inspectorate> inspectorate = code == null ? Optional.empty()
                    : Inspectorate.byCode(code.strip().toUpperCase(Locale.ROOT));
            if (inspectorate.isEmpty()) {
                errors.add(new FieldError("inspectorates", "There is no inspectorate " + code
                        + ": choose from OFSTED, CQC, HMIC and HMI_PROBATION"));
                valid = false;
            } else if (!inspectorate.get().takesPartInJtai()) {
                errors.add(new FieldError("inspectorates", inspectorate.get().title() + " does not take part in"
                        + " joint targeted area inspections: only Ofsted, CQC, HMIC and HMI Probation do"));
                valid = false;
            } else {
                participants.add(inspectorate.get());
            }
        }
        if (lead != null && !lead.isBlank() && !Inspectorate.OFSTED.name().equals(lead.strip().toUpperCase(Locale.ROOT))) {
            errors.add(new FieldError("leadInspectorate", "Ofsted leads every joint targeted area inspection"));
            valid = false;
        }
        return valid ? participants : null;
    }

    private static LocalDate date(String given, List<FieldError> errors) {
        if (given == null || given.isBlank()) {
            errors.add(new FieldError("notifiedOn", "Enter the date the area was notified (day 0)"));
            return null;
        }
        try {
            return LocalDate.parse(given.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("notifiedOn", "The notification date must be a date like 2027-03-09"));
            return null;
        }
    }

    /** The whole timeline must be computable: day 0 a working day, every milestone within the calendar. */
    private JtaiTimeline timeline(LocalDate notifiedOn, List<FieldError> errors) {
        try {
            return JtaiTimeline.from(notifiedOn, calendar);
        } catch (DateBeyondCalendar beyond) {
            errors.add(new FieldError("notifiedOn", beyond.errors().get(0).message()));
        } catch (InvalidInput invalid) {
            invalid.errors().forEach(error -> errors.add(new FieldError("notifiedOn", error.message())));
        }
        return null;
    }

    /** The opener leads for Ofsted unless another Ofsted lead inspector is named; the others' as named. */
    private Map<Inspectorate, String> leadInspectors(Subject opener, Map<String, String> named,
                                                     Set<Inspectorate> participants, List<FieldError> errors) {
        Map<Inspectorate, String> leads = new EnumMap<>(Inspectorate.class);
        leads.put(Inspectorate.OFSTED, opener.userId());
        named.forEach((code, userId) -> {
            String field = "leadInspectors." + code;
            Optional<Inspectorate> inspectorate = Inspectorate.byCode(code.strip().toUpperCase(Locale.ROOT));
            if (inspectorate.isEmpty() || !participants.contains(inspectorate.get())) {
                errors.add(new FieldError(field, "Name lead inspectors for participating inspectorates only"));
                return;
            }
            Optional<UserAccount> user = userId == null ? Optional.empty() : directory.findUser(userId.strip());
            if (user.isEmpty() || !user.get().active()
                    || !user.get().organisationId().equals(inspectorate.get().organisationId())
                    || !user.get().roles().contains(Role.LEAD_INSPECTOR)) {
                errors.add(new FieldError(field, "Name an active lead inspector of " + inspectorate.get().title()));
                return;
            }
            leads.put(inspectorate.get(), user.get().id());
        });
        return leads;
    }
}
