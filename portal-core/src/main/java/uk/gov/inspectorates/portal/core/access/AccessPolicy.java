package uk.gov.inspectorates.portal.core.access;

import java.time.Instant;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;

/**
 * The one authorisation policy: a pure function of who asks, what for, about what, and when. Every resource access
 * goes through {@link #decide}; each answer names its rule.
 */
public final class AccessPolicy {

    public static final String SHARE_BY_ORIGINATOR_STAFF = "report.share.originator-sharing-staff";
    public static final String SHARE_INSPECTORATES_ONLY = "report.share.inspectorate-staff-only";
    public static final String SHARE_NEEDS_SHARING_ROLE = "report.share.requires-inspector-or-inspection-support";
    public static final String EMBARGO_ORIGINATOR_STAFF = "report.embargo.originator-sharing-staff";
    public static final String EMBARGO_READER_LIST = "report.embargo.addressee-reader-list";
    public static final String EMBARGO_READER_LIST_ONLY = "report.embargo.reader-lists-only";
    public static final String REMOVE_BY_ORIGINATOR_ADMINISTRATOR = "report.remove.originator-administrator";
    public static final String REMOVE_ORIGINATOR_ADMINISTRATOR_ONLY = "report.remove.originator-administrator-only";
    public static final String UPLOAD_BY_OWNER = "upload.owner";
    public static final String UPLOAD_OWNER_ONLY = "upload.owner-only";
    public static final String NOT_PERMITTED = "default.not-permitted";

    public Decision decide(Subject subject, Action action, Resource resource, Instant now) {
        return switch (resource.kind()) {
            case REPORT -> decideReport(subject, action, resource);
            case UPLOAD -> decideUpload(subject, resource);
            case ORGANISATION, LOCAL_AUTHORITY_AREA, TEAM, USER_ACCOUNT ->
                    AdministrationRules.decide(subject, action, resource);
            case AGENCY_ACCOUNT -> AgencyAccountRules.decide(subject, action, resource);
        };
    }

    private Decision decideReport(Subject subject, Action action, Resource report) {
        Optional<Inspectorate> own = subject.inspectorate();
        return switch (action) {
            case UPLOAD -> {
                if (own.isEmpty() || report.originator() == null) {
                    yield Decision.deny(SHARE_INSPECTORATES_ONLY);
                }
                yield own.get() == report.originator() && sharesReports(subject)
                        ? Decision.permit(SHARE_BY_ORIGINATOR_STAFF)
                        : Decision.deny(SHARE_NEEDS_SHARING_ROLE);
            }
            case LIST, VIEW_METADATA, DOWNLOAD -> {
                if (own.isPresent() && own.get() == report.originator() && sharesReports(subject)) {
                    yield Decision.permit(EMBARGO_ORIGINATOR_STAFF);
                }
                if (own.isPresent() && report.addressees().contains(own.get()) && subject.onReaderListOf(own.get())) {
                    yield Decision.permit(EMBARGO_READER_LIST);
                }
                yield Decision.deny(EMBARGO_READER_LIST_ONLY);
            }
            // removal (crypto-shredding) is irreversible: only an administrator of the originating inspectorate
            case DELETE -> own.isPresent() && own.get() == report.originator()
                    && subject.roles().contains(Role.ADMINISTRATOR)
                    ? Decision.permit(REMOVE_BY_ORIGINATOR_ADMINISTRATOR)
                    : Decision.deny(REMOVE_ORIGINATOR_ADMINISTRATOR_ONLY);
            case CHANGE, EXPORT, AUDIT_VIEW -> Decision.deny(NOT_PERMITTED);
        };
    }

    // a resumable upload is unchecked content on its way in: nobody but its uploader, for any action
    private Decision decideUpload(Subject subject, Resource upload) {
        return subject.userId().equals(upload.ownerUserId())
                ? Decision.permit(UPLOAD_BY_OWNER)
                : Decision.deny(UPLOAD_OWNER_ONLY);
    }

    private static boolean sharesReports(Subject subject) {
        return subject.roles().stream().anyMatch(Role::sharesReports);
    }
}
