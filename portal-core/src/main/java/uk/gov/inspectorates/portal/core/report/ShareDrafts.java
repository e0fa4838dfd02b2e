package uk.gov.inspectorates.portal.core.report;

import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** Where share drafts are kept, each visible to its owner only. */
@PersistencePort
public interface ShareDrafts {

    /** Adds the draft, or replaces its fields. */
    void save(ShareDraft draft);

    Optional<ShareDraft> find(String id, String ownerId);

    void delete(String id, String ownerId);

    /** The owner's drafts, the most recently changed first. */
    java.util.List<ShareDraft> ofOwner(String ownerId);
}
