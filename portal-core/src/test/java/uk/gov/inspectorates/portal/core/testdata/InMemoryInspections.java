package uk.gov.inspectorates.portal.core.testdata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocument;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocumentRepository;
import uk.gov.inspectorates.portal.core.inspection.InformationRequest;
import uk.gov.inspectorates.portal.core.inspection.InformationRequestRepository;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionClosure;
import uk.gov.inspectorates.portal.core.inspection.InspectionStatus;
import uk.gov.inspectorates.portal.core.inspection.InspectionRepository;

/** Inspections, their requests and documents in memory, for unit tests of the JTAI services. */
public final class InMemoryInspections implements InspectionRepository {

    private final Map<String, Inspection> inspections = new LinkedHashMap<>();
    private final Map<String, InspectionClosure> closures = new LinkedHashMap<>();
    public final Requests requests = new Requests();
    public final Documents documents = new Documents();

    @Override
    public void add(Inspection inspection) {
        inspections.put(inspection.id(), inspection);
    }

    @Override
    public Optional<Inspection> find(String id) {
        return Optional.ofNullable(inspections.get(id));
    }

    @Override
    public List<Inspection> all() {
        return inspections.values().stream().sorted(Comparator.comparing(Inspection::notifiedOn).reversed()).toList();
    }

    @Override
    public boolean close(InspectionClosure closure) {
        Inspection inspection = inspections.get(closure.inspectionId());
        if (inspection == null || inspection.status() == InspectionStatus.CLOSED) {
            return false;
        }
        inspections.put(inspection.id(), inspection.closed());
        closures.put(inspection.id(), closure);
        return true;
    }

    @Override
    public Optional<InspectionClosure> closure(String inspectionId) {
        return Optional.ofNullable(closures.get(inspectionId));
    }

    @Override
    public List<InspectionClosure> closures() {
        return closures.values().stream().sorted(Comparator.comparing(InspectionClosure::closedAt)).toList();
    }

    public static final class Requests implements InformationRequestRepository {
        private final Map<String, InformationRequest> requests = new LinkedHashMap<>();

        @Override
        public void add(InformationRequest request) {
            requests.put(request.id(), request);
        }

        @Override
        public Optional<InformationRequest> find(String inspectionId, String requestId) {
            return Optional.ofNullable(requests.get(requestId)).filter(r -> r.inspectionId().equals(inspectionId));
        }

        @Override
        public List<InformationRequest> ofInspection(String inspectionId) {
            return all().stream().filter(r -> r.inspectionId().equals(inspectionId)).toList();
        }

        @Override
        public List<InformationRequest> all() {
            return requests.values().stream().sorted(Comparator.comparing(InformationRequest::dueAt)).toList();
        }
    }

    public static final class Documents implements EvidenceDocumentRepository {
        private final List<EvidenceDocument> documents = new ArrayList<>();

        @Override
        public void add(EvidenceDocument document) {
            documents.add(document);
        }

        @Override
        public Optional<EvidenceDocument> find(String id) {
            return documents.stream().filter(d -> d.id().equals(id)).findFirst();
        }

        @Override
        public List<EvidenceDocument> ofInspection(String inspectionId) {
            return documents.stream().filter(d -> d.inspectionId().equals(inspectionId)).toList();
        }

        public int size() {
            return documents.size();
        }
    }
}
