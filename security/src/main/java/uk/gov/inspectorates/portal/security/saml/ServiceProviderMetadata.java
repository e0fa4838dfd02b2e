package uk.gov.inspectorates.portal.security.saml;

import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.metadata.AssertionConsumerService;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.NameIDFormat;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.security.credential.UsageType;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/**
 * Our metadata for the identity providers: signed requests, signed assertions wanted, our signing certificate, the
 * HTTP-POST assertion consumer service, persistent or unspecified NameIDs; signed with our key (RSA-SHA256).
 */
final class ServiceProviderMetadata {

    private ServiceProviderMetadata() {
    }

    static String of(SamlSettings settings, String id, Instant validUntil) {
        EntityDescriptor entity = OpenSaml.build(EntityDescriptor.DEFAULT_ELEMENT_NAME);
        entity.setEntityID(settings.serviceProviderEntityId());
        entity.setID(id);
        entity.setValidUntil(validUntil);

        SPSSODescriptor sp = OpenSaml.build(SPSSODescriptor.DEFAULT_ELEMENT_NAME);
        sp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        sp.setAuthnRequestsSigned(true);
        sp.setWantAssertionsSigned(true);

        KeyDescriptor signing = OpenSaml.build(KeyDescriptor.DEFAULT_ELEMENT_NAME);
        signing.setUse(UsageType.SIGNING);
        KeyInfo keyInfo = OpenSaml.build(KeyInfo.DEFAULT_ELEMENT_NAME);
        try {
            KeyInfoSupport.addCertificate(keyInfo, settings.signingCertificate());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("unreadable service provider certificate", e);
        }
        signing.setKeyInfo(keyInfo);
        sp.getKeyDescriptors().add(signing);

        for (String format : new String[] {NameIDType.PERSISTENT, NameIDType.UNSPECIFIED}) {
            NameIDFormat nameIdFormat = OpenSaml.build(NameIDFormat.DEFAULT_ELEMENT_NAME);
            nameIdFormat.setURI(format);
            sp.getNameIDFormats().add(nameIdFormat);
        }

        AssertionConsumerService acs = OpenSaml.build(AssertionConsumerService.DEFAULT_ELEMENT_NAME);
        acs.setBinding(SAMLConstants.SAML2_POST_BINDING_URI);
        acs.setLocation(settings.assertionConsumerServiceUrl().toString());
        acs.setIndex(0);
        acs.setIsDefault(true);
        sp.getAssertionConsumerServices().add(acs);
        entity.getRoleDescriptors().add(sp);

        BasicX509Credential credential = new BasicX509Credential(settings.signingCertificate(), settings.signingKey());
        return OpenSaml.serialise(Signing.sign(entity, credential, settings.signingCertificate(),
                SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, SignatureConstants.ALGO_ID_DIGEST_SHA256));
    }
}
