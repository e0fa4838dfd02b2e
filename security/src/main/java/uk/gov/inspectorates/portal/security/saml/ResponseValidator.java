package uk.gov.inspectorates.portal.security.saml;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.core.xml.schema.XSBase64Binary;
import org.opensaml.core.xml.schema.XSBoolean;
import org.opensaml.core.xml.schema.XSDateTime;
import org.opensaml.core.xml.schema.XSInteger;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.core.xml.schema.XSURI;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import uk.gov.inspectorates.portal.core.account.sso.AssertionReplayCache;
import uk.gov.inspectorates.portal.core.account.sso.SamlRequestLog;
import uk.gov.inspectorates.portal.core.account.sso.SsoIdentity;
import uk.gov.inspectorates.portal.core.account.sso.SsoRefused;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * Every check of a posted SAML Response, each refusal with its reason code. Only the objects that were parsed once
 * and whose signatures were checked are read afterwards: nothing is looked up again by ID.
 */
final class ResponseValidator {

    static final int MAX_RESPONSE_BYTES = 512 * 1024;

    private final SamlSettings settings;
    private final Map<Inspectorate, MetadataSource> identityProviders;
    private final SamlRequestLog requests;
    private final AssertionReplayCache replays;
    private final Clock clock;
    private final SignatureChecks signatures = new SignatureChecks();

    ResponseValidator(SamlSettings settings, Map<Inspectorate, MetadataSource> identityProviders,
                      SamlRequestLog requests, AssertionReplayCache replays, Clock clock) {
        this.settings = settings;
        this.identityProviders = identityProviders;
        this.requests = requests;
        this.replays = replays;
        this.clock = clock;
    }

    /** {@code browserBinding}: what the posting browser kept from the sign-in it started (null if nothing). */
    SsoIdentity validate(String samlResponseBase64, String browserBinding) {
        Instant now = clock.instant();
        Duration skew = settings.clockSkew();
        Response response = parse(samlResponseBase64);
        String acs = settings.assertionConsumerServiceUrl().toString();

        if (response.getStatus() == null || response.getStatus().getStatusCode() == null
                || !StatusCode.SUCCESS.equals(response.getStatus().getStatusCode().getValue())) {
            throw new SsoRefused(SamlRefusals.STATUS_NOT_SUCCESS, statusOf(response));
        }
        if (!acs.equals(response.getDestination())) {
            throw new SsoRefused(SamlRefusals.DESTINATION_MISMATCH, response.getDestination());
        }
        Map.Entry<Inspectorate, IdpMetadata> idp = identityProviderFor(response.getIssuer());
        IdpMetadata metadata = idp.getValue();

        if (!response.getEncryptedAssertions().isEmpty()) {
            throw new SsoRefused(SamlRefusals.ENCRYPTED_ASSERTION, "encrypted assertions are not accepted");
        }
        if (response.getAssertions().size() != 1) {
            throw new SsoRefused(SamlRefusals.ASSERTION_COUNT, response.getAssertions().size() + " assertions");
        }
        Assertion assertion = response.getAssertions().get(0);
        if (response.getSignature() == null && assertion.getSignature() == null) {
            throw new SsoRefused(SamlRefusals.SIGNATURE_MISSING, "neither the response nor the assertion is signed");
        }
        if (response.getSignature() != null) {
            signatures.check(response.getSignature(), metadata.signingCredentials(), "response");
        }
        if (assertion.getSignature() != null) {
            signatures.check(assertion.getSignature(), metadata.signingCredentials(), "assertion");
        }

        checkIssueInstant(response.getIssueInstant(), now, skew, "response");
        checkIssueInstant(assertion.getIssueInstant(), now, skew, "assertion");
        if (assertion.getIssuer() == null || !metadata.entityId().equals(assertion.getIssuer().getValue())) {
            throw new SsoRefused(SamlRefusals.ASSERTION_ISSUER_MISMATCH,
                    assertion.getIssuer() == null ? "no issuer" : assertion.getIssuer().getValue());
        }
        String requestId = response.getInResponseTo();
        if (requestId == null || requestId.isBlank()) {
            throw new SsoRefused(SamlRefusals.UNSOLICITED, "the response answers no request");
        }
        NameID nameId = nameIdOf(assertion);
        Instant confirmationExpiry = checkBearerConfirmation(assertion, acs, requestId, now, skew);
        Instant conditionsExpiry = checkConditions(assertion.getConditions(), now, skew);
        AuthnStatement authentication = checkAuthentication(assertion, now, skew);

        // before anything of the response is used up: another browser's attempt leaves the request and the assertion
        // to the browser that started the sign-in
        requests.browserOf(requestId, idp.getKey(), now).ifPresent(boundTo -> {
            if (!BrowserBinding.matches(boundTo, browserBinding)) {
                throw new SsoRefused(SamlRefusals.BROWSER_MISMATCH, browserBinding == null || browserBinding.isBlank()
                        ? "no sign-in cookie: this browser started no sign-in" : "another sign-in's cookie");
            }
        });
        Instant keepUntil = (conditionsExpiry.isAfter(confirmationExpiry) ? conditionsExpiry : confirmationExpiry)
                .plus(skew);
        if (assertion.getID() == null || !replays.firstUse(assertion.getID(), keepUntil, now)) {
            throw new SsoRefused(SamlRefusals.REPLAYED, "assertion " + assertion.getID() + " was used before");
        }
        if (!requests.consume(requestId, idp.getKey(), BrowserBinding.hash(browserBinding), now)) {
            throw new SsoRefused(SamlRefusals.UNSOLICITED, "no open request " + requestId + " to " + idp.getKey());
        }
        return new SsoIdentity(idp.getKey(), nameId.getValue(), authentication.getSessionIndex(),
                authentication.getAuthnInstant(), attributesOf(assertion));
    }

