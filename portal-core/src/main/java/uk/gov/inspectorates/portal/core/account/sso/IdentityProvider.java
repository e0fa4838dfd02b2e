package uk.gov.inspectorates.portal.core.account.sso;

import java.util.Set;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * The port to the inspectorates' identity providers (SAML 2.0 Web SSO, SP-initiated). The domain never sees a SAML
 * message: it asks where to send the browser, and gets back a validated identity or a refusal with its reason.
 */
public interface IdentityProvider {

    /** The inspectorates whose identity provider is configured. */
    Set<Inspectorate> configured();

    /**
     * Builds a signed authentication request for the inspectorate's identity provider and remembers its id, so that
     * only a response to a request we sent is accepted.
     *
     * @throws SsoRefused (reason {@code idp-not-configured}) for an inspectorate without an identity provider
     */
    SignInRedirect startSignIn(Inspectorate inspectorate, String relayState);

    /**
     * Validates a posted {@code SAMLResponse} (base64, as received) and returns who signed in. Uses each assertion id
     * once only.
     *
     * @throws SsoRefused with a stable reason code (for the audit trail) when anything does not hold
     */
    SsoIdentity completeSignIn(String samlResponseBase64);

    /** The service provider's own metadata, signed, as served at {@code /saml/metadata}. */
    String serviceProviderMetadata();
}
