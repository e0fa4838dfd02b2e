package uk.gov.inspectorates.portal.core.testdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.report.PartyView;
import uk.gov.inspectorates.portal.core.report.WithholdRequest;
import uk.gov.inspectorates.portal.core.report.WithholdRequests;

public final class InMemoryWithholdRequests implements WithholdRequests {

    private final List<WithholdRequest> requests = new ArrayList<>();

    @Override
    public void add(WithholdRequest request) {
        requests.add(request);
    }

    @Override
    public Optional<WithholdRequest> find(String reportId, String requestId) {
        return requests.stream().filter(r -> r.reportId().equals(reportId) && r.id().equals(requestId)).findFirst();
    }

    @Override
    public boolean decide(String requestId, WithholdRequest.Decision decision) {
        for (int i = 0; i < requests.size(); i++) {
            WithholdRequest request = requests.get(i);
            if (request.id().equals(requestId) && request.decision() == null) {
                requests.set(i, request.decided(decision));
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean addView(String requestId, PartyView view) {
        for (int i = 0; i < requests.size(); i++) {
            WithholdRequest request = requests.get(i);
            if (request.id().equals(requestId)) {
                if (request.viewOf(view.party()).isPresent()) {
                    return false;
                }
                requests.set(i, request.withView(view));
                return true;
            }
        }
        return false;
    }

    @Override
    public List<WithholdRequest> ofReport(String reportId) {
        return requests.stream().filter(r -> r.reportId().equals(reportId)).toList();
    }
}
