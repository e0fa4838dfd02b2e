package uk.gov.inspectorates.portal.core.inspection;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import uk.gov.inspectorates.portal.core.notification.DueItems;

/**
 * The information requests agencies still owe, for the e-mail reminders: requests of open inspections that no
 * document answers yet (the same rule as {@link DueWork}: a request is answered once its agency uploaded against
 * it). Each item is the request, its agency, its title and the path of its page.
 */
public final class RequestsDue implements DueItems {

    private final InspectionRepository inspections;
    private final InformationRequestRepository requests;
    private final EvidenceDocumentRepository documents;

    public RequestsDue(InspectionRepository inspections, InformationRequestRepository requests,
                       EvidenceDocumentRepository documents) {
        this.inspections = Objects.requireNonNull(inspections, "inspections");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.documents = Objects.requireNonNull(documents, "documents");
    }

    @Override
    public List<DueItem> dueBetween(Instant from, Instant to) {
        return unanswered(request -> !request.dueAt().isBefore(from) && request.dueAt().isBefore(to));
    }

    @Override
    public List<DueItem> overdueAt(Instant at) {
        return unanswered(request -> request.overdueAt(at));
    }

    private List<DueItem> unanswered(Predicate<InformationRequest> due) {
        Set<String> open = new HashSet<>();
        inspections.all().stream().filter(inspection -> inspection.status() == InspectionStatus.OPEN)
                .forEach(inspection -> open.add(inspection.id()));
        return requests.all().stream()
                .filter(request -> open.contains(request.inspectionId()) && due.test(request))
                .filter(request -> documents.ofInspection(request.inspectionId()).stream()
                        .noneMatch(document -> document.requestId().equals(request.id())))
                .map(request -> new DueItem(request.id(), request.agencyId(), request.title(),
                        RequestNoticesByEmail.pathOf(request), request.dueAt()))
                .toList();
    }
}
