package uk.gov.inspectorates.portal.core.report;

import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** Where withhold and withdrawal requests are kept (they go with their report when it is removed). */
@PersistencePort
public interface WithholdRequests {

    void add(WithholdRequest request);

    Optional<WithholdRequest> find(String reportId, String requestId);

    /** Records the decision unless one was recorded already: false then, and nothing changes. */
    boolean decide(String requestId, WithholdRequest.Decision decision);

    /** Oldest first. */
    List<WithholdRequest> ofReport(String reportId);
}
