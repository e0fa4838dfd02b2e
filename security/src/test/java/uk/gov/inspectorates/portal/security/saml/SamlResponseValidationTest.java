package uk.gov.inspectorates.portal.security.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.inspectorates.portal.security.saml.SamlFixture.ATTACKER_KEYS;
import static uk.gov.inspectorates.portal.security.saml.SamlFixture.CQC_IDP;
import static uk.gov.inspectorates.portal.security.saml.SamlFixture.OFSTED_IDP;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import uk.gov.inspectorates.portal.core.account.sso.SsoIdentity;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/** Each check of a posted SAML response, with a correctly signed response changed in the one way the check refuses. */
class SamlResponseValidationTest {

    private final SamlFixture sp = new SamlFixture();

    @Test
    void aValidResponseSignsThePersonIn() {
        TestIdentityProvider.ResponseSpec response = sp.validResponse();

        SsoIdentity identity = sp.accept(response.base64());

        assertEquals(Inspectorate.OFSTED, identity.inspectorate());
        assertEquals("jane.inspector@ofsted.test", identity.nameId());
        assertEquals(response.sessionIndex, identity.sessionIndex());
        assertEquals(SamlFixture.T0.minusSeconds(10), identity.authenticatedAt());
        assertEquals(List.of("ofsted"), identity.attribute("organisation"));
        assertEquals(List.of("north", "social-care"), identity.attribute("teams"));
    }

    @Test
    void aSignedResponseWithAnUnsignedAssertionIsAccepted() {
        SsoIdentity identity = sp.accept(sp.validResponse().with(r -> {
            r.signResponse = true;
            r.signAssertion = false;
        }).base64());

        assertEquals("jane.inspector@ofsted.test", identity.nameId());
    }

    @Test
    void bothSignedIsAcceptedAndBothSignaturesAreChecked() {
        assertEquals("jane.inspector@ofsted.test",
                sp.accept(sp.validResponse().with(r -> r.signResponse = true).base64()).nameId());
    }

    @Test
    void anUnsignedResponseIsRefused() {
        sp.assertRefused(SamlRefusals.SIGNATURE_MISSING, sp.validResponse().with(r -> r.signAssertion = false).base64());
    }

    @Test
    void aResponseSignedByAnotherKeyIsRefusedEvenWithThatKeysCertificateInTheMessage() {
        sp.assertRefused(SamlRefusals.SIGNATURE_INVALID,
                sp.validResponse().with(r -> r.signingKeys = ATTACKER_KEYS).base64());
    }

    @Test
    void aResponseSignedWithAnotherKeyOverASignedAssertionIsRefused() {
        sp.assertRefused(SamlRefusals.SIGNATURE_INVALID, sp.validResponse().with(r -> {
            r.signResponse = true;
            r.signingKeys = ATTACKER_KEYS;
        }).base64());
    }

    @Test
    void rsaSha1IsRefused() {
        sp.assertRefused(SamlRefusals.SIGNATURE_ALGORITHM, sp.validResponse().with(r -> {
            r.signatureAlgorithm = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1;
            r.digestAlgorithm = SignatureConstants.ALGO_ID_DIGEST_SHA1;
        }).base64());
    }

    @Test
    void aSha1DigestUnderRsaSha256IsRefused() {
        sp.assertRefused(SamlRefusals.SIGNATURE_ALGORITHM,
                sp.validResponse().with(r -> r.digestAlgorithm = SignatureConstants.ALGO_ID_DIGEST_SHA1).base64());
    }

    @Test
    void rsaSha512IsAccepted() {
        assertEquals("jane.inspector@ofsted.test", sp.accept(sp.validResponse().with(r -> {
            r.signatureAlgorithm = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512;
            r.digestAlgorithm = SignatureConstants.ALGO_ID_DIGEST_SHA512;
        }).base64()).nameId());
    }

    @Test
    void aResponseThatIsNotSuccessIsRefused() {
        sp.assertRefused(SamlRefusals.STATUS_NOT_SUCCESS,
                sp.validResponse().with(r -> r.statusCode = StatusCode.RESPONDER).base64());
    }

    @Test
    void aResponseForAnotherDestinationIsRefused() {
        sp.assertRefused(SamlRefusals.DESTINATION_MISMATCH,
                sp.validResponse().with(r -> r.destination = "https://other-sp.test/saml/acs").base64());
        sp.assertRefused(SamlRefusals.DESTINATION_MISMATCH,
                sp.validResponse().with(r -> r.destination = null).base64());
    }

    @Test
    void aResponseFromAnUnknownIssuerIsRefused() {
        sp.assertRefused(SamlRefusals.ISSUER_MISMATCH,
                sp.validResponse().with(r -> r.responseIssuer = "https://idp.evil.test").base64());
        sp.assertRefused(SamlRefusals.ISSUER_MISMATCH,
                sp.validResponse().with(r -> r.responseIssuer = null).base64());
    }

    @Test
    void anAssertionFromAnotherIssuerIsRefused() {
        sp.assertRefused(SamlRefusals.ASSERTION_ISSUER_MISMATCH,
                sp.validResponse().with(r -> r.assertionIssuer = CQC_IDP.entityId()).base64());
    }

