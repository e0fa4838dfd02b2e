package uk.gov.inspectorates.portal.core.inspection;

import java.util.List;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** Who exported what from each inspection (a persistence port; issue 17). */
@PersistencePort
public interface ExportRecords {

    /** Oldest first. */
    List<ExportRecord> ofInspection(String inspectionId);
}
