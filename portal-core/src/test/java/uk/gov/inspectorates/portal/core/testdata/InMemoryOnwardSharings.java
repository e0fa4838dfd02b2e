package uk.gov.inspectorates.portal.core.testdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.report.OnwardSharing;
import uk.gov.inspectorates.portal.core.report.OnwardSharings;

public final class InMemoryOnwardSharings implements OnwardSharings {

    private final List<OnwardSharing> sharings = new ArrayList<>();

    @Override
    public void add(OnwardSharing sharing) {
        sharings.add(sharing);
    }

    @Override
    public Optional<OnwardSharing> find(String reportId, String sharingId) {
        return sharings.stream().filter(s -> s.reportId().equals(reportId) && s.id().equals(sharingId)).findFirst();
    }

    @Override
    public boolean decide(OnwardSharing decided) {
        for (int i = 0; i < sharings.size(); i++) {
            if (sharings.get(i).id().equals(decided.id())
                    && sharings.get(i).status() == OnwardSharing.Status.CONSENT_REQUESTED) {
                sharings.set(i, decided);
                return true;
            }
        }
        return false;
    }

    @Override
    public List<OnwardSharing> ofReport(String reportId) {
        return sharings.stream().filter(s -> s.reportId().equals(reportId)).toList();
    }
}
