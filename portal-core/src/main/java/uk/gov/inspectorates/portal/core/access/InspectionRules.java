package uk.gov.inspectorates.portal.core.access;

/** Inspections, information requests and evidence documents (JTAI): who may do what. Until its rules are written (issue 16), nobody may do anything. */
final class InspectionRules {

    private InspectionRules() {
    }

    static Decision decide(Subject subject, Action action, Resource resource) {
        return Decision.deny(AccessPolicy.NOT_PERMITTED);
    }
}
