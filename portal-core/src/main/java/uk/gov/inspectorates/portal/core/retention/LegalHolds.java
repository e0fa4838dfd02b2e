package uk.gov.inspectorates.portal.core.retention;

import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * The legal holds in force (a persistence port): a held inspection or report is never removed, by any policy or
 * person, until an administrator lifts the hold.
 */
@PersistencePort
public interface LegalHolds {

    boolean isHeld(HoldTarget target);
}