    @Test
    void aResponseNamingOneIdentityProviderButSignedByAnotherIsRefused() {
        sp.assertRefused(SamlRefusals.SIGNATURE_INVALID,
                sp.validResponse().with(r -> r.signingKeys = CQC_IDP.keys()).base64());
    }

    @Test
    void aResponseForAnotherAudienceIsRefused() {
        sp.assertRefused(SamlRefusals.AUDIENCE_MISMATCH,
                sp.validResponse().with(r -> r.audience = "https://other-sp.test").base64());
        sp.assertRefused(SamlRefusals.AUDIENCE_MISMATCH, sp.validResponse().with(r -> r.audience = null).base64());
    }

    @Test
    void aBearerConfirmationForAnotherRecipientIsRefused() {
        sp.assertRefused(SamlRefusals.RECIPIENT_MISMATCH,
                sp.validResponse().with(r -> r.recipient = "https://other-sp.test/saml/acs").base64());
    }

    @Test
    void anExpiredAssertionIsRefusedBeyondTheSkewAndAcceptedWithinIt() {
        sp.assertRefused(SamlRefusals.EXPIRED,
                sp.validResponse().with(r -> r.notOnOrAfter = SamlFixture.T0.minusSeconds(61)).base64());
        sp.accept(sp.validResponse().with(r -> r.notOnOrAfter = SamlFixture.T0.minusSeconds(59)).base64());
    }

    @Test
    void anAssertionPresentedAfterItsWindowIsRefused() {
        String response = sp.validResponse().base64();
        sp.clock.advance(Duration.ofMinutes(6).plusSeconds(1));

        sp.assertRefused(SamlRefusals.SUBJECT_CONFIRMATION_EXPIRED, response);
    }

    @Test
    void anExpiredBearerConfirmationIsRefused() {
        sp.assertRefused(SamlRefusals.SUBJECT_CONFIRMATION_EXPIRED,
                sp.validResponse().with(r -> r.confirmationNotOnOrAfter = SamlFixture.T0.minusSeconds(61)).base64());
    }

    @Test
    void aNotYetValidAssertionIsRefusedBeyondTheSkewAndAcceptedWithinIt() {
        sp.assertRefused(SamlRefusals.NOT_YET_VALID,
                sp.validResponse().with(r -> r.notBefore = SamlFixture.T0.plusSeconds(61)).base64());
        sp.accept(sp.validResponse().with(r -> r.notBefore = SamlFixture.T0.plusSeconds(59)).base64());
    }

    @Test
    void aResponseIssuedInTheFutureOrLongAgoIsRefused() {
        sp.assertRefused(SamlRefusals.ISSUE_INSTANT_OUT_OF_RANGE,
                sp.validResponse().with(r -> r.issueInstant = SamlFixture.T0.plusSeconds(120)).base64());
        sp.assertRefused(SamlRefusals.ISSUE_INSTANT_OUT_OF_RANGE,
                sp.validResponse().with(r -> r.issueInstant = SamlFixture.T0.minus(Duration.ofMinutes(12))).base64());
    }

    @Test
    void anAuthenticationOlderThanTheMaximumAgeIsRefused() {
        sp.assertRefused(SamlRefusals.AUTHENTICATION_TOO_OLD,
                sp.validResponse().with(r -> r.authnInstant = SamlFixture.T0.minus(Duration.ofHours(9))).base64());
        sp.accept(sp.validResponse().with(r -> r.authnInstant = SamlFixture.T0.minus(Duration.ofHours(7))).base64());
    }

    @Test
    void anAssertionWithoutAnAuthenticationStatementIsRefused() {
        sp.assertRefused(SamlRefusals.AUTHN_STATEMENT_MISSING,
                sp.validResponse().with(r -> r.authnInstant = null).base64());
    }

    @Test
    void aReplayedResponseIsRefused() {
        String response = sp.validResponse().base64();
        sp.accept(response);

        sp.assertRefused(SamlRefusals.REPLAYED, response);
    }

    @Test
    void anAssertionIdUsedBeforeIsRefusedEvenAnsweringAnotherRequest() {
        TestIdentityProvider.ResponseSpec first = sp.validResponse();
        sp.accept(first.base64());

        sp.assertRefused(SamlRefusals.REPLAYED, sp.validResponse().with(r -> r.assertionId = first.assertionId).base64());
    }

    @Test
    void aGenuineResponsePostedFromABrowserThatStartedNoSignInIsRefusedAndLeftToItsOwnBrowser() {
        String genuine = sp.validResponse().base64();
        String owner = sp.browser;

        sp.assertRefusedFrom(null, SamlRefusals.BROWSER_MISMATCH, genuine);
        sp.assertRefusedFrom("", SamlRefusals.BROWSER_MISMATCH, genuine);

        assertEquals("jane.inspector@ofsted.test", sp.acceptFrom(owner, genuine).nameId(),
                "neither the request nor the assertion was used up by the other browser's attempts");
    }

