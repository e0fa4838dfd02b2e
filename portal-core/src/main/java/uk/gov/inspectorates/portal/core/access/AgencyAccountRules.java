package uk.gov.inspectorates.portal.core.access;

import uk.gov.inspectorates.portal.core.organisation.Role;

/**
 * Who may see and invite the accounts of an agency: an administrator of that agency, or an administrator of any
 * inspectorate (inspectorates set agencies up for the inspections they lead).
 */
final class AgencyAccountRules {

    static final String BY_AGENCY_ADMINISTRATOR = "agency-account.manage.agency-administrator";
    static final String BY_INSPECTORATE_ADMINISTRATOR = "agency-account.manage.inspectorate-administrator";
    static final String ADMINISTRATORS_ONLY = "agency-account.manage.administrators-only";

    private AgencyAccountRules() {
    }

    static Decision decide(Subject subject, Action action, Resource agency) {
        return switch (action) {
            case LIST, VIEW_METADATA, CHANGE -> {
                if (!subject.has(Role.ADMINISTRATOR)) {
                    yield Decision.deny(ADMINISTRATORS_ONLY);
                }
                if (subject.organisation().isInspectorate()) {
                    yield Decision.permit(BY_INSPECTORATE_ADMINISTRATOR);
                }
                yield agency.id() != null && agency.id().equals(subject.organisation().id())
                        ? Decision.permit(BY_AGENCY_ADMINISTRATOR)
                        : Decision.deny(ADMINISTRATORS_ONLY);
            }
            case DOWNLOAD, UPLOAD, DELETE, EXPORT, AUDIT_VIEW -> Decision.deny(AccessPolicy.NOT_PERMITTED);
        };
    }
}
