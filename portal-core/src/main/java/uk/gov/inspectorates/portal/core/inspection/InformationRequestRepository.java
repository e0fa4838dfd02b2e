package uk.gov.inspectorates.portal.core.inspection;

import java.util.List;
import java.util.Optional;

/** Information requests (a persistence port). */
public interface InformationRequestRepository {

    void add(InformationRequest request);

    /** The request, only if it is one of that inspection's. */
    Optional<InformationRequest> find(String inspectionId, String requestId);

    /** Earliest due first. */
    List<InformationRequest> ofInspection(String inspectionId);

    /** Every request of every inspection, earliest due first (for what is due). */
    List<InformationRequest> all();
}
