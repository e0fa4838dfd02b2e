package uk.gov.inspectorates.portal.security.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Signature-wrapping (XSW) and related rewrites of a correctly signed message, built by moving its DOM about as in
 * Somorovsky et al., "On Breaking SAML" (2012): the signed content stays intact somewhere in the message while an
 * attacker's assertion ("evil", NameID {@code admin}) sits where a careless service provider would read it.
 */
class SamlSignatureWrappingTest {

    private static final String PROTOCOL = SAMLConstants.SAML20P_NS;
    private static final String ASSERTION = SAMLConstants.SAML20_NS;
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private final SamlFixture sp = new SamlFixture();

    @Test
    void aStrippedAssertionSignatureLeavesAnUnsignedResponse() {
        Element response = sp.validResponse().element();
        Element assertion = child(response, ASSERTION, "Assertion");
        assertion.removeChild(child(assertion, DSIG, "Signature"));

        sp.assertRefused(SamlRefusals.SIGNATURE_MISSING, TestIdentityProvider.base64(response));
    }

    @Test
    void aStrippedResponseSignatureLeavesAnUnsignedResponse() {
        Element response = sp.validResponse().with(r -> {
            r.signResponse = true;
            r.signAssertion = false;
        }).element();
        response.removeChild(child(response, DSIG, "Signature"));

        sp.assertRefused(SamlRefusals.SIGNATURE_MISSING, TestIdentityProvider.base64(response));
    }

    @Test
    void anAssertionChangedAfterSigningIsRefused() {
        Element response = sp.validResponse().element();
        setNameId(child(response, ASSERTION, "Assertion"), "admin");

        sp.assertRefused(SamlRefusals.SIGNATURE_INVALID, TestIdentityProvider.base64(response));
    }

    @Test
    void anUnsignedAssertionSwappedIntoASignedResponseIsRefused() {
        Element response = sp.validResponse().with(r -> {
            r.signResponse = true;
            r.signAssertion = false;
        }).element();
        Element original = child(response, ASSERTION, "Assertion");
        Element evil = evilCopyOf(original);
        response.replaceChild(evil, original);

        sp.assertRefused(SamlRefusals.SIGNATURE_INVALID, TestIdentityProvider.base64(response));
    }

    /**
     * XSW1: an evil response whose signature carries the original signed response inside it. A Response is no
     * allowed child of ds:Signature, so the message does not even unmarshal.
     */
    @Test
    void xsw1SignedResponseWrappedInsideTheSignatureOfAnEvilResponse() {
        Element response = sp.validResponse().with(r -> {
            r.signResponse = true;
            r.signAssertion = false;
        }).element();
        Element original = (Element) response.cloneNode(true);
        Element signature = child(response, DSIG, "Signature");
        original.removeChild(child(original, DSIG, "Signature"));
        signature.appendChild(original);
        response.setAttributeNS(null, "ID", "_evil-response");
        setNameId(child(response, ASSERTION, "Assertion"), "admin");

        sp.assertRefused(SamlRefusals.MALFORMED_MESSAGE, TestIdentityProvider.base64(response));
    }

    /** XSW2: as XSW1 with the original response as a sibling before the signature (detached style). */
    @Test
    void xsw2SignedResponseBesideTheSignatureOfAnEvilResponse() {
        Element response = sp.validResponse().with(r -> {
            r.signResponse = true;
            r.signAssertion = false;
        }).element();
        Element original = (Element) response.cloneNode(true);
        Element signature = child(response, DSIG, "Signature");
        original.removeChild(child(original, DSIG, "Signature"));
        response.insertBefore(original, signature);
        response.setAttributeNS(null, "ID", "_evil-response");
        setNameId(child(response, ASSERTION, "Assertion"), "admin");

        sp.assertRefused(SamlRefusals.SIGNATURE_PROFILE, TestIdentityProvider.base64(response));
    }

    /** XSW3: an evil assertion inserted before the signed one. */
    @Test
    void xsw3EvilAssertionBeforeTheSignedOne() {
        Element response = sp.validResponse().element();
        Element original = child(response, ASSERTION, "Assertion");
        Element evil = evilCopyOf(original);
        response.insertBefore(evil, original);

        sp.assertRefused(SamlRefusals.ASSERTION_COUNT, TestIdentityProvider.base64(response));
    }

    /** XSW3 with the evil assertion after the signed one. */
    @Test
    void xsw3EvilAssertionAfterTheSignedOne() {
        Element response = sp.validResponse().element();
        Element original = child(response, ASSERTION, "Assertion");
        response.appendChild(evilCopyOf(original));

        sp.assertRefused(SamlRefusals.ASSERTION_COUNT, TestIdentityProvider.base64(response));
    }

    /** XSW4: the signed assertion moved inside the evil one. */
    @Test
    void xsw4SignedAssertionInsideTheEvilOne() {
        Element response = sp.validResponse().element();
        Element original = child(response, ASSERTION, "Assertion");
        Element evil = evilCopyOf(original);
        response.replaceChild(evil, original);
        evil.appendChild(original);

        sp.assertRefused(SamlRefusals.SIGNATURE_MISSING, TestIdentityProvider.base64(response));
    }

