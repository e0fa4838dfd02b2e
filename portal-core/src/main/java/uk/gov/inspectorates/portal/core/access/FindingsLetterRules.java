package uk.gov.inspectorates.portal.core.access;

import java.util.Optional;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;

/**
 * Who may do what with a JTAI findings letter before it is issued under embargo (JTAI timeline days 14-40;
 * docs/adr/0025): its drafts and revisions, the inspectorates' sign-offs, the single factual accuracy check by the
 * director of children's services (DCS) and the partnership's comments. Once issued (day 41) the letter is a report,
 * and the report rules decide.
 *
 * <ul>
 *   <li>The inspection staff of every participating inspectorate read the drafts, sign-offs and comments.</li>
 *   <li>A lead inspector of the inspection's lead inspectorate (Ofsted) uploads drafts and revisions, sends the draft
 *   to the DCS and issues the agreed letter ({@link Action#UPLOAD} of the letter, {@link Action#EXPORT}: the letter
 *   leaves the inspectorates).</li>
 *   <li>A lead inspector or inspector of each other participating inspectorate signs it off for their inspectorate
 *   ({@link Action#CHANGE}).</li>
 *   <li>The DCS named for the accuracy check reads the draft sent to them (the resource names them) and uploads the
 *   partnership's comments ({@link Action#UPLOAD} of a resource that belongs to their agency); no other agency staff
 *   see anything before the letter is issued.</li>
 * </ul>
 */
final class FindingsLetterRules {

    public static final String READ_BY_PARTICIPATING_INSPECTION_STAFF =
            "findings-letter.read.participating-inspection-staff";
    public static final String READ_BY_DCS = "findings-letter.read.dcs-sent-for-accuracy-check";
    public static final String READ_PARTICIPANTS_AND_DCS_ONLY = "findings-letter.read.participants-and-dcs-only";
    public static final String DRAFT_BY_LEAD_INSPECTOR = "findings-letter.draft.lead-inspectorate-lead-inspector";
    public static final String DRAFT_LEAD_INSPECTOR_ONLY =
            "findings-letter.draft.lead-inspectorate-lead-inspector-only";
    public static final String COMMENTS_BY_DCS = "findings-letter.comments.dcs";
    public static final String COMMENTS_DCS_ONLY = "findings-letter.comments.dcs-only";
    public static final String SIGN_OFF_BY_OTHER_PARTICIPANT =
            "findings-letter.sign-off.other-participant-inspector";
    public static final String SIGN_OFF_OTHER_PARTICIPANTS_ONLY =
            "findings-letter.sign-off.other-participants-inspectors-only";
    public static final String SEND_BY_LEAD_INSPECTOR = "findings-letter.send.lead-inspectorate-lead-inspector";
    public static final String SEND_LEAD_INSPECTOR_ONLY = "findings-letter.send.lead-inspectorate-lead-inspector-only";
    /** Drafts and comments are kept as uploaded and go with the inspection's removal. */
    public static final String KEPT_UNTIL_INSPECTION_REMOVAL = "findings-letter.kept-until-inspection-removal";

    private FindingsLetterRules() {
    }

    static Decision decide(Subject subject, Action action, Resource letter) {
        return switch (action) {
            case LIST, VIEW_METADATA, DOWNLOAD -> {
                if (participatingInspectionStaff(subject, letter)) {
                    yield Decision.permit(READ_BY_PARTICIPATING_INSPECTION_STAFF);
                }
                yield namedDcs(subject, letter)
                        ? Decision.permit(READ_BY_DCS)
                        : Decision.deny(READ_PARTICIPANTS_AND_DCS_ONLY);
            }
            case UPLOAD -> {
                if (letter.agencyId() != null) {
                    yield namedDcs(subject, letter) && letter.agencyId().equals(subject.organisation().id())
                            ? Decision.permit(COMMENTS_BY_DCS)
                            : Decision.deny(COMMENTS_DCS_ONLY);
                }
                yield leadInspectorOfLead(subject, letter)
                        ? Decision.permit(DRAFT_BY_LEAD_INSPECTOR)
                        : Decision.deny(DRAFT_LEAD_INSPECTOR_ONLY);
            }
            case CHANGE -> {
                Optional<Inspectorate> own = subject.inspectorate();
                yield own.isPresent() && own.get() != letter.originator() && participant(subject, letter)
                        && (subject.has(Role.LEAD_INSPECTOR) || subject.has(Role.INSPECTOR))
                        ? Decision.permit(SIGN_OFF_BY_OTHER_PARTICIPANT)
                        : Decision.deny(SIGN_OFF_OTHER_PARTICIPANTS_ONLY);
            }
            case EXPORT -> leadInspectorOfLead(subject, letter)
                    ? Decision.permit(SEND_BY_LEAD_INSPECTOR)
                    : Decision.deny(SEND_LEAD_INSPECTOR_ONLY);
            case DELETE -> Decision.deny(KEPT_UNTIL_INSPECTION_REMOVAL);
            case AUDIT_VIEW -> Decision.deny(AccessPolicy.NOT_PERMITTED);
        };
    }

    private static boolean participant(Subject subject, Resource letter) {
        Optional<Inspectorate> own = subject.inspectorate();
        return own.isPresent() && own.get().takesPartInJtai() && letter.addressees().contains(own.get());
    }

    private static boolean participatingInspectionStaff(Subject subject, Resource letter) {
        return participant(subject, letter) && InspectionRules.INSPECTION_STAFF.stream().anyMatch(subject::has);
    }

    private static boolean leadInspectorOfLead(Subject subject, Resource letter) {
        return subject.inspectorate().filter(own -> own == letter.originator()).isPresent()
                && subject.has(Role.LEAD_INSPECTOR);
    }

    private static boolean namedDcs(Subject subject, Resource letter) {
        return !subject.organisation().isInspectorate() && letter.ownerUserId() != null
                && letter.ownerUserId().equals(subject.userId());
    }
}
