package uk.gov.inspectorates.portal.security.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.security.saml.SamlFixture.ACS;
import static uk.gov.inspectorates.portal.security.saml.SamlFixture.OFSTED_IDP;
import static uk.gov.inspectorates.portal.security.saml.SamlFixture.SP_ENTITY_ID;
import static uk.gov.inspectorates.portal.security.saml.SamlFixture.SP_KEYS;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import uk.gov.inspectorates.portal.core.account.sso.SignInRedirect;
import uk.gov.inspectorates.portal.core.account.sso.SsoRefused;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/** The signed HTTP-Redirect authentication request, and our signed metadata. */
class SamlRedirectAndMetadataTest {

    private final SamlFixture sp = new SamlFixture();

    @Test
    void theRedirectCarriesASignedRequestThatTheSpCertificateVerifiesOverTheExactQuery() throws Exception {
        SignInRedirect redirect = sp.serviceProvider.startSignIn(Inspectorate.OFSTED, "/reports?x=1&y=2");
        URI location = redirect.location();
        String query = location.getRawQuery();

        assertEquals(OFSTED_IDP.singleSignOnService(), location.getScheme() + "://" + location.getRawAuthority()
                + location.getRawPath());
        int at = query.indexOf("&Signature=");
        String signedOctets = query.substring(0, at);
        assertTrue(signedOctets.matches("SAMLRequest=[^&]+&RelayState=[^&]+&SigAlg=[^&]+"), signedOctets);
        Map<String, String> parameters = parameters(query);
        assertEquals(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, parameters.get("SigAlg"));
        assertEquals("/reports?x=1&y=2", parameters.get("RelayState"));

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(SP_KEYS.certificate());
        verifier.update(signedOctets.getBytes(StandardCharsets.US_ASCII));
        assertTrue(verifier.verify(Base64.getDecoder().decode(parameters.get("Signature"))), "signature verifies");

        verifier.initVerify(SP_KEYS.certificate());
        verifier.update(signedOctets.replace("RelayState=", "RelayState=x").getBytes(StandardCharsets.US_ASCII));
        assertFalse(verifier.verify(Base64.getDecoder().decode(parameters.get("Signature"))), "covers RelayState");
    }

    @Test
    void theRequestNamesItsIdDestinationAcsAndIssuerAndIsLogged() throws Exception {
        SignInRedirect redirect = sp.serviceProvider.startSignIn(Inspectorate.OFSTED, null);
        Map<String, String> parameters = parameters(redirect.location().getRawQuery());
        assertFalse(parameters.containsKey("RelayState"));

        AuthnRequest request = assertInstanceOf(AuthnRequest.class,
                OpenSaml.read(inflate(Base64.getDecoder().decode(parameters.get("SAMLRequest")))));

        assertEquals(redirect.requestId(), request.getID());
        assertEquals(OFSTED_IDP.singleSignOnService(), request.getDestination());
        assertEquals(ACS.toString(), request.getAssertionConsumerServiceURL());
        assertEquals(SAMLConstants.SAML2_POST_BINDING_URI, request.getProtocolBinding());
        assertEquals(SP_ENTITY_ID, request.getIssuer().getValue());
        assertEquals(SamlFixture.T0, request.getIssueInstant());
        assertTrue(sp.stores.isOpen(redirect.requestId(), Inspectorate.OFSTED), "request id logged for Ofsted");
        assertFalse(sp.stores.isOpen(redirect.requestId(), Inspectorate.CQC));
    }

    @Test
    void eachRequestHasItsOwnId() {
        assertFalse(sp.serviceProvider.startSignIn(Inspectorate.OFSTED, null).requestId()
                .equals(sp.serviceProvider.startSignIn(Inspectorate.OFSTED, null).requestId()));
    }

    @Test
    void anInspectorateWithoutAnIdentityProviderIsRefused() {
        assertEquals(java.util.Set.of(Inspectorate.OFSTED, Inspectorate.CQC), sp.serviceProvider.configured());
        SsoRefused refused = assertThrows(SsoRefused.class,
                () -> sp.serviceProvider.startSignIn(Inspectorate.HMI_PRISONS, null));
        assertEquals(SamlRefusals.IDP_NOT_CONFIGURED, refused.reason());
    }

    @Test
    void ourMetadataIsSignedWithTheSpKeyAndDescribesTheSp() throws Exception {
        String metadata = sp.serviceProvider.serviceProviderMetadata();

        EntityDescriptor entity = assertInstanceOf(EntityDescriptor.class,
                OpenSaml.read(metadata.getBytes(StandardCharsets.UTF_8)));
        assertEquals(SP_ENTITY_ID, entity.getEntityID());
        assertNotNull(entity.getSignature(), "signed");
        new SAMLSignatureProfileValidator().validate(entity.getSignature());
        assertEquals(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, entity.getSignature().getSignatureAlgorithm());
        SignatureValidator.validate(entity.getSignature(), new BasicX509Credential(SP_KEYS.certificate()));
        assertThrows(SignatureException.class, () -> SignatureValidator.validate(entity.getSignature(),
                new BasicX509Credential(SamlFixture.ATTACKER_KEYS.certificate())));

        SPSSODescriptor descriptor = entity.getSPSSODescriptor(SAMLConstants.SAML20P_NS);
        assertTrue(descriptor.isAuthnRequestsSigned());
        assertTrue(descriptor.getWantAssertionsSigned());
        assertEquals(ACS.toString(), descriptor.getAssertionConsumerServices().get(0).getLocation());
        assertEquals(SAMLConstants.SAML2_POST_BINDING_URI, descriptor.getAssertionConsumerServices().get(0).getBinding());
        assertEquals(SP_KEYS.certificate(), org.opensaml.xmlsec.keyinfo.KeyInfoSupport.getCertificates(
                descriptor.getKeyDescriptors().get(0).getKeyInfo()).get(0));
        assertEquals(java.util.List.of("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
                        "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"),
                descriptor.getNameIDFormats().stream().map(f -> f.getURI()).toList());
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static byte[] inflate(byte[] deflated) throws Exception {
        Inflater inflater = new Inflater(true);
        inflater.setInput(deflated);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && inflater.needsInput()) {
                break;
            }
            out.write(buffer, 0, n);
        }
        inflater.end();
        return out.toByteArray();
    }
}
