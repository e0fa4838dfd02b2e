package uk.gov.inspectorates.portal.core.access;

/** Who may do what with removal certificates: the SIROs of the participating inspectorates (issue 17). A placeholder that denies everything until its rules are written. */
final class RemovalCertificateRules {

    private RemovalCertificateRules() {
    }

    static Decision decide(Subject subject, Action action, Resource resource) {
        return Decision.deny(AccessPolicy.NOT_PERMITTED);
    }
}
