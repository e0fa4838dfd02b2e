package uk.gov.inspectorates.portal.security.saml;

import uk.gov.inspectorates.portal.core.account.sso.SsoRefused;

/**
 * The stable reason codes of {@link uk.gov.inspectorates.portal.core.account.sso.SsoRefused} from SAML sign-in, as
 * kept in the audit trail (docs/adr/0010 lists what each means).
 */
public final class SamlRefusals {

    public static final String IDP_NOT_CONFIGURED = "idp-not-configured";
    public static final String MALFORMED_MESSAGE = "malformed-message";
    public static final String NOT_A_RESPONSE = "not-a-response";
    public static final String STATUS_NOT_SUCCESS = "status-not-success";
    public static final String DESTINATION_MISMATCH = "destination-mismatch";
    public static final String ISSUER_MISMATCH = "issuer-mismatch";
    public static final String ISSUE_INSTANT_OUT_OF_RANGE = "issue-instant-out-of-range";
    public static final String ENCRYPTED_ASSERTION = "encrypted-assertion";
    public static final String ASSERTION_COUNT = "assertion-count";
    public static final String SIGNATURE_MISSING = "signature-missing";
    public static final String SIGNATURE_ALGORITHM = "signature-algorithm";
    public static final String SIGNATURE_PROFILE = "signature-profile";
    public static final String SIGNATURE_INVALID = "signature-invalid";
    public static final String ASSERTION_ISSUER_MISMATCH = "assertion-issuer-mismatch";
    public static final String SUBJECT_MISSING = "subject-missing";
    public static final String BEARER_CONFIRMATION_MISSING = "bearer-confirmation-missing";
    public static final String RECIPIENT_MISMATCH = "recipient-mismatch";
    public static final String SUBJECT_CONFIRMATION_EXPIRED = "subject-confirmation-expired";
    public static final String IN_RESPONSE_TO_MISMATCH = "in-response-to-mismatch";
    public static final String CONDITIONS_MISSING = "conditions-missing";
    public static final String NOT_YET_VALID = "not-yet-valid";
    public static final String EXPIRED = "expired";
    public static final String AUDIENCE_MISMATCH = "audience-mismatch";
    public static final String AUTHN_STATEMENT_MISSING = "authn-statement-missing";
    public static final String AUTHENTICATION_TOO_OLD = "authentication-too-old";
    public static final String UNSOLICITED = "unsolicited";
    public static final String REPLAYED = "replayed";
    public static final String BROWSER_MISMATCH = SsoRefused.BROWSER_MISMATCH;

    private SamlRefusals() {
    }
}
