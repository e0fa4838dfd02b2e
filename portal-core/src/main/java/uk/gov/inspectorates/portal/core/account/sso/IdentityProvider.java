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
     * Builds a signed authentication request for the inspectorate's identity provider and remembers its id, with the
     * hash of a new secret for the browser to keep ({@link SignInRedirect#browserBinding()}), so that only a response
     * to a request we sent, posted by the browser that asked for it, is accepted.
     *
     * @throws SsoRefused (reason {@code idp-not-configured}) for an inspectorate without an identity provider
     */
    SignInRedirect startSignIn(Inspectorate inspectorate, String relayState);

    /**
     * Validates a posted {@code SAMLResponse} (base64, as received) and returns who signed in. Uses each assertion id
     * once only. The response must answer a request started by this browser: {@code browserBinding} is what the
     * browser kept from {@link #startSignIn} (null when it brought nothing), else it is refused with
     * {@link SsoRefused#BROWSER_MISMATCH} and the request stays open for the browser that did start it.
     *
     * @throws SsoRefused with a stable reason code (for the audit trail) when anything does not hold
     */
    SsoIdentity completeSignIn(String samlResponseBase64, String browserBinding);

    /** The service provider's own metadata, signed, as served at {@code /saml/metadata}. */
    String serviceProviderMetadata();
}
