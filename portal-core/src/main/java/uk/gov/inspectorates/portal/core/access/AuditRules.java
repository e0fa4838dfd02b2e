package uk.gov.inspectorates.portal.core.access;

import java.util.Optional;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;

/**
 * Who may read an organisation's view of the audit trail (issue 18): its own SIRO, to search, chart, verify and
 * export it (what they then see is bounded by {@code core.audit.AuditScope}); nobody changes it. The resource is the
 * trail as one organisation sees it ({@link Resource#auditTrailOf}).
 */
final class AuditRules {

    static final String OWN_ORGANISATION_SIRO = "audit.read.own-organisation-siro";
    static final String READ_ONLY = "audit.append-only";
    /** "Who has seen this report?": the SIRO of the inspectorate that shared it (issue 18, docs/adr/0033). */
    static final String REPORT_ORIGINATOR_SIRO = "audit.report.originator-siro";

    private AuditRules() {
    }

    static Decision decide(Subject subject, Action action, Resource trail) {
        boolean reading = action == Action.AUDIT_VIEW || action == Action.EXPORT || action == Action.LIST
                || action == Action.VIEW_METADATA;
        if (!reading) {
            return Decision.deny(READ_ONLY);
        }
        Optional<Inspectorate> own = subject.inspectorate();
        boolean ownTrail = own.isPresent() && own.get().equals(trail.originator());
        return ownTrail && subject.has(Role.SIRO) ? Decision.permit(OWN_ORGANISATION_SIRO)
                : Decision.deny(OWN_ORGANISATION_SIRO);
    }

    /** The trail of one report (its readers, times and download ids): its originator's SIRO only. */
    static Decision decideReport(Subject subject, Resource report) {
        Optional<Inspectorate> own = subject.inspectorate();
        return own.isPresent() && own.get() == report.originator() && subject.has(Role.SIRO)
                ? Decision.permit(REPORT_ORIGINATOR_SIRO) : Decision.deny(REPORT_ORIGINATOR_SIRO);
    }
}
