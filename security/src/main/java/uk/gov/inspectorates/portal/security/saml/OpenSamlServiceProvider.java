package uk.gov.inspectorates.portal.security.saml;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDPolicy;
import uk.gov.inspectorates.portal.core.account.sso.AssertionReplayCache;
import uk.gov.inspectorates.portal.core.account.sso.IdentityProvider;
import uk.gov.inspectorates.portal.core.account.sso.SamlRequestLog;
import uk.gov.inspectorates.portal.core.account.sso.SignInRedirect;
import uk.gov.inspectorates.portal.core.account.sso.SsoIdentity;
import uk.gov.inspectorates.portal.core.account.sso.SsoRefused;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * SAML 2.0 Web SSO service provider (SP-initiated; HTTP-Redirect out, HTTP-POST back) on OpenSAML 4 for parsing,
 * signatures and the SAML object model, with both bindings written here because OpenSAML 4's are javax.servlet
 * (docs/adr/0010). Refuses to start without good metadata for every configured identity provider.
 */
public final class OpenSamlServiceProvider implements IdentityProvider {

    private static final Duration METADATA_VALIDITY = Duration.ofDays(7);

    private final SamlSettings settings;
    private final SamlRequestLog requests;
    private final Clock clock;
    private final Map<Inspectorate, MetadataSource> identityProviders = new EnumMap<>(Inspectorate.class);
    private final ResponseValidator validator;
    private final SecureRandom random = new SecureRandom();

    public OpenSamlServiceProvider(SamlSettings settings, SamlRequestLog requests, AssertionReplayCache replays,
                                   Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.clock = Objects.requireNonNull(clock, "clock");
        OpenSaml.initialise();
        Set<String> entityIds = new HashSet<>();
        for (IdpSettings idp : settings.identityProviders()) {
            MetadataSource source = new MetadataSource(idp, clock);
            if (!entityIds.add(source.current().entityId())) {
                throw new IllegalStateException("two inspectorates' identity providers share the entity id "
                        + source.current().entityId() + ": a response could not be told apart");
            }
            identityProviders.put(idp.inspectorate(), source);
        }
        this.validator = new ResponseValidator(settings, identityProviders, requests,
                Objects.requireNonNull(replays, "replays"), clock);
    }

    @Override
    public Set<Inspectorate> configured() {
        return Set.copyOf(identityProviders.keySet());
    }

    @Override
    public SignInRedirect startSignIn(Inspectorate inspectorate, String relayState) {
        MetadataSource source = inspectorate == null ? null : identityProviders.get(inspectorate);
        if (source == null) {
            throw new SsoRefused(SamlRefusals.IDP_NOT_CONFIGURED, String.valueOf(inspectorate));
        }
        IdpMetadata idp = source.current();
        Instant now = clock.instant();
        String id = newId();

        AuthnRequest request = OpenSaml.build(AuthnRequest.DEFAULT_ELEMENT_NAME);
        request.setID(id);
        request.setIssueInstant(now);
        request.setDestination(idp.singleSignOnService().toString());
        request.setAssertionConsumerServiceURL(settings.assertionConsumerServiceUrl().toString());
        request.setProtocolBinding(SAMLConstants.SAML2_POST_BINDING_URI);
        Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(settings.serviceProviderEntityId());
        request.setIssuer(issuer);
        NameIDPolicy policy = OpenSaml.build(NameIDPolicy.DEFAULT_ELEMENT_NAME);
        policy.setAllowCreate(true);
        request.setNameIDPolicy(policy);

        String xml = OpenSaml.serialise(OpenSaml.marshall(request));
        String browserBinding = BrowserBinding.newValue(random);
        SignInRedirect redirect = new SignInRedirect(
                RedirectBinding.encode(idp.singleSignOnService(), xml, relayState, settings.signingKey()), id,
                browserBinding, settings.requestLifetime());
        requests.issued(id, inspectorate, BrowserBinding.hash(browserBinding), now.plus(settings.requestLifetime()));
        return redirect;
    }

    @Override
    public SsoIdentity completeSignIn(String samlResponseBase64, String browserBinding) {
        return validator.validate(samlResponseBase64, browserBinding);
    }

    @Override
    public String serviceProviderMetadata() {
        return ServiceProviderMetadata.of(settings, newId(), clock.instant().plus(METADATA_VALIDITY));
    }

    private String newId() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }
}