    /** XSW5: the evil assertion carries the original signature; the original, unsigned, hides in Extensions. */
    @Test
    void xsw5EvilAssertionWithTheOriginalSignature() {
        Element response = sp.validResponse().element();
        Element original = child(response, ASSERTION, "Assertion");
        Element evil = evilCopyOf(original);
        Element signature = child(original, DSIG, "Signature");
        original.removeChild(signature);
        evil.insertBefore(signature, child(evil, ASSERTION, "Subject"));
        response.replaceChild(evil, original);
        extensionsOf(response).appendChild(original);

        sp.assertRefused(SamlRefusals.SIGNATURE_PROFILE, TestIdentityProvider.base64(response));
    }

    /**
     * XSW6: the evil assertion carries the original signature, with the original assertion inside that signature
     * (no allowed child of ds:Signature: the message does not unmarshal).
     */
    @Test
    void xsw6OriginalAssertionInsideTheMovedSignature() {
        Element response = sp.validResponse().element();
        Element original = child(response, ASSERTION, "Assertion");
        Element evil = evilCopyOf(original);
        Element signature = child(original, DSIG, "Signature");
        original.removeChild(signature);
        evil.insertBefore(signature, child(evil, ASSERTION, "Subject"));
        signature.appendChild(original);
        response.appendChild(evil);

        sp.assertRefused(SamlRefusals.MALFORMED_MESSAGE, TestIdentityProvider.base64(response));
    }

    /** XSW7: the signed assertion inside Extensions, an unsigned evil assertion where the assertion belongs. */
    @Test
    void xsw7SignedAssertionInExtensions() {
        Element response = sp.validResponse().element();
        Element original = child(response, ASSERTION, "Assertion");
        Element evil = evilCopyOf(original);
        response.replaceChild(evil, original);
        extensionsOf(response).appendChild(original);

        sp.assertRefused(SamlRefusals.SIGNATURE_MISSING, TestIdentityProvider.base64(response));
    }

    /** XSW8: the evil assertion carries the original signature, with the original assertion in a ds:Object in it. */
    @Test
    void xsw8OriginalAssertionInADsObjectOfTheMovedSignature() {
        Element response = sp.validResponse().element();
        Element original = child(response, ASSERTION, "Assertion");
        Element evil = evilCopyOf(original);
        Element signature = child(original, DSIG, "Signature");
        original.removeChild(signature);
        evil.insertBefore(signature, child(evil, ASSERTION, "Subject"));
        response.replaceChild(evil, original);
        Element object = response.getOwnerDocument().createElementNS(DSIG, "ds:Object");
        object.appendChild(original);
        signature.appendChild(object);

        sp.assertRefused(SamlRefusals.SIGNATURE_PROFILE, TestIdentityProvider.base64(response));
    }

    /** The evil assertion takes the signed one's ID and a copy of its signature; the signed one hides in Extensions. */
    @Test
    void anEvilAssertionWithTheSignedOnesIdIsRefused() {
        Element response = sp.validResponse().element();
        Element original = child(response, ASSERTION, "Assertion");
        Element evil = evilCopyOf(original);
        evil.setAttributeNS(null, "ID", original.getAttribute("ID"));
        evil.insertBefore(child(original, DSIG, "Signature").cloneNode(true), child(evil, ASSERTION, "Subject"));
        response.replaceChild(evil, original);
        extensionsOf(response).appendChild(original);

        sp.assertRefused(SamlRefusals.SIGNATURE_INVALID, TestIdentityProvider.base64(response));
    }

    /** A comment splitting the NameID leaves the signature valid (c14n drops comments): the whole value must be read. */
    @Test
    void aCommentInsideTheNameIdNeverTruncatesIt() {
        Element response = sp.validResponse().with(r -> r.nameId = "admin.evil").element();
        Element nameId = child(child(child(response, ASSERTION, "Assertion"), ASSERTION, "Subject"), ASSERTION,
                "NameID");
        while (nameId.getFirstChild() != null) {
            nameId.removeChild(nameId.getFirstChild());
        }
        nameId.appendChild(response.getOwnerDocument().createTextNode("admin"));
        nameId.appendChild(response.getOwnerDocument().createComment(""));
        nameId.appendChild(response.getOwnerDocument().createTextNode(".evil"));
        String xml = OpenSaml.serialise(response);
        assertTrue(xml.contains("admin<!---->.evil"), xml);

        assertEquals("admin.evil", sp.accept(TestIdentityProvider.base64(xml)).nameId());
    }

    private static Element evilCopyOf(Element signedAssertion) {
        Element evil = (Element) signedAssertion.cloneNode(true);
        evil.setAttributeNS(null, "ID", "_evil-assertion");
        Element signature = child(evil, DSIG, "Signature");
        if (signature != null) {
            evil.removeChild(signature);
        }
        setNameId(evil, "admin");
        return evil;
    }

    private static void setNameId(Element assertion, String value) {
        child(child(assertion, ASSERTION, "Subject"), ASSERTION, "NameID").setTextContent(value);
    }

    private static Element extensionsOf(Element response) {
        Element extensions = response.getOwnerDocument().createElementNS(PROTOCOL, "samlp:Extensions");
        response.insertBefore(extensions, child(response, PROTOCOL, "Status"));
        return extensions;
    }

    private static Element child(Element parent, String namespace, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }
}
