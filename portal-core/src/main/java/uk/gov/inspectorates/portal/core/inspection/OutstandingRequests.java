package uk.gov.inspectorates.portal.core.inspection;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import uk.gov.inspectorates.portal.core.notification.DueItems;

/**
 * What agencies owe, for the e-mail reminders (due tomorrow, overdue): the requests of open inspections that no
 * document answers yet. The same "answered" as the in-portal reminders ({@link DueWork}): one document against it.
 */
public final class OutstandingRequests implements DueItems {

    private final InspectionRepository inspections;
    private final InformationRequestRepository requests;
    private final EvidenceDocumentRepository documents;

    public OutstandingRequests(InspectionRepository inspections, InformationRequestRepository requests,
                               EvidenceDocumentRepository documents) {
        this.inspections = Objects.requireNonNull(inspections, "inspections");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.documents = Objects.requireNonNull(documents, "documents");
    }

    @Override
    public List<DueItem> dueBetween(Instant from, Instant to) {
        return outstanding(request -> !request.dueAt().isBefore(from) && request.dueAt().isBefore(to));
    }

    @Override
    public List<DueItem> overdueAt(Instant at) {
        return outstanding(request -> request.dueAt().isBefore(at));
    }

    private List<DueItem> outstanding(Predicate<InformationRequest> due) {
        Set<String> open = inspections.all().stream()
                .filter(inspection -> inspection.status() == InspectionStatus.OPEN)
                .map(Inspection::id)
                .collect(Collectors.toSet());
        return requests.all().stream()
                .filter(request -> open.contains(request.inspectionId()) && due.test(request))
                .filter(request -> documents.ofInspection(request.inspectionId()).stream()
                        .noneMatch(document -> document.requestId().equals(request.id())))
                .map(request -> new DueItem(request.id(), request.agencyId(), request.title(),
                        InformationRequests.linkTo(request), request.dueAt()))
                .toList();
    }
}