    private static Response parse(String samlResponseBase64) {
        if (samlResponseBase64 == null || samlResponseBase64.length() > MAX_RESPONSE_BYTES * 4 / 3 + 4096) {
            throw new SsoRefused(SamlRefusals.MALFORMED_MESSAGE, "missing or too large");
        }
        XMLObject message;
        try {
            message = OpenSaml.read(Base64.getMimeDecoder().decode(samlResponseBase64));
        } catch (Exception e) {
            throw new SsoRefused(SamlRefusals.MALFORMED_MESSAGE, e.getClass().getSimpleName(), e);
        }
        if (!(message instanceof Response response)) {
            throw new SsoRefused(SamlRefusals.NOT_A_RESPONSE, message.getElementQName().toString());
        }
        return response;
    }

    private Map.Entry<Inspectorate, IdpMetadata> identityProviderFor(Issuer issuer) {
        if (issuer == null || issuer.getValue() == null) {
            throw new SsoRefused(SamlRefusals.ISSUER_MISMATCH, "the response names no issuer");
        }
        if (issuer.getFormat() != null && !Issuer.ENTITY.equals(issuer.getFormat())) {
            throw new SsoRefused(SamlRefusals.ISSUER_MISMATCH, "issuer format " + issuer.getFormat());
        }
        for (Map.Entry<Inspectorate, MetadataSource> idp : identityProviders.entrySet()) {
            IdpMetadata metadata = idp.getValue().current();
            if (metadata.entityId().equals(issuer.getValue())) {
                return Map.entry(idp.getKey(), metadata);
            }
        }
        throw new SsoRefused(SamlRefusals.ISSUER_MISMATCH, "no configured identity provider is " + issuer.getValue());
    }

    private void checkIssueInstant(Instant issued, Instant now, Duration skew, String what) {
        if (issued == null || issued.isAfter(now.plus(skew))
                || issued.isBefore(now.minus(settings.requestLifetime()).minus(skew))) {
            throw new SsoRefused(SamlRefusals.ISSUE_INSTANT_OUT_OF_RANGE, what + " issued " + issued);
        }
    }

    private static NameID nameIdOf(Assertion assertion) {
        if (assertion.getSubject() == null || assertion.getSubject().getNameID() == null) {
            throw new SsoRefused(SamlRefusals.SUBJECT_MISSING, "no NameID in the assertion");
        }
        NameID nameId = assertion.getSubject().getNameID();
        if (nameId.getValue() == null || nameId.getValue().isBlank()) {
            throw new SsoRefused(SamlRefusals.SUBJECT_MISSING, "empty NameID");
        }
        return nameId;
    }

    /** A bearer confirmation for our ACS, still in time, answering our request; returns its NotOnOrAfter. */
    private static Instant checkBearerConfirmation(Assertion assertion, String acs, String requestId, Instant now,
                                                   Duration skew) {
        SsoRefused firstProblem = null;
        for (SubjectConfirmation confirmation : assertion.getSubject().getSubjectConfirmations()) {
            if (!SubjectConfirmation.METHOD_BEARER.equals(confirmation.getMethod())) {
                continue;
            }
            SubjectConfirmationData data = confirmation.getSubjectConfirmationData();
            SsoRefused problem;
            if (data == null || !acs.equals(data.getRecipient())) {
                problem = new SsoRefused(SamlRefusals.RECIPIENT_MISMATCH, data == null ? null : data.getRecipient());
            } else if (data.getNotOnOrAfter() == null || !now.isBefore(data.getNotOnOrAfter().plus(skew))) {
                problem = new SsoRefused(SamlRefusals.SUBJECT_CONFIRMATION_EXPIRED, "NotOnOrAfter "
                        + data.getNotOnOrAfter());
            } else if (data.getNotBefore() != null && now.plus(skew).isBefore(data.getNotBefore())) {
                problem = new SsoRefused(SamlRefusals.NOT_YET_VALID, "confirmation NotBefore " + data.getNotBefore());
            } else if (!requestId.equals(data.getInResponseTo())) {
                problem = new SsoRefused(SamlRefusals.IN_RESPONSE_TO_MISMATCH, data.getInResponseTo());
            } else {
                return data.getNotOnOrAfter();
            }
            firstProblem = firstProblem == null ? problem : firstProblem;
        }
        throw firstProblem != null ? firstProblem
                : new SsoRefused(SamlRefusals.BEARER_CONFIRMATION_MISSING, "no bearer subject confirmation");
    }

