package uk.gov.inspectorates.portal.security.saml;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.common.SAMLObjectContentReference;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AttributeValue;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.encryption.CipherData;
import org.opensaml.xmlsec.encryption.CipherValue;
import org.opensaml.xmlsec.encryption.EncryptedData;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.Signer;
import org.w3c.dom.Element;

/**
 * An identity provider inside the tests: its own generated key, metadata written to a file, and real SAML responses
 * built with OpenSAML's builders and signed with OpenSAML's Signer, so the attacks start from a correctly signed
 * message.
 */
final class TestIdentityProvider {

    private final String entityId;
    private final TestKeys keys;
    private final Path metadataFile;

    TestIdentityProvider(String entityId, Path directory) throws Exception {
        this.entityId = entityId;
        this.keys = TestKeys.generate(entityId.replaceAll("[^A-Za-z0-9.]", "-"));
        this.metadataFile = directory.resolve(UUID.randomUUID() + "-idp-metadata.xml");
        writeMetadata(keys);
    }

    String entityId() {
        return entityId;
    }

    TestKeys keys() {
        return keys;
    }

    Path metadataFile() {
        return metadataFile;
    }

    String singleSignOnService() {
        return entityId + "/protocol/saml";
    }

    /** Rewrites the metadata file naming another signing key (a key rollover). */
    void writeMetadata(TestKeys signingKeys) throws Exception {
        EntityDescriptor entity = OpenSaml.build(EntityDescriptor.DEFAULT_ELEMENT_NAME);
        entity.setEntityID(entityId);
        IDPSSODescriptor idp = OpenSaml.build(IDPSSODescriptor.DEFAULT_ELEMENT_NAME);
        idp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        idp.setWantAuthnRequestsSigned(true);
        KeyDescriptor key = OpenSaml.build(KeyDescriptor.DEFAULT_ELEMENT_NAME);
        key.setUse(UsageType.SIGNING);
        key.setKeyInfo(keyInfo(signingKeys));
        idp.getKeyDescriptors().add(key);
        for (String binding : List.of(SAMLConstants.SAML2_POST_BINDING_URI, SAMLConstants.SAML2_REDIRECT_BINDING_URI)) {
            SingleSignOnService sso = OpenSaml.build(SingleSignOnService.DEFAULT_ELEMENT_NAME);
            sso.setBinding(binding);
            sso.setLocation(singleSignOnService());
            idp.getSingleSignOnServices().add(sso);
        }
        entity.getRoleDescriptors().add(idp);
        Files.writeString(metadataFile, OpenSaml.serialise(OpenSaml.marshall(entity)));
    }

    ResponseSpec respond(String inResponseTo, String acs, String audience, Instant now) {
        return new ResponseSpec(inResponseTo, acs, audience, now);
    }

    static KeyInfo keyInfo(TestKeys keys) throws CertificateEncodingException {
        KeyInfo keyInfo = OpenSaml.build(KeyInfo.DEFAULT_ELEMENT_NAME);
        KeyInfoSupport.addCertificate(keyInfo, keys.certificate());
        return keyInfo;
    }

    static String base64(Element element) {
        return base64(OpenSaml.serialise(element));
    }

    static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** What the response will say; every field starts valid and a test changes the one it attacks. */
    final class ResponseSpec {
        String destination;
        String responseIssuer = entityId;
        String assertionIssuer = entityId;
        String inResponseTo;
        String confirmationInResponseTo;
        String recipient;
        String audience;
        String statusCode = StatusCode.SUCCESS;
        String nameId = "jane.inspector@ofsted.test";
        String assertionId = "_a" + UUID.randomUUID().toString().replace("-", "");
        Instant issueInstant;
        Instant notBefore;
        Instant notOnOrAfter;
        Instant confirmationNotOnOrAfter;
        Instant authnInstant;
        String sessionIndex = "session-" + UUID.randomUUID();
        Map<String, List<String>> attributes = new LinkedHashMap<>(Map.of(
                "organisation", List.of("ofsted"), "teams", List.of("north", "social-care")));
        boolean signResponse;
        boolean signAssertion = true;
        TestKeys signingKeys = keys;
        String signatureAlgorithm = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;
        String digestAlgorithm = SignatureConstants.ALGO_ID_DIGEST_SHA256;
        int assertions = 1;
        boolean encryptedAssertion;

        private ResponseSpec(String inResponseTo, String acs, String audience, Instant now) {
            this.inResponseTo = inResponseTo;
            this.confirmationInResponseTo = inResponseTo;
            this.destination = acs;
            this.recipient = acs;
            this.audience = audience;
            this.issueInstant = now;
            this.notBefore = now.minusSeconds(5);
            this.notOnOrAfter = now.plus(Duration.ofMinutes(5));
            this.confirmationNotOnOrAfter = now.plus(Duration.ofMinutes(5));
            this.authnInstant = now.minusSeconds(10);
        }

        ResponseSpec with(java.util.function.Consumer<ResponseSpec> change) {
            change.accept(this);
            return this;
        }

