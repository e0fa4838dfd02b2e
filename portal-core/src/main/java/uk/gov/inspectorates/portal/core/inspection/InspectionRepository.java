package uk.gov.inspectorates.portal.core.inspection;

import java.util.List;
import java.util.Optional;

/** The inspections (a persistence port). */
public interface InspectionRepository {

    void add(Inspection inspection);

    Optional<Inspection> find(String id);

    /** Newest notification first. */
    List<Inspection> all();
}
