package uk.gov.inspectorates.portal.core.inspection;

import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** Who exported what from each inspection (a persistence port; issue 17). */
@PersistencePort
public interface ExportRecords {

    /** Oldest first. */
    List<ExportRecord> ofInspection(String inspectionId);

    /**
     * Records a complete export; {@code identity} is the archive's identity ({@link ExportArchive#identity}), under
     * which its SHA-256 is found again.
     */
    void add(ExportRecord record, String identity);

    /** The SHA-256 of the archive with that identity, once an export of it has been recorded complete. */
    Optional<String> sha256Of(String identity);
}
