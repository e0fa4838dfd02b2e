package uk.gov.inspectorates.portal.core.postinspection;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocument;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocumentRepository;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionRepository;
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.NoticeOutbox;
import uk.gov.inspectorates.portal.core.notification.Recipients;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * The lead inspector reviews each statement of proposed action uploaded (JTAI §99): accepted, or returned with
 * comments; the agency is told and, when it is returned, uploads a revised statement. The review is the inspection's
 * change (its lead inspector); the reviews are seen by whoever may see the statement's documents.
 */
public final class StatementReviews {

    /** Only documents uploaded against the statement's request are reviewed as statements (404 otherwise). */
    public static final String REVIEW_OF_STATEMENT_DOCUMENTS = "inspection.statement.review.statement-documents-only";
    /** Each document is reviewed once. */
    public static final String REVIEWED_ONCE = "inspection.statement.review.once";
    /** A returned statement carries the lead inspector's comments. */
    public static final String RETURNED_WITH_COMMENTS = "inspection.statement.review.returned-with-comments";

    static final int MAX_COMMENTS = 5000;

    private final InspectionRepository inspections;
    private final EvidenceDocumentRepository documents;
    private final ProposedActionStatements statements;
    private final NoticeOutbox notices;
    private final PolicyGate gate;
    private final UnitOfWork unitOfWork;

    public StatementReviews(InspectionRepository inspections, EvidenceDocumentRepository documents,
                            ProposedActionStatements statements, NoticeOutbox notices, PolicyGate gate) {
        this(inspections, documents, statements, notices, gate, UnitOfWork.NONE);
    }

    public StatementReviews(InspectionRepository inspections, EvidenceDocumentRepository documents,
                            ProposedActionStatements statements, NoticeOutbox notices, PolicyGate gate,
                            UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.inspections = Objects.requireNonNull(inspections, "inspections");
        this.documents = Objects.requireNonNull(documents, "documents");
        this.statements = Objects.requireNonNull(statements, "statements");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    public StatementReview review(Subject subject, String inspectionId, String documentId, String outcome,
                                  String comments) {
        return unitOfWork.inOne(() -> reviewInUnit(subject, inspectionId, documentId, outcome, comments));
    }

    private StatementReview reviewInUnit(Subject subject, String inspectionId, String documentId, String outcome,
                                  String comments) {
        Instant now = gate.clock().instant();
        Act act = Act.of(AuditActions.PROPOSED_ACTION_REVIEW, "INSPECTION", inspectionId);
        Inspection inspection = gate.admit(subject, Action.CHANGE, act, inspections.find(inspectionId),
                Inspection::asResource);
        StatementOfProposedAction statement = statements.ofInspection(inspectionId).orElse(null);
        EvidenceDocument document = statement == null ? null : documents.find(documentId)
                .filter(found -> found.inspectionId().equals(inspectionId)
                        && found.requestId().equals(statement.requestId()))
                .orElse(null);
        if (document == null) {
            gate.record(subject, act, Outcome.REFUSED, REVIEW_OF_STATEMENT_DOCUMENTS + " " + documentId);
            throw new NotFound("statement of proposed action");
        }
        StatementReview.Outcome decided = null;
        try {
            decided = StatementReview.Outcome.valueOf(outcome == null ? "" : outcome.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // refused below
        }
        String text = comments == null || comments.isBlank() ? null : comments.strip();
        List<FieldError> errors = new java.util.ArrayList<>();
        if (decided == null) {
            errors.add(new FieldError("outcome", "Select whether the statement is accepted or returned"));
        }
        if (decided == StatementReview.Outcome.RETURNED && text == null) {
            errors.add(new FieldError("comments", "Enter your comments: a statement is returned with them ("
                    + RETURNED_WITH_COMMENTS + ")"));
        }
        if (text != null && text.length() > MAX_COMMENTS) {
            errors.add(new FieldError("comments", "Must be " + MAX_COMMENTS + " characters or fewer"));
        }
        if (!errors.isEmpty()) {
            gate.record(subject, act, Outcome.REFUSED, "invalid: " + errors.stream().map(FieldError::field).toList());
            throw new InvalidInput(errors);
        }
        StatementReview review = new StatementReview(document.id(), inspectionId, decided, text, subject.userId(), now);
        if (!statements.review(review)) {
            gate.record(subject, act, Outcome.REFUSED, REVIEWED_ONCE + " " + documentId);
            throw new Conflict("This statement has been reviewed already", REVIEWED_ONCE);
        }
        gate.record(subject, act, Outcome.SUCCEEDED, "document=" + document.id() + " " + decided);
        notices.enqueue(Notice.of(NoticeKind.STATEMENT_REVIEWED, "Statement of proposed action",
                "/inspections/" + inspection.id() + "/after-publication",
                Recipients.withRoles(document.agencyId(), Role.AGENCY_UPLOADER, Role.AGENCY_CHIEF_OFFICER)));
        return review;
    }

    /**
     * The reviews of the statements the subject may see (those documents' readers: the participating inspection staff
     * and the agency that made them). 404 unless the subject may see the inspection.
     */
    public List<StatementReview> reviews(Subject subject, String inspectionId) {
        Act act = Act.of(AuditActions.PROPOSED_ACTION_REVIEW, "INSPECTION", inspectionId);
        Inspection inspection = gate.admit(subject, Action.VIEW_METADATA, act, inspections.find(inspectionId),
                Inspection::asResource);
        return statements.reviewsOf(inspectionId).stream()
                .filter(review -> documents.find(review.documentId())
                        .filter(document -> gate.permits(subject, Action.VIEW_METADATA,
                                document.asResourceOf(inspection)))
                        .isPresent())
                .toList();
    }
}
