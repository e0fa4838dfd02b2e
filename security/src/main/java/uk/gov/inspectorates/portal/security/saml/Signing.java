package uk.gov.inspectorates.portal.security.saml;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.opensaml.saml.common.SAMLObjectContentReference;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.security.credential.Credential;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.Signer;
import org.w3c.dom.Element;

/** Enveloped XML signatures as the SAML profile wants them: exclusive c14n, SHA-256 digest, the given algorithm. */
final class Signing {

    private Signing() {
    }

    /** Signs the object (which must have an ID) and returns its marshalled, signed element. */
    static Element sign(SignableSAMLObject object, Credential credential, X509Certificate certificate,
                               String signatureAlgorithm, String digestAlgorithm) {
        Signature signature = OpenSaml.build(Signature.DEFAULT_ELEMENT_NAME);
        signature.setSigningCredential(credential);
        signature.setSignatureAlgorithm(signatureAlgorithm);
        signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        if (certificate != null) {
            KeyInfo keyInfo = OpenSaml.build(KeyInfo.DEFAULT_ELEMENT_NAME);
            try {
                org.opensaml.xmlsec.keyinfo.KeyInfoSupport.addCertificate(keyInfo, certificate);
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("unreadable signing certificate", e);
            }
            signature.setKeyInfo(keyInfo);
        }
        object.setSignature(signature);
        ((SAMLObjectContentReference) signature.getContentReferences().get(0)).setDigestAlgorithm(digestAlgorithm);
        Element element = OpenSaml.marshall(object);
        try {
            Signer.signObject(signature);
        } catch (SignatureException e) {
            throw new IllegalStateException("could not sign " + object.getElementQName(), e);
        }
        return element;
    }
}
