package uk.gov.inspectorates.portal.core.accountability;

import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
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

    static AuditScope admit(PolicyGate gate, Subject subject, Action action, String auditAction) {
        // someone outside the inspectorates asks about a trail that is not theirs: the rule refuses them by name
        Inspectorate asked = subject.inspectorate().orElse(Inspectorate.OFSTED);
        Resource trail = Resource.auditTrailOf(asked);
        gate.require(subject, action, trail, Act.of(auditAction, RESOURCE_TYPE, trail.id()));
        return AuditScope.ofOrganisation(subject.organisation().id());
    }

    static Act act(String auditAction, Subject subject) {
        Inspectorate asked = subject.inspectorate().orElse(Inspectorate.OFSTED);
        return Act.of(auditAction, RESOURCE_TYPE, Resource.auditTrailOf(asked).id());
    }
}
