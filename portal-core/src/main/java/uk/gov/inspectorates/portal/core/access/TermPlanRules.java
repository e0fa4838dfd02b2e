package uk.gov.inspectorates.portal.core.access;

import java.util.Optional;
import java.util.Set;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;

/**
 * Who shares and who sees the termly lists of local authority areas each inspectorate plans to inspect (ISP
 * "Sharing other information"). An inspectorate's list is shared by its own staff who share its reports
 * (inspector, lead inspector, inspection support); every member of staff of every inspectorate sees every list.
 * Local agencies see none: the list says where inspectors go next.
 *
 * <p>A term plan's {@link Resource} names its inspectorate as the originator ({@link #newPlan}, or the plan's own
 * {@code asResource}); {@link #plans} is the lists of a term as a whole.
 */
public final class TermPlanRules {

    public static final String SHARE_BY_OWN_SHARING_STAFF = "term-plan.share.own-inspectorate-sharing-staff";
    public static final String SHARE_INSPECTORATES_ONLY = "term-plan.share.inspectorate-staff-only";
    public static final String SHARE_OWN_INSPECTORATE_ONLY = "term-plan.share.own-inspectorate-only";
    public static final String SHARE_NEEDS_SHARING_ROLE =
            "term-plan.share.requires-inspector-lead-inspector-or-inspection-support";
    public static final String VIEW_BY_INSPECTORATE_STAFF = "term-plan.view.inspectorate-staff";
    public static final String VIEW_INSPECTORATE_STAFF_ONLY = "term-plan.view.inspectorate-staff-only";

    private TermPlanRules() {
    }

    /** The lists of a term, all inspectorates' together. */
    public static Resource plans() {
        return new Resource(Resource.Kind.TERM_PLAN, null, null, Set.of(), false);
    }

    /** A list the inspectorate would share (a new version, for a term). */
    public static Resource newPlan(Inspectorate inspectorate) {
        return new Resource(Resource.Kind.TERM_PLAN, null, inspectorate, Set.of(), false);
    }

    static Decision decide(Subject subject, Action action, Resource plan) {
        Optional<Inspectorate> own = subject.inspectorate();
        return switch (action) {
            case UPLOAD -> {
                if (own.isEmpty()) {
                    yield Decision.deny(SHARE_INSPECTORATES_ONLY);
                }
                if (plan.originator() != own.get()) {
                    yield Decision.deny(SHARE_OWN_INSPECTORATE_ONLY);
                }
                yield subject.roles().stream().anyMatch(Role::sharesReports)
                        ? Decision.permit(SHARE_BY_OWN_SHARING_STAFF)
                        : Decision.deny(SHARE_NEEDS_SHARING_ROLE);
            }
            case LIST, VIEW_METADATA -> own.isPresent()
                    ? Decision.permit(VIEW_BY_INSPECTORATE_STAFF)
                    : Decision.deny(VIEW_INSPECTORATE_STAFF_ONLY);
            // a version is never changed or removed (sharing again adds the next); no downloads or exports
            case DOWNLOAD, CHANGE, DELETE, EXPORT, AUDIT_VIEW -> Decision.deny(AccessPolicy.NOT_PERMITTED);
        };
    }
}
