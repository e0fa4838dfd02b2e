package uk.gov.inspectorates.portal.core.report;

import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** Where onward-sharing records are kept (they go with their report when it is removed). */
@PersistencePort
public interface OnwardSharings {

    void add(OnwardSharing sharing);

    Optional<OnwardSharing> find(String reportId, String sharingId);

    /** Records the originator's answer to a consent request still waiting for one: false otherwise. */
    boolean decide(OnwardSharing decided);

    /** Oldest first. */
    List<OnwardSharing> ofReport(String reportId);
}
