package uk.gov.inspectorates.portal.core.access;

/** Who may do what with retention policies, legal holds, the dry run and removal runs: administrators (issue 17). A placeholder that denies everything until its rules are written. */
final class RetentionRules {

    private RetentionRules() {
    }

    static Decision decide(Subject subject, Action action, Resource resource) {
        return Decision.deny(AccessPolicy.NOT_PERMITTED);
    }
}
