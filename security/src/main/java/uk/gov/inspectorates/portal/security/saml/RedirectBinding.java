package uk.gov.inspectorates.portal.security.saml;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.zip.Deflater;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/**
 * The SAML 2.0 HTTP-Redirect binding for a request we send (bindings spec 3.4.4.1): the message is DEFLATE-compressed
 * (raw, no zlib header), base64-encoded and URL-encoded; the signature covers the exact octets of
 * {@code SAMLRequest=..&RelayState=..&SigAlg=..} as they appear in the query string.
 */
final class RedirectBinding {

    static final String SIGNATURE_ALGORITHM = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;

    private RedirectBinding() {
    }

    static URI encode(URI destination, String requestXml, String relayState, PrivateKey signingKey) {
        StringBuilder signed = new StringBuilder("SAMLRequest=").append(urlEncode(deflateAndBase64(requestXml)));
        if (relayState != null && !relayState.isEmpty()) {
            signed.append("&RelayState=").append(urlEncode(relayState));
        }
        signed.append("&SigAlg=").append(urlEncode(SIGNATURE_ALGORITHM));
        String query = signed + "&Signature=" + urlEncode(sign(signed.toString(), signingKey));
        String base = destination.toString();
        return URI.create(base + (destination.getRawQuery() == null ? "?" : "&") + query);
    }

    static String deflateAndBase64(String xml) {
        Deflater deflater = new Deflater(Deflater.DEFLATED, true);
        try {
            deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    private static String sign(String octets, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(octets.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the authentication request", e);
        }
    }

    static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
