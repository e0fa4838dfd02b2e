package uk.gov.inspectorates.portal.core.inspection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * In-portal reminders: an agency's staff see every request of their agency with when it is due and whether it is
 * overdue; an inspectorate's staff see the overdue requests their inspectorate made. A request counts as answered
 * once its agency has uploaded a document against it; an unanswered one past its due time is overdue.
 */
public final class DueWork {

    /** One request as a reminder: how many documents answer it so far, and whether it is overdue now. */
    public record Item(Inspection inspection, InformationRequest request, int documents, boolean overdue) {
    }

    private final InspectionRepository inspections;
    private final InformationRequestRepository requests;
    private final EvidenceDocumentRepository documents;
    private final PolicyGate gate;

    public DueWork(InspectionRepository inspections, InformationRequestRepository requests,
                   EvidenceDocumentRepository documents, PolicyGate gate) {
        this.inspections = Objects.requireNonNull(inspections, "inspections");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.documents = Objects.requireNonNull(documents, "documents");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /**
     * For agency staff, their agency's requests of open inspections, earliest due first; for inspectorate staff,
     * their inspectorate's overdue requests. Only requests the policy lets the subject see.
     */
    public List<Item> dueFor(Subject subject) {
        Instant now = gate.clock().instant();
        Map<String, Inspection> open = inspections.all().stream()
                .filter(inspection -> inspection.status() == InspectionStatus.OPEN)
                .collect(Collectors.toMap(Inspection::id, Function.identity()));
        List<InformationRequest> candidates = requests.all().stream()
                .filter(request -> open.containsKey(request.inspectionId()))
                .toList();
        List<InformationRequest> visible = gate.visible(subject, candidates,
                request -> request.asResourceOf(open.get(request.inspectionId())));
        Optional<Inspectorate> own = subject.inspectorate();
        Map<String, Map<String, Long>> answers = new java.util.HashMap<>();
        List<Item> due = new ArrayList<>();
        for (InformationRequest request : visible) {
            if (own.isPresent() && request.requestedBy() != own.get()) {
                continue;
            }
            int answered = answers.computeIfAbsent(request.inspectionId(), inspection -> documents
                            .ofInspection(inspection).stream()
                            .collect(Collectors.groupingBy(EvidenceDocument::requestId, Collectors.counting())))
                    .getOrDefault(request.id(), 0L).intValue();
            boolean overdue = answered == 0 && request.overdueAt(now);
            if (own.isPresent() && !overdue) {
                continue;
            }
            due.add(new Item(open.get(request.inspectionId()), request, answered, overdue));
        }
        due.sort(Comparator.comparing(item -> item.request().dueAt()));
        gate.record(subject, Act.of(AuditActions.INFORMATION_REQUEST_VIEW, "INFORMATION_REQUEST", null),
                Outcome.SUCCEEDED, "due count=" + due.size() + " overdue="
                        + due.stream().filter(Item::overdue).count());
        return due;
    }
}
