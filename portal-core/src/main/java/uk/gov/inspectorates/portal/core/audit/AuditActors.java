package uk.gov.inspectorates.portal.core.audit;

import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * Who a person is, for an event recorded without a signed-in subject at hand (a sign-in, a session's end, a removal
 * asked for by a person): their organisation and their roles as the directory holds them now.
 */
@PersistencePort
public interface AuditActors {

    /** Nobody known: unit tests, and a trail without a directory. */
    AuditActors NONE = userId -> Optional.empty();

    Optional<Actor> of(String userId);

    /** @param roles role names, sorted, joined by ',' (as {@code PolicyGate.rolesOf}) */
    record Actor(String organisationId, String roles) {
    }
}
