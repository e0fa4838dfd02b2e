package uk.gov.inspectorates.portal.core.account.sso;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where to send the browser to sign in (HTTP-Redirect binding, signed query string), the request's id, and the value
 * the browser must keep (a cookie) and bring back with the identity provider's answer: only the browser that started
 * a sign-in can finish it. The value is a secret of that browser; the request log keeps only its hash.
 *
 * @param lifetime how long the request stays open, and so how long the browser needs to keep the value
 */
public record SignInRedirect(URI location, String requestId, String browserBinding, Duration lifetime) {
    public SignInRedirect {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(browserBinding, "browserBinding");
        Objects.requireNonNull(lifetime, "lifetime");
    }
}
