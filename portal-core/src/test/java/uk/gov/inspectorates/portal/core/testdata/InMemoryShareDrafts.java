package uk.gov.inspectorates.portal.core.testdata;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.report.ShareDraft;
import uk.gov.inspectorates.portal.core.report.ShareDrafts;

public final class InMemoryShareDrafts implements ShareDrafts {

    private final Map<String, ShareDraft> drafts = new HashMap<>();

    @Override
    public void save(ShareDraft draft) {
        drafts.put(draft.id(), draft);
    }

    @Override
    public Optional<ShareDraft> find(String id, String ownerId) {
        return Optional.ofNullable(drafts.get(id)).filter(draft -> draft.ownerId().equals(ownerId));
    }

    @Override
    public java.util.List<ShareDraft> ofOwner(String ownerId) {
        return drafts.values().stream().filter(draft -> draft.ownerId().equals(ownerId))
                .sorted(java.util.Comparator.comparing(ShareDraft::updatedAt).reversed()).toList();
    }

    @Override
    public void delete(String id, String ownerId) {
        find(id, ownerId).ifPresent(draft -> drafts.remove(id));
    }
}
