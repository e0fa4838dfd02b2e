package uk.gov.inspectorates.portal.core.access;

/** Who may do what with a JTAI findings letter before it is issued under embargo: drafts, sign-offs and the factual accuracy check (issue 17). A placeholder that denies everything until its rules are written. */
final class FindingsLetterRules {

    private FindingsLetterRules() {
    }

    static Decision decide(Subject subject, Action action, Resource resource) {
        return Decision.deny(AccessPolicy.NOT_PERMITTED);
    }
}
