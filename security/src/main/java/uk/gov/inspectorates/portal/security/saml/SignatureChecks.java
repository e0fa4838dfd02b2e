package uk.gov.inspectorates.portal.security.saml;

import java.util.List;
import java.util.Set;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.credential.Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.impl.SignatureImpl;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import uk.gov.inspectorates.portal.core.account.sso.SsoRefused;

/**
 * One enveloped XML signature on a Response or Assertion, checked in this order: algorithms on the allow-list (no
 * SHA-1), the SAML signature profile (one reference, to the signed element's own ID, enveloped + exclusive c14n
 * transforms only: XSW3/XSW4), then the cryptographic check against the identity provider's metadata keys only
 * (never a key carried in the message).
 */
final class SignatureChecks {

    static final Set<String> SIGNATURE_ALGORITHMS = Set.of(
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512,
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA256,
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA384,
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA512);
    static final Set<String> DIGEST_ALGORITHMS = Set.of(
            SignatureConstants.ALGO_ID_DIGEST_SHA256,
            SignatureConstants.ALGO_ID_DIGEST_SHA384,
            SignatureConstants.ALGO_ID_DIGEST_SHA512);

    private final SAMLSignatureProfileValidator profile = new SAMLSignatureProfileValidator();

    void check(Signature signature, List<Credential> trusted, String what) {
        checkAlgorithms(signature, what);
        try {
            profile.validate(signature);
        } catch (SignatureException e) {
            throw new SsoRefused(SamlRefusals.SIGNATURE_PROFILE, what + ": " + e.getMessage(), e);
        }
        for (Credential credential : trusted) {
            try {
                SignatureValidator.validate(signature, credential);
                return;
            } catch (SignatureException e) {
                // try the identity provider's next signing key (key rollover), if any
            }
        }
        throw new SsoRefused(SamlRefusals.SIGNATURE_INVALID, what + " is not signed by the identity provider's key");
    }

    private static void checkAlgorithms(Signature signature, String what) {
        if (!SIGNATURE_ALGORITHMS.contains(signature.getSignatureAlgorithm())) {
            throw new SsoRefused(SamlRefusals.SIGNATURE_ALGORITHM,
                    what + " signed with " + signature.getSignatureAlgorithm());
        }
        if (!(signature instanceof SignatureImpl impl) || impl.getXMLSignature() == null) {
            throw new SsoRefused(SamlRefusals.SIGNATURE_PROFILE, what + ": signature not read from the message");
        }
        XMLSignature xml = impl.getXMLSignature();
        try {
            if (xml.getSignedInfo().getLength() != 1) {
                throw new SsoRefused(SamlRefusals.SIGNATURE_PROFILE, what + ": not exactly one reference");
            }
            String digest = xml.getSignedInfo().item(0).getMessageDigestAlgorithm().getAlgorithmURI();
            if (!DIGEST_ALGORITHMS.contains(digest)) {
                throw new SsoRefused(SamlRefusals.SIGNATURE_ALGORITHM, what + " digest " + digest);
            }
        } catch (XMLSecurityException e) {
            throw new SsoRefused(SamlRefusals.SIGNATURE_PROFILE, what + ": " + e.getMessage(), e);
        }
    }
}
