package uk.gov.inspectorates.portal.core.accountability;

import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditScope;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/** The trail a person asks to read (their own inspectorate's) and what of it they then see. */
final class SiroTrail {

    private SiroTrail() {
    }

    /**
     * The person's own inspectorate's trail. Someone outside the inspectorates has no trail of their own: they are
     * asking for an inspectorate's, which the same rule (audit.read.own-organisation-siro) refuses them.
     */
    static Resource of(Subject subject) {
        return Resource.auditTrailOf(subject.inspectorate().orElse(Inspectorate.OFSTED));
    }

    /** The trail's name in the audit trail, as the search's and the CSV export's events name it. */
    static String id(Subject subject) {
        return of(subject).id();
    }

    static AuditScope scope(Subject subject) {
        return AuditScope.ofOrganisation(subject.organisation().id());
    }
}
