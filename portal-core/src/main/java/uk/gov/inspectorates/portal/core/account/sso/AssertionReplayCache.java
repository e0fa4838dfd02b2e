package uk.gov.inspectorates.portal.core.account.sso;

import java.time.Instant;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * Assertion ids already used, kept until the assertion could no longer be accepted anyway, shared by every node of a
 * cluster: an assertion can sign someone in once.
 */
@PersistencePort
public interface AssertionReplayCache {

    /** True the first time an assertion id is presented, false on every later presentation before it expires. */
    boolean firstUse(String assertionId, Instant keepUntil, Instant now);
}
