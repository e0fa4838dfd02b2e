package uk.gov.inspectorates.portal.core.postinspection;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.inspection.InformationRequest;
import uk.gov.inspectorates.portal.core.inspection.InformationRequestRepository;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionRepository;
import uk.gov.inspectorates.portal.core.inspection.InspectionStatus;
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.NoticeOutbox;
import uk.gov.inspectorates.portal.core.notification.Recipients;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.Ids;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * The statement of proposed action (JTAI §96-98): after the findings letter is published, the lead inspector records
 * the agency the letter names to make it (by default the area's local authority children's services, which
 * coordinates the partnership's statement). That opens an information request to the agency, due 70 working days
 * after publication: the agency uploads the statement through it like any evidence, and is reminded like any request.
 */
public final class ProposedActionService {

    /** Named only once the findings letter is published: the 70 working days count from publication. */
    public static final String NAMED_AFTER_PUBLICATION = "inspection.statement.named-after-publication";
    /** One statement per inspection: named once. */
    public static final String NAMED_ONCE = "inspection.statement.named-once";
    /** The agency named is one of the inspected area's agencies. */
    public static final String AGENCY_OF_AREA = "inspection.statement.agency-of-the-area";

    private final InspectionRepository inspections;
    private final InformationRequestRepository requests;
    private final ProposedActionStatements statements;
    private final AnnexDDeadlines deadlines;
    private final OrganisationDirectory directory;
    private final NoticeOutbox notices;
    private final PolicyGate gate;
    private final UnitOfWork unitOfWork;

    public ProposedActionService(InspectionRepository inspections, InformationRequestRepository requests,
                                 ProposedActionStatements statements, AnnexDDeadlines deadlines,
                                 OrganisationDirectory directory, NoticeOutbox notices, PolicyGate gate) {
        this(inspections, requests, statements, deadlines, directory, notices, gate, UnitOfWork.NONE);
    }

    public ProposedActionService(InspectionRepository inspections, InformationRequestRepository requests,
                                 ProposedActionStatements statements, AnnexDDeadlines deadlines,
                                 OrganisationDirectory directory, NoticeOutbox notices, PolicyGate gate,
                                 UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.inspections = Objects.requireNonNull(inspections, "inspections");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.statements = Objects.requireNonNull(statements, "statements");
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /**
     * Records the agency asked for the statement (null: the area's local authority children's services): the
     * inspection's lead inspector only (403 naming the rule), after publication (409), once (409), an agency of the
     * area (422).
     */
    public StatementOfProposedAction name(Subject subject, String inspectionId, String agencyId) {
        return unitOfWork.inOne(() -> nameInUnit(subject, inspectionId, agencyId));
    }

    private StatementOfProposedAction nameInUnit(Subject subject, String inspectionId, String agencyId) {
        Instant now = gate.clock().instant();
        Act act = Act.of(AuditActions.PROPOSED_ACTION_STATEMENT, "INSPECTION", inspectionId);
        Inspection inspection = gate.admit(subject, Action.CHANGE, act, inspections.find(inspectionId),
                Inspection::asResource);
        Optional<Instant> published = deadlines.publishedBy(inspectionId, now);
        if (published.isEmpty()) {
            gate.record(subject, act, Outcome.REFUSED, NAMED_AFTER_PUBLICATION);
            throw new Conflict("The findings letter is not published yet: the statement of proposed action is asked"
                    + " for after publication, and due 70 working days after the letter was sent", NAMED_AFTER_PUBLICATION);
        }
        if (inspection.status() != InspectionStatus.OPEN) {
            gate.record(subject, act, Outcome.REFUSED, "inspection closed");
            throw new Conflict("The inspection is closed");
        }
        Organisation agency = agencyOf(inspection, agencyId).orElse(null);
        if (agency == null) {
            gate.record(subject, act, Outcome.REFUSED, "invalid: [agency] " + AGENCY_OF_AREA);
            throw InvalidInput.of("agency", "Choose the agency of the inspected area that the findings letter names"
                    + " to make the statement");
        }
        if (statements.ofInspection(inspectionId).isPresent()) {
            gate.record(subject, act, Outcome.REFUSED, NAMED_ONCE);
            throw new Conflict("The statement of proposed action has been asked for already", NAMED_ONCE);
        }
        Instant due = deadlines.statementDue(inspectionId, published.get());
        InformationRequest request = new InformationRequest(Ids.newId(), inspectionId, inspection.leadInspectorate(),
                agency.id(), StatementOfProposedAction.TITLE, "The findings letter asks your organisation to make the"
                + " statement of proposed action in response to its findings (JTAI §96-98), coordinating the other"
                + " agencies named. Upload it here; the lead inspector reviews it.", Set.of(), null, null, due,
                subject.userId(), now);
        StatementOfProposedAction statement = new StatementOfProposedAction(inspectionId, request.id(), agency.id(),
                due, subject.userId(), now);
        requests.add(request);
        if (!statements.name(statement)) {
            gate.record(subject, act, Outcome.REFUSED, NAMED_ONCE + " (at the same time)");
            throw new Conflict("The statement of proposed action has been asked for already", NAMED_ONCE);
        }
        gate.record(subject, act, Outcome.SUCCEEDED, "agency=" + agency.id() + " request=" + request.id()
                + " due=" + due + " published=" + published.get());
        notices.enqueue(Notice.of(NoticeKind.NEW_REQUEST, request.title(), linkTo(request),
                Recipients.withRoles(agency.id(), Role.AGENCY_UPLOADER, Role.AGENCY_CHIEF_OFFICER)));
        return statement;
    }

    /**
     * The inspection's statement, for those who may see its request (the participating inspection staff and the
     * agency named); empty when none is asked for or the subject may not see it. 404 unless the subject may see the
     * inspection.
     */
    public Optional<StatementOfProposedAction> of(Subject subject, String inspectionId) {
        Act act = Act.of(AuditActions.PROPOSED_ACTION_STATEMENT, "INSPECTION", inspectionId);
        Inspection inspection = gate.admit(subject, Action.VIEW_METADATA, act, inspections.find(inspectionId),
                Inspection::asResource);
        return statements.ofInspection(inspectionId)
                .filter(statement -> requests.find(inspectionId, statement.requestId())
                        .filter(request -> gate.permits(subject, Action.VIEW_METADATA,
                                request.asResourceOf(inspection)))
                        .isPresent());
    }

    /** The agencies of the inspection's area, the default first: what the page offers to name. */
    public List<Organisation> agenciesOf(Subject subject, String inspectionId) {
        Act act = Act.of(AuditActions.PROPOSED_ACTION_STATEMENT, "INSPECTION", inspectionId);
        Inspection inspection = gate.admit(subject, Action.VIEW_METADATA, act, inspections.find(inspectionId),
                Inspection::asResource);
        return areaAgencies(inspection);
    }

    /** Whether the subject may name the agency and review its statements (for offering the forms; not audited). */
    public boolean mayName(Subject subject, Inspection inspection) {
        return gate.permits(subject, Action.CHANGE, inspection.asResource());
    }

    /** The portal path of the statement's request (in e-mails and on pages). */
    public static String linkTo(InformationRequest request) {
        return "/inspections/" + request.inspectionId() + "/requests/" + request.id();
    }

    private Optional<Organisation> agencyOf(Inspection inspection, String agencyId) {
        List<Organisation> area = areaAgencies(inspection);
        if (agencyId == null || agencyId.isBlank()) {
            return area.stream().filter(o -> o.agencyType() == AgencyType.LOCAL_AUTHORITY_CHILDRENS_SERVICES)
                    .findFirst();
        }
        return area.stream().filter(o -> o.id().equals(agencyId.strip())).findFirst();
    }

    private List<Organisation> areaAgencies(Inspection inspection) {
        return directory.organisations().stream()
                .filter(o -> !o.isInspectorate() && o.agencyType() != null
                        && inspection.localAuthorityAreaId().equals(o.localAuthorityArea()))
                .sorted(Comparator.comparing((Organisation o) ->
                        o.agencyType() != AgencyType.LOCAL_AUTHORITY_CHILDRENS_SERVICES).thenComparing(Organisation::name))
                .toList();
    }
}
