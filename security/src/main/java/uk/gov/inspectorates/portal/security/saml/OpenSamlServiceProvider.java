package uk.gov.inspectorates.portal.security.saml;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import uk.gov.inspectorates.portal.core.access.sso.AssertionReplayCache;
import uk.gov.inspectorates.portal.core.access.sso.IdentityProvider;
import uk.gov.inspectorates.portal.core.access.sso.SamlRequestLog;
import uk.gov.inspectorates.portal.core.access.sso.SignInRedirect;
import uk.gov.inspectorates.portal.core.access.sso.SsoIdentity;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/** SAML 2.0 Web SSO service provider on OpenSAML 4 (docs/adr/0010). Skeleton: being implemented. */
public final class OpenSamlServiceProvider implements IdentityProvider {

    private final SamlSettings settings;
    private final SamlRequestLog requests;
    private final AssertionReplayCache replays;
    private final Clock clock;

    public OpenSamlServiceProvider(SamlSettings settings, SamlRequestLog requests, AssertionReplayCache replays,
                                   Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.replays = Objects.requireNonNull(replays, "replays");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Set<Inspectorate> configured() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public SignInRedirect startSignIn(Inspectorate inspectorate, String relayState) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public SsoIdentity completeSignIn(String samlResponseBase64) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public String serviceProviderMetadata() {
        throw new UnsupportedOperationException("not yet");
    }
}
