package uk.gov.inspectorates.portal.security.saml;

import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntitiesDescriptor;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;
import org.opensaml.security.credential.Credential;
import org.opensaml.security.credential.UsageType;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;

/**
 * What we take from an identity provider's metadata: its entity id (the only Issuer accepted), where to send the
 * browser (HTTP-Redirect SingleSignOnService) and the certificates it signs with (the only keys trusted).
 */
record IdpMetadata(String entityId, URI singleSignOnService, List<X509Certificate> signingCertificates) {

    IdpMetadata {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(singleSignOnService, "singleSignOnService");
        signingCertificates = List.copyOf(signingCertificates);
        if (signingCertificates.isEmpty()) {
            throw new IllegalArgumentException("no signing certificate in the identity provider's metadata");
        }
    }

    List<Credential> signingCredentials() {
        List<Credential> credentials = new ArrayList<>();
        for (X509Certificate certificate : signingCertificates) {
            BasicX509Credential credential = new BasicX509Credential(certificate);
            credential.setEntityId(entityId);
            credential.setUsageType(UsageType.SIGNING);
            credentials.add(credential);
        }
        return credentials;
    }

    /** Reads an EntityDescriptor (or an EntitiesDescriptor holding exactly one) through the hardened parser. */
    static IdpMetadata parse(byte[] xml) {
        XMLObject root;
        try {
            root = OpenSaml.read(xml);
        } catch (Exception e) {
            throw new IllegalArgumentException("identity provider metadata is not readable SAML metadata", e);
        }
        EntityDescriptor entity;
        if (root instanceof EntityDescriptor single) {
            entity = single;
        } else if (root instanceof EntitiesDescriptor group && group.getEntityDescriptors().size() == 1
                && group.getEntitiesDescriptors().isEmpty()) {
            entity = group.getEntityDescriptors().get(0);
        } else {
            throw new IllegalArgumentException("identity provider metadata must describe exactly one entity");
        }
        IDPSSODescriptor idp = entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
        if (entity.getEntityID() == null || entity.getEntityID().isBlank() || idp == null) {
            throw new IllegalArgumentException("no SAML 2.0 IDPSSODescriptor with an entityID in the metadata");
        }
        URI redirect = idp.getSingleSignOnServices().stream()
                .filter(service -> SAMLConstants.SAML2_REDIRECT_BINDING_URI.equals(service.getBinding()))
                .map(SingleSignOnService::getLocation).filter(Objects::nonNull).map(URI::create).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no HTTP-Redirect SingleSignOnService in the metadata"));
        List<X509Certificate> certificates = new ArrayList<>();
        for (KeyDescriptor key : idp.getKeyDescriptors()) {
            if ((key.getUse() == null || key.getUse() == UsageType.UNSPECIFIED || key.getUse() == UsageType.SIGNING)
                    && key.getKeyInfo() != null) {
                try {
                    certificates.addAll(KeyInfoSupport.getCertificates(key.getKeyInfo()));
                } catch (CertificateException e) {
                    throw new IllegalArgumentException("unreadable signing certificate in the metadata", e);
                }
            }
        }
        return new IdpMetadata(entity.getEntityID(), redirect, certificates);
    }
}
