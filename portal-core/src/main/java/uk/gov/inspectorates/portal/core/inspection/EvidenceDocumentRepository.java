package uk.gov.inspectorates.portal.core.inspection;

import java.util.List;
import java.util.Optional;

/** Evidence documents (a persistence port). */
public interface EvidenceDocumentRepository {

    void add(EvidenceDocument document);

    Optional<EvidenceDocument> find(String id);

    /** Oldest first. */
    List<EvidenceDocument> ofInspection(String inspectionId);
}
