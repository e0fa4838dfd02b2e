package uk.gov.inspectorates.portal.core.account.sso;

import java.time.Instant;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * The authentication requests we sent and have not yet seen answered, shared by every node of a cluster, so that
 * only a response to one of them (InResponseTo) is accepted, and only once.
 */
@PersistencePort
public interface SamlRequestLog {

    void issued(String requestId, Inspectorate inspectorate, Instant expiresAt);

    /** True once only, and only for a request we issued to that inspectorate's identity provider that has not expired. */
    boolean consume(String requestId, Inspectorate inspectorate, Instant now);
}