        /** The signed response's DOM element (its owner document is the whole message, for attacks to rework). */
        Element element() {
            Response response = OpenSaml.build(Response.DEFAULT_ELEMENT_NAME);
            response.setID("_r" + UUID.randomUUID().toString().replace("-", ""));
            response.setIssueInstant(issueInstant);
            response.setDestination(destination);
            response.setInResponseTo(inResponseTo);
            if (responseIssuer != null) {
                response.setIssuer(issuer(responseIssuer));
            }
            Status status = OpenSaml.build(Status.DEFAULT_ELEMENT_NAME);
            StatusCode code = OpenSaml.build(StatusCode.DEFAULT_ELEMENT_NAME);
            code.setValue(statusCode);
            status.setStatusCode(code);
            response.setStatus(status);

            List<Signature> signatures = new ArrayList<>();
            for (int i = 0; i < assertions; i++) {
                Assertion assertion = assertion(i == 0 ? assertionId : assertionId + "-" + i);
                if (signAssertion) {
                    signatures.add(prepareSignature(assertion));
                }
                response.getAssertions().add(assertion);
            }
            if (encryptedAssertion) {
                response.getEncryptedAssertions().add(encryptedAssertion());
            }
            if (signResponse) {
                signatures.add(prepareSignature(response));
            }
            Element element = OpenSaml.marshall(response);
            try {
                Signer.signObjects(signatures);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return element;
        }

        String base64() {
            return TestIdentityProvider.base64(element());
        }

        String xml() {
            return OpenSaml.serialise(element());
        }

        private Assertion assertion(String id) {
            Assertion assertion = OpenSaml.build(Assertion.DEFAULT_ELEMENT_NAME);
            assertion.setID(id);
            assertion.setIssueInstant(issueInstant);
            assertion.setIssuer(issuer(assertionIssuer));

            Subject subject = OpenSaml.build(Subject.DEFAULT_ELEMENT_NAME);
            NameID name = OpenSaml.build(NameID.DEFAULT_ELEMENT_NAME);
            name.setFormat(NameIDType.PERSISTENT);
            name.setValue(nameId);
            subject.setNameID(name);
            SubjectConfirmation confirmation = OpenSaml.build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
            confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
            SubjectConfirmationData data = OpenSaml.build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
            data.setRecipient(recipient);
            data.setNotOnOrAfter(confirmationNotOnOrAfter);
            data.setInResponseTo(confirmationInResponseTo);
            confirmation.setSubjectConfirmationData(data);
            subject.getSubjectConfirmations().add(confirmation);
            assertion.setSubject(subject);

            Conditions conditions = OpenSaml.build(Conditions.DEFAULT_ELEMENT_NAME);
            conditions.setNotBefore(notBefore);
            conditions.setNotOnOrAfter(notOnOrAfter);
            if (audience != null) {
                AudienceRestriction restriction = OpenSaml.build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
                Audience aud = OpenSaml.build(Audience.DEFAULT_ELEMENT_NAME);
                aud.setURI(audience);
                restriction.getAudiences().add(aud);
                conditions.getAudienceRestrictions().add(restriction);
            }
            assertion.setConditions(conditions);

            if (authnInstant != null) {
                AuthnStatement authn = OpenSaml.build(AuthnStatement.DEFAULT_ELEMENT_NAME);
                authn.setAuthnInstant(authnInstant);
                authn.setSessionIndex(sessionIndex);
                AuthnContext context = OpenSaml.build(AuthnContext.DEFAULT_ELEMENT_NAME);
                AuthnContextClassRef classRef = OpenSaml.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
                classRef.setURI(AuthnContext.PPT_AUTHN_CTX);
                context.setAuthnContextClassRef(classRef);
                authn.setAuthnContext(context);
                assertion.getAuthnStatements().add(authn);
            }

            AttributeStatement statement = OpenSaml.build(AttributeStatement.DEFAULT_ELEMENT_NAME);
            attributes.forEach((attributeName, values) -> {
                Attribute attribute = OpenSaml.build(Attribute.DEFAULT_ELEMENT_NAME);
                attribute.setName(attributeName);
                for (String value : values) {
                    XSString text = (XSString) XMLObjectProviderRegistrySupport.getBuilderFactory()
                            .getBuilderOrThrow(XSString.TYPE_NAME)
                            .buildObject(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
                    text.setValue(value);
                    attribute.getAttributeValues().add(text);
                }
                statement.getAttributes().add(attribute);
            });
            assertion.getAttributeStatements().add(statement);
            return assertion;
        }

        private Signature prepareSignature(SignableSAMLObject object) {
            Signature signature = OpenSaml.build(Signature.DEFAULT_ELEMENT_NAME);
            signature.setSigningCredential(signingKeys.credential());
            signature.setSignatureAlgorithm(signatureAlgorithm);
            signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            try {
                signature.setKeyInfo(keyInfo(signingKeys));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
            object.setSignature(signature);
            ((SAMLObjectContentReference) signature.getContentReferences().get(0)).setDigestAlgorithm(digestAlgorithm);
            return signature;
        }

        private Issuer issuer(String value) {
            Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
            issuer.setValue(value);
            return issuer;
        }

        private EncryptedAssertion encryptedAssertion() {
            EncryptedAssertion encrypted = OpenSaml.build(EncryptedAssertion.DEFAULT_ELEMENT_NAME);
            EncryptedData data = OpenSaml.build(EncryptedData.DEFAULT_ELEMENT_NAME);
            CipherData cipherData = OpenSaml.build(CipherData.DEFAULT_ELEMENT_NAME);
            CipherValue cipherValue = OpenSaml.build(CipherValue.DEFAULT_ELEMENT_NAME);
            cipherValue.setValue(Base64.getEncoder().encodeToString(new byte[64]));
            cipherData.setCipherValue(cipherValue);
            data.setCipherData(cipherData);
            encrypted.setEncryptedData(data);
            return encrypted;
        }
    }
}
