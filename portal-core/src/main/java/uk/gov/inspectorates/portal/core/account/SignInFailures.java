package uk.gov.inspectorates.portal.core.account;

import java.time.Instant;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * Failed sign-ins counted per submitted name that is not an account with a local credential (an unknown username,
 * staff who sign in through their identity provider), so that such a name is throttled exactly like an account and
 * the answers do not tell which usernames exist. Names are kept only as a key (a hash), and only while their failures
 * count ({@link SignInThrottle#FORGET_AFTER}): the store stays bounded however many names are tried.
 */
@PersistencePort
public interface SignInFailures {

    /** The failures counted against the name's key; {@link SignInThrottle.Failures#none()} if none are kept. */
    SignInThrottle.Failures of(String nameKey);

    /**
     * Counts one more failure at {@code at} (starting again from one if the last was before {@code forgetBefore}),
     * and forgets names whose last failure was before {@code forgetBefore}.
     */
    void recordFailure(String nameKey, Instant at, Instant forgetBefore);
}
