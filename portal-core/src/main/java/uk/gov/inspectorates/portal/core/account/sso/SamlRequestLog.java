package uk.gov.inspectorates.portal.core.account.sso;

import java.time.Instant;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * The authentication requests we sent and have not yet seen answered, shared by every node of a cluster, so that
 * only a response to one of them (InResponseTo) is accepted, and only once.
 */
@PersistencePort
public interface SamlRequestLog {

    /** {@code browserBindingHash}: the hash of the secret the browser that started the sign-in keeps (never the secret). */
    void issued(String requestId, Inspectorate inspectorate, String browserBindingHash, Instant expiresAt);

    /**
     * The browser binding hash of the request, while it is open (issued to that inspectorate's identity provider,
     * unexpired, unconsumed); empty otherwise. Consumes nothing.
     */
    Optional<String> browserOf(String requestId, Inspectorate inspectorate, Instant now);

    /**
     * True once only, and only for an open request we issued to that inspectorate's identity provider for the browser
     * with that binding hash. A request is not consumed by another browser's attempt.
     */
    boolean consume(String requestId, Inspectorate inspectorate, String browserBindingHash, Instant now);
}