    @Test
    void aGenuineResponsePostedFromABrowserThatStartedItsOwnSignInIsRefused() {
        String victims = sp.validResponse().base64();
        String victim = sp.browser;
        TestIdentityProvider.ResponseSpec attackers = sp.validResponse();
        String attacker = sp.browser;

        sp.assertRefusedFrom(attacker, SamlRefusals.BROWSER_MISMATCH, victims);

        assertEquals("jane.inspector@ofsted.test", sp.acceptFrom(attacker, attackers.base64()).nameId(),
                "the other browser's own sign-in still works");
        sp.acceptFrom(victim, victims);
    }

    @Test
    void aBrowserBindingIsNewForEverySignInAndNeverTheRequestId() {
        var first = sp.serviceProvider.startSignIn(Inspectorate.OFSTED, null);
        var second = sp.serviceProvider.startSignIn(Inspectorate.OFSTED, null);

        org.junit.jupiter.api.Assertions.assertNotEquals(first.browserBinding(), second.browserBinding());
        org.junit.jupiter.api.Assertions.assertFalse(first.browserBinding().contains(first.requestId()));
        org.junit.jupiter.api.Assertions.assertTrue(first.browserBinding().length() >= 43, "256 bits");
        org.junit.jupiter.api.Assertions.assertFalse(sp.stores.requests.toString().contains(first.browserBinding()),
                "the request log keeps only a hash of it");
    }

    @Test
    void anUnsolicitedResponseIsRefused() {
        sp.assertRefused(SamlRefusals.UNSOLICITED, sp.validResponse().with(r -> {
            r.inResponseTo = null;
            r.confirmationInResponseTo = null;
        }).base64());
    }

    @Test
    void aResponseToARequestWeNeverSentIsRefused() {
        sp.assertRefused(SamlRefusals.UNSOLICITED, sp.validResponse().with(r -> {
            r.inResponseTo = "_never-sent";
            r.confirmationInResponseTo = "_never-sent";
        }).base64());
    }

    @Test
    void aResponseToARequestSentToAnotherInspectoratesIdentityProviderIsRefused() {
        String cqcRequest = sp.serviceProvider.startSignIn(Inspectorate.CQC, null).requestId();

        sp.assertRefused(SamlRefusals.UNSOLICITED, sp.validResponse().with(r -> {
            r.inResponseTo = cqcRequest;
            r.confirmationInResponseTo = cqcRequest;
        }).base64());
        org.junit.jupiter.api.Assertions.assertTrue(sp.stores.isOpen(cqcRequest, Inspectorate.CQC),
                "CQC's request is still open for CQC's identity provider");
    }

    @Test
    void aResponseToARequestAfterItsLifetimeIsRefused() {
        TestIdentityProvider.ResponseSpec late = sp.validResponse();
        sp.clock.advance(Duration.ofMinutes(10));

        sp.assertRefused(SamlRefusals.UNSOLICITED, late.with(r -> {
            r.issueInstant = sp.clock.instant();
            r.notOnOrAfter = sp.clock.instant().plusSeconds(300);
            r.confirmationNotOnOrAfter = sp.clock.instant().plusSeconds(300);
            r.authnInstant = sp.clock.instant();
        }).base64());
    }

    @Test
    void aBearerConfirmationAnsweringAnotherRequestIsRefused() {
        sp.assertRefused(SamlRefusals.IN_RESPONSE_TO_MISMATCH,
                sp.validResponse().with(r -> r.confirmationInResponseTo = "_another").base64());
    }

    @Test
    void aResponseFromCqcsIdentityProviderSignsInForCqc() {
        SsoIdentity identity = sp.accept(sp.responseFrom(CQC_IDP, Inspectorate.CQC).base64());

        assertEquals(Inspectorate.CQC, identity.inspectorate());
    }

    @Test
    void twoAssertionsAreRefused() {
        sp.assertRefused(SamlRefusals.ASSERTION_COUNT, sp.validResponse().with(r -> r.assertions = 2).base64());
    }

    @Test
    void noAssertionIsRefused() {
        sp.assertRefused(SamlRefusals.ASSERTION_COUNT, sp.validResponse().with(r -> {
            r.assertions = 0;
            r.signResponse = true;
        }).base64());
    }

    @Test
    void anEncryptedAssertionIsRefused() {
        sp.assertRefused(SamlRefusals.ENCRYPTED_ASSERTION, sp.validResponse().with(r -> {
            r.assertions = 0;
            r.encryptedAssertion = true;
            r.signResponse = true;
        }).base64());
        sp.assertRefused(SamlRefusals.ENCRYPTED_ASSERTION, sp.validResponse().with(r -> {
            r.encryptedAssertion = true;
            r.signResponse = true;
        }).base64());
    }

    @Test
    void notBase64OrNotAResponseIsRefused() {
        sp.assertRefused(SamlRefusals.MALFORMED_MESSAGE, "%%% not base64 %%%");
        sp.assertRefused(SamlRefusals.MALFORMED_MESSAGE, TestIdentityProvider.base64("<Response"));
        sp.assertRefused(SamlRefusals.NOT_A_RESPONSE, TestIdentityProvider.base64(
                "<saml:Issuer xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">x</saml:Issuer>"));
    }
}
