package uk.gov.inspectorates.portal.core.inspection;

import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** The inspections (a persistence port). */
@PersistencePort
public interface InspectionRepository {

    void add(Inspection inspection);

    Optional<Inspection> find(String id);

    /** Newest notification first. */
    List<Inspection> all();
}
