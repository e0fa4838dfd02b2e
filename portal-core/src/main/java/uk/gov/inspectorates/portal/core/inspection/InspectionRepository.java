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

    /**
     * Marks the inspection CLOSED and records who closed it and when, once: false (nothing changed) when it was closed
     * already or does not exist.
     */
    boolean close(InspectionClosure closure);

    Optional<InspectionClosure> closure(String inspectionId);

    /** Every closed inspection's closure, oldest first (for the retention of JTAI data after closure). */
    List<InspectionClosure> closures();
}
