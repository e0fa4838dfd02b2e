package uk.gov.inspectorates.portal.core.report;

import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** Where withhold and withdrawal requests are kept (they go with their report when it is removed). */
@PersistencePort
public interface WithholdRequests {

    void add(WithholdRequest request);

    /** The request with its views. */
    Optional<WithholdRequest> find(String reportId, String requestId);

    /** Records the decision unless one was recorded already: false then, and nothing changes. */
    boolean decide(String requestId, WithholdRequest.Decision decision);

    /**
     * Records a party's view on an undecided request unless that party's view is recorded already: false then, and
     * nothing changes.
     */
    boolean addView(String requestId, PartyView view);

    /** Oldest first, each with its views in the order they were recorded. */
    List<WithholdRequest> ofReport(String reportId);
}
