package uk.gov.inspectorates.portal.core.account.sso;

import java.net.URI;
import java.util.Objects;

/** Where to send the browser to sign in (HTTP-Redirect binding, signed query string), and the request's id. */
public record SignInRedirect(URI location, String requestId) {
    public SignInRedirect {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(requestId, "requestId");
    }
}
