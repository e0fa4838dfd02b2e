package uk.gov.inspectorates.portal.core.access;

/** Referrals of concern (JTAI Annex C): who may do what. Until its rules are written (issue 16), nobody may do anything. */
final class ReferralRules {

    private ReferralRules() {
    }

    static Decision decide(Subject subject, Action action, Resource resource) {
        return Decision.deny(AccessPolicy.NOT_PERMITTED);
    }
}