    /** The time window (with the skew) and an audience restriction naming us; returns NotOnOrAfter. */
    private Instant checkConditions(Conditions conditions, Instant now, Duration skew) {
        if (conditions == null || conditions.getNotOnOrAfter() == null) {
            throw new SsoRefused(SamlRefusals.CONDITIONS_MISSING, "no Conditions with NotOnOrAfter");
        }
        if (conditions.getNotBefore() != null && now.plus(skew).isBefore(conditions.getNotBefore())) {
            throw new SsoRefused(SamlRefusals.NOT_YET_VALID, "NotBefore " + conditions.getNotBefore());
        }
        if (!now.isBefore(conditions.getNotOnOrAfter().plus(skew))) {
            throw new SsoRefused(SamlRefusals.EXPIRED, "NotOnOrAfter " + conditions.getNotOnOrAfter());
        }
        List<AudienceRestriction> restrictions = conditions.getAudienceRestrictions();
        if (restrictions.isEmpty()) {
            throw new SsoRefused(SamlRefusals.AUDIENCE_MISMATCH, "no audience restriction");
        }
        for (AudienceRestriction restriction : restrictions) {
            boolean namesUs = restriction.getAudiences().stream().map(Audience::getURI)
                    .anyMatch(settings.serviceProviderEntityId()::equals);
            if (!namesUs) {
                throw new SsoRefused(SamlRefusals.AUDIENCE_MISMATCH, "an audience restriction does not name us");
            }
        }
        return conditions.getNotOnOrAfter();
    }

    private AuthnStatement checkAuthentication(Assertion assertion, Instant now, Duration skew) {
        if (assertion.getAuthnStatements().isEmpty() || assertion.getAuthnStatements().get(0).getAuthnInstant() == null) {
            throw new SsoRefused(SamlRefusals.AUTHN_STATEMENT_MISSING, "no AuthnStatement with an AuthnInstant");
        }
        AuthnStatement statement = assertion.getAuthnStatements().get(0);
        Instant authenticated = statement.getAuthnInstant();
        if (authenticated.isBefore(now.minus(settings.maxAuthenticationAge()).minus(skew))
                || authenticated.isAfter(now.plus(skew))) {
            throw new SsoRefused(SamlRefusals.AUTHENTICATION_TOO_OLD, "authenticated at " + authenticated);
        }
        if (statement.getSessionNotOnOrAfter() != null && !now.isBefore(statement.getSessionNotOnOrAfter().plus(skew))) {
            throw new SsoRefused(SamlRefusals.AUTHENTICATION_TOO_OLD, "session ended " + statement.getSessionNotOnOrAfter());
        }
        return statement;
    }

    private static Map<String, List<String>> attributesOf(Assertion assertion) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (AttributeStatement statement : assertion.getAttributeStatements()) {
            for (Attribute attribute : statement.getAttributes()) {
                if (attribute.getName() == null) {
                    continue;
                }
                List<String> values = attributes.computeIfAbsent(attribute.getName(), name -> new ArrayList<>());
                attribute.getAttributeValues().stream().map(ResponseValidator::text).filter(Objects::nonNull)
                        .forEach(values::add);
            }
        }
        attributes.replaceAll((name, values) -> List.copyOf(values));
        return attributes;
    }

    private static String text(XMLObject value) {
        if (value instanceof XSString string) {
            return string.getValue();
        } else if (value instanceof XSURI uri) {
            return uri.getURI();
        } else if (value instanceof XSAny any) {
            return any.getTextContent();
        } else if (value instanceof XSBoolean bool) {
            return bool.getValue() == null ? null : String.valueOf(bool.getValue().getValue());
        } else if (value instanceof XSInteger integer) {
            return integer.getValue() == null ? null : integer.getValue().toString();
        } else if (value instanceof XSDateTime dateTime) {
            return dateTime.getValue() == null ? null : dateTime.getValue().toString();
        } else if (value instanceof XSBase64Binary binary) {
            return binary.getValue();
        }
        return value.getDOM() == null ? null : value.getDOM().getTextContent();
    }

    private static String statusOf(Response response) {
        if (response.getStatus() == null || response.getStatus().getStatusCode() == null) {
            return "no status";
        }
        StatusCode code = response.getStatus().getStatusCode();
        return code.getValue() + (code.getStatusCode() == null ? "" : " / " + code.getStatusCode().getValue());
    }
}
