package uk.gov.inspectorates.portal.core.operations;

import java.util.Map;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * What is waiting, for the operator's metrics (docs/adr/0047): counts only, never what they are about.
 */
@PersistencePort
public interface Backlog {

    /** Notifications written to the outbox and still to be sent (neither sent nor given up on). */
    long unsentNotifications();

    /** Removals by where they are: their step ({@code STARTED} ... {@code CERTIFIED}), or {@code FAILED}. */
    Map<String, Long> removalsByStep();
}
