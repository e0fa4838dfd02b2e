package uk.gov.inspectorates.portal.core.accountability;

import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditScope;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * The trail a person asks to read (their own inspectorate's) and what of it they then see: the one place every reading
 * of the trail (search, chart, verification, the PDF and CSV exports) takes the resource the gate's
 * {@code audit.read.own-organisation-siro} decides on, the act it audits, and the {@link AuditScope} an admitted SIRO
 * sees. The caller asks the gate (one policy, OnePolicyArchitectureTest).
 */
final class SiroTrail {

    /** The resource type the trail's events name. */
    static final String RESOURCE_TYPE = "AUDIT_TRAIL";

    private SiroTrail() {
    }

    /**
     * The person's own inspectorate's trail. Someone outside the inspectorates has no trail of their own: they are
     * asking for an inspectorate's, which the same rule (audit.read.own-organisation-siro) refuses them.
     */
    static Resource of(Subject subject) {
        return Resource.auditTrailOf(subject.inspectorate().orElse(Inspectorate.OFSTED));
    }

    /** The trail's name in the audit trail, as the search's and the exports' events name it. */
    static String id(Subject subject) {
        return of(subject).id();
    }

    /** The audited act of reading the subject's trail ({@code AuditActions.AUDIT_SEARCH}, ..._EXPORT, ..._VERIFY). */
    static Act act(String auditAction, Subject subject) {
        return Act.of(auditAction, RESOURCE_TYPE, id(subject));
    }

    /** What an admitted subject sees: their organisation's scope. */
    static AuditScope scope(Subject subject) {
        return AuditScope.ofOrganisation(subject.organisation().id());
    }
}
