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
    public static final String PUBLISHED_PARTY_STAFF = "report.published.party-staff";
    public static final String WITHDRAWN_NOT_SERVED = "report.withdrawn.not-served";
    public static final String CHANGE_BY_ORIGINATOR_STAFF = "report.change.originator-sharing-staff";
    public static final String CHANGE_ORIGINATOR_STAFF_ONLY = "report.change.originator-sharing-staff-only";
    public static final String ONWARD_SHARING_BY_RECEIVING_PARTY = "report.onward-sharing.receiving-party";
    public static final String ONWARD_SHARING_RECEIVING_PARTIES_ONLY = "report.onward-sharing.receiving-parties-only";
    public static final String REMOVE_BY_ORIGINATOR_ADMINISTRATOR = "report.remove.originator-administrator";
    public static final String REMOVE_ORIGINATOR_ADMINISTRATOR_ONLY = "report.remove.originator-administrator-only";
    public static final String LETTER_ADD_BY_ORIGINATOR_STAFF = "letter.add.originator-sharing-staff";
    public static final String LETTER_ADD_ORIGINATOR_STAFF_ONLY = "letter.add.originator-sharing-staff-only";
    public static final String LETTER_ADD_UNDER_EMBARGO_ONLY = "letter.add.report-under-embargo-only";
    public static final String LETTER_ORIGINATOR_STAFF = "letter.read.originator-sharing-staff";
    public static final String LETTER_ADDRESSEE_READER_LIST = "letter.read.addressee-reader-list";
    public static final String LETTER_ADDRESSEE_READER_LISTS_ONLY = "letter.read.addressee-reader-lists-only";
    public static final String LETTER_OF_WITHDRAWN_REPORT_NOT_SERVED = "letter.withdrawn-report.not-served";
    public static final String LETTER_CHANGES_WITH_ITS_REPORT = "letter.changes-with-its-report";
    public static final String LETTER_AHEAD_REMOVE_BY_ORIGINATOR_ADMINISTRATOR =
            "letter.ahead.remove.originator-administrator";
    public static final String LETTER_AHEAD_REMOVE_ORIGINATOR_ADMINISTRATOR_ONLY =
            "letter.ahead.remove.originator-administrator-only";
    // ISP ¶14: letters are shared onward only on a recorded basis, as reports are (issue 17, docs/adr/0027)
    public static final String LETTER_ONWARD_SHARING_BY_RECEIVING_PARTY = "letter.onward-sharing.receiving-party";
    public static final String LETTER_ONWARD_SHARING_RECEIVING_PARTIES_ONLY =
            "letter.onward-sharing.receiving-parties-only";
    public static final String LETTER_CONSENT_BY_ORIGINATOR_STAFF =
            "letter.onward-sharing.consent.originator-sharing-staff";
    public static final String LETTER_CONSENT_ORIGINATOR_STAFF_ONLY =
            "letter.onward-sharing.consent.originator-sharing-staff-only";
    public static final String UPLOAD_BY_OWNER = "upload.owner";
    public static final String UPLOAD_OWNER_ONLY = "upload.owner-only";
    public static final String NOT_PERMITTED = "default.not-permitted";
    // findings letter (helper-findings, docs/adr/0025): the one kind of report agency staff read under embargo
    public static final String EMBARGO_FINDINGS_LETTER_AGENCY_RECIPIENT =
            "report.embargo.findings-letter-agency-recipients";
    public static final String EMBARGO_FINDINGS_LETTER_NAMED_AGENCY_RECIPIENTS_ONLY =
            "report.embargo.findings-letter-named-agency-recipients-only";

    public Decision decide(Subject subject, Action action, Resource resource, Instant now) {
        return switch (resource.kind()) {
            case REPORT -> decideReport(subject, action, resource);
            case LETTER -> decideLetter(subject, action, resource);
            case UPLOAD -> decideUpload(subject, resource);
            case ORGANISATION, LOCAL_AUTHORITY_AREA, TEAM, USER_ACCOUNT ->
                    AdministrationRules.decide(subject, action, resource);
            case AGENCY_ACCOUNT -> AgencyAccountRules.decide(subject, action, resource);
            case TERM_PLAN -> TermPlanRules.decide(subject, action, resource);
            case INSPECTION, INFORMATION_REQUEST, EVIDENCE_DOCUMENT -> InspectionRules.decide(subject, action, resource);
            case REFERRAL -> ReferralRules.decide(subject, action, resource);
            case FINDINGS_LETTER -> FindingsLetterRules.decide(subject, action, resource);
            case RETENTION -> RetentionRules.decide(subject, action, resource);
            case REMOVAL_CERTIFICATE -> RemovalCertificateRules.decide(subject, action, resource);
            case CHALLENGE -> ChallengeRules.decide(subject, action, resource);
            case AUDIT_TRAIL -> AuditRules.decide(subject, action, resource);
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
            case LIST, VIEW_METADATA -> decideReading(subject, report);
            // a withdrawn report is never served again; those who may see it are told why (403), others 404
            case DOWNLOAD -> {
                Decision reading = decideReading(subject, report);
                yield reading.permitted() && report.lifecycle() == Resource.Lifecycle.WITHDRAWN
                        ? Decision.deny(WITHDRAWN_NOT_SERVED) : reading;
            }
            // publication, withdrawal, withhold requests and consent to onward sharing: the originator's decisions
            case CHANGE -> own.isPresent() && own.get() == report.originator() && sharesReports(subject)
                    ? Decision.permit(CHANGE_BY_ORIGINATOR_STAFF)
                    : Decision.deny(CHANGE_ORIGINATOR_STAFF_ONLY);
            // onward sharing is the receiving parties' question (ISP): the originator needs no basis for its own;
            // a withdrawn report is not passed on at all
            case EXPORT -> {
                Decision reading = decideReading(subject, report);
                if (!reading.permitted()) {
                    yield reading;
                }
                if (report.lifecycle() == Resource.Lifecycle.WITHDRAWN) {
                    yield Decision.deny(WITHDRAWN_NOT_SERVED);
                }
                yield own.isPresent() && report.addressees().contains(own.get())
                        ? Decision.permit(ONWARD_SHARING_BY_RECEIVING_PARTY)
                        : Decision.deny(ONWARD_SHARING_RECEIVING_PARTIES_ONLY);
            }
            // removal (crypto-shredding) is irreversible: only an administrator of the originating inspectorate
            case DELETE -> own.isPresent() && own.get() == report.originator()
                    && subject.roles().contains(Role.ADMINISTRATOR)
                    ? Decision.permit(REMOVE_BY_ORIGINATOR_ADMINISTRATOR)
                    : Decision.deny(REMOVE_ORIGINATOR_ADMINISTRATOR_ONLY);
            // who has seen it: the originator's SIRO (issue 18)
            case AUDIT_VIEW -> AuditRules.decideReport(subject, report);
        };
    }

    /**
     * Under embargo (and once withdrawn) only the originator's sharing staff and the addressed parties' reader lists;
     * once published the embargo is over, and every member of staff of the originator and the addressed parties may.
     * A JTAI pre-publication findings letter is also read by the agency staff it was issued to, named one by one (the
     * DCS, the inspected agencies' chief officers, the chair of the safeguarding partnership), and by no other agency
     * staff; after publication they are sent to the published letter like everyone else.
     */
    private Decision decideReading(Subject subject, Resource report) {
        Optional<Inspectorate> own = subject.inspectorate();
        if (own.isPresent() && own.get() == report.originator() && sharesReports(subject)) {
            return Decision.permit(EMBARGO_ORIGINATOR_STAFF);
        }
        if (own.isPresent() && report.addressees().contains(own.get()) && subject.onReaderListOf(own.get())) {
            return Decision.permit(EMBARGO_READER_LIST);
        }
        if (report.lifecycle() == Resource.Lifecycle.PUBLISHED && own.isPresent()
                && (own.get() == report.originator() || report.addressees().contains(own.get()))) {
            return Decision.permit(PUBLISHED_PARTY_STAFF);
        }
        if (!subject.organisation().isInspectorate() && !report.agencyRecipients().isEmpty()) {
            return report.agencyRecipients().contains(subject.userId())
                    ? Decision.permit(EMBARGO_FINDINGS_LETTER_AGENCY_RECIPIENT)
                    : Decision.deny(EMBARGO_FINDINGS_LETTER_NAMED_AGENCY_RECIPIENTS_ONLY);
        }
        return Decision.deny(EMBARGO_READER_LIST_ONLY);
    }

    /**
     * Covering and advance letters (docs/adr/0015): added by the originator's sharing staff while the report is under
     * embargo; read by them and by the reader lists of the parties the letter is addressed to, and by no one else,
     * whatever the report's stage: a letter is correspondence that is never published, so publication widens
     * nothing. A withdrawn report's letters are not served any more. Removal goes with the report (its key scope).
     * Onward sharing (EXPORT) is the receiving parties' to record, written consent to it (CHANGE) the sender's.
     */
    private Decision decideLetter(Subject subject, Action action, Resource letter) {
        Optional<Inspectorate> own = subject.inspectorate();
        boolean originatorStaff = own.isPresent() && own.get() == letter.originator() && sharesReports(subject);
        return switch (action) {
            case UPLOAD -> {
                if (!originatorStaff) {
                    yield Decision.deny(LETTER_ADD_ORIGINATOR_STAFF_ONLY);
                }
                // NONE: an advance letter sent ahead of its report, which is not shared yet
                yield letter.lifecycle() == Resource.Lifecycle.UNDER_EMBARGO
                        || letter.lifecycle() == Resource.Lifecycle.NONE
                        ? Decision.permit(LETTER_ADD_BY_ORIGINATOR_STAFF)
                        : Decision.deny(LETTER_ADD_UNDER_EMBARGO_ONLY);
            }
            case LIST, VIEW_METADATA -> decideLetterReading(subject, letter, originatorStaff);
            case DOWNLOAD -> {
                Decision reading = decideLetterReading(subject, letter, originatorStaff);
                yield reading.permitted() && letter.lifecycle() == Resource.Lifecycle.WITHDRAWN
                        ? Decision.deny(LETTER_OF_WITHDRAWN_REPORT_NOT_SERVED) : reading;
            }
            // a letter of a report goes with it; one sent ahead of its report (no stage yet) is removed on its own,
            // by an administrator of its sender, as a report is
            case DELETE -> {
                if (letter.lifecycle() != Resource.Lifecycle.NONE) {
                    yield Decision.deny(LETTER_CHANGES_WITH_ITS_REPORT);
                }
                yield own.isPresent() && own.get() == letter.originator()
                        && subject.roles().contains(Role.ADMINISTRATOR)
                        ? Decision.permit(LETTER_AHEAD_REMOVE_BY_ORIGINATOR_ADMINISTRATOR)
                        : Decision.deny(LETTER_AHEAD_REMOVE_ORIGINATOR_ADMINISTRATOR_ONLY);
            }
            // ISP ¶14: a receiving party (the reader lists of the parties the letter is addressed to) records onward
            // sharing on a basis; the sender needs none for its own letter; a withdrawn report's letters go no further
            case EXPORT -> {
                Decision reading = decideLetterReading(subject, letter, originatorStaff);
                if (!reading.permitted()) {
                    yield reading;
                }
                if (letter.lifecycle() == Resource.Lifecycle.WITHDRAWN) {
                    yield Decision.deny(LETTER_OF_WITHDRAWN_REPORT_NOT_SERVED);
                }
                yield own.isPresent() && own.get() != letter.originator() && letter.addressees().contains(own.get())
                        ? Decision.permit(LETTER_ONWARD_SHARING_BY_RECEIVING_PARTY)
                        : Decision.deny(LETTER_ONWARD_SHARING_RECEIVING_PARTIES_ONLY);
            }
            // the one change about a letter: the sender's written consent to a receiving party's onward sharing
            case CHANGE -> {
                if (!originatorStaff) {
                    yield Decision.deny(LETTER_CONSENT_ORIGINATOR_STAFF_ONLY);
                }
                yield letter.lifecycle() == Resource.Lifecycle.WITHDRAWN
                        ? Decision.deny(LETTER_OF_WITHDRAWN_REPORT_NOT_SERVED)
                        : Decision.permit(LETTER_CONSENT_BY_ORIGINATOR_STAFF);
            }
            case AUDIT_VIEW -> Decision.deny(LETTER_CHANGES_WITH_ITS_REPORT);
        };
    }

    private static Decision decideLetterReading(Subject subject, Resource letter, boolean originatorStaff) {
        if (originatorStaff) {
            return Decision.permit(LETTER_ORIGINATOR_STAFF);
        }
        Optional<Inspectorate> own = subject.inspectorate();
        if (own.isPresent() && letter.addressees().contains(own.get()) && subject.onReaderListOf(own.get())) {
            return Decision.permit(LETTER_ADDRESSEE_READER_LIST);
        }
        return Decision.deny(LETTER_ADDRESSEE_READER_LISTS_ONLY);
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
