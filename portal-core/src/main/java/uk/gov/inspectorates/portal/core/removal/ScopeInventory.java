package uk.gov.inspectorates.portal.core.removal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * What the records say is stored under a key scope, whichever feature stored it (a persistence port): every row that
 * holds an object of the scope is found, including those of tables added later (docs/adr/0030), and the rows that
 * refer to a target are deleted with a check that none is left.
 */
@PersistencePort
public interface ScopeInventory {

    /** Every object the records hold under the scope. */
    List<StoredObject> objects(KeyScope scope);

    /** When the scope's key-encryption key was destroyed (its tombstone), if it was. */
    Optional<Instant> kekDestroyedAt(KeyScope scope);

    /** The inspection's documents and bytes per information request, with the agency's name. */
    List<RequestTally> requestsOf(String inspectionId);

    /**
     * Deletes the inspection and every row that refers to it (one transaction); fails, deleting nothing, when a row
     * referring to it would be left.
     */
    void deleteInspectionRows(String inspectionId);

    /**
     * Deletes the rows of a report's key scope: its letters, its unfinished uploads and, unless {@code keepReportRow}
     * (a published report's row stays as the redirect to its published copy), the report with its rows.
     */
    void deleteReportRows(String reportId, boolean keepReportRow);

    /** Deletes the letter sent ahead of a report in this, its own, key scope (and unfinished uploads of the scope). */
    void deleteLetterAheadRows(KeyScope scope);
}
