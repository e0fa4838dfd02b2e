package uk.gov.inspectorates.portal.core.accountability;

import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditScope;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * The one check before a person reads the trail: the gate's {@code audit.read.own-organisation-siro} on the trail as
 * their organisation sees it, refused with that rule (403, audited) for anyone else; what they then see is their
 * organisation's {@link AuditScope}.
 */
final class TrailAdmission {

    static final String RESOURCE_TYPE = "AUDIT_TRAIL";

    private TrailAdmission() {
    }

    /**
     * The trail as the subject's organisation sees it; someone outside the inspectorates asks about a trail that is
     * not theirs, which the rule refuses by name. The caller asks the gate (one policy, OnePolicyArchitectureTest).
     */
    static Resource trailOf(Subject subject) {
        return Resource.auditTrailOf(subject.inspectorate().orElse(Inspectorate.OFSTED));
    }

    /** What an admitted subject sees: their organisation's scope. */
    static AuditScope scopeOf(Subject subject) {
        return AuditScope.ofOrganisation(subject.organisation().id());
    }

    static Act act(String auditAction, Subject subject) {
        return Act.of(auditAction, RESOURCE_TYPE, trailOf(subject).id());
    }
}
