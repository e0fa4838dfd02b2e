package uk.gov.inspectorates.portal.core.notification;

/**
 * What a notice is about. Each kind has one fixed subject and body ({@link NoticeTemplates}): a notice never
 * carries free text beyond its (checked) title and a link into the portal.
 */
public enum NoticeKind {
    /** An inspectorate asked an agency for information (to the agency's uploaders and chief officer). */
    NEW_REQUEST,
    /** Something asked of an agency is due tomorrow (UK local date). */
    DUE_TOMORROW,
    /** Something asked of an agency is past its due time. */
    OVERDUE,
    /** A category 1 referral of concern (immediate risk of significant harm): flagged to both sides at once. */
    REFERRAL_CATEGORY_1,
    /** An embargoed report, or a letter, was shared with a reader's inspectorate. */
    REPORT_SHARED,
    /** An invitation to an agency account (the link carries a one-time token). */
    ACCOUNT_INVITATION,
    /** A password reset (the link carries a one-time token). */
    PASSWORD_RESET,
    // JTAI Annex D (issue 17, helper-annexd)
    /** The originator decided a request to withhold or withdraw a report's publication (to the other parties). */
    WITHHOLD_DECISION,
    /** The lead inspector reviewed a statement of proposed action (to the agency that made it). */
    STATEMENT_REVIEWED,
    /** A challenge or complaint about an inspection was recorded (to the other participants' lead inspectors). */
    CHALLENGE_RECORDED,
    /** Something an inspectorate's person is to do (e.g. acknowledge a challenge) is due tomorrow (UK date). */
    DEADLINE_TOMORROW,
    /** Something an inspectorate's person is to do is past its deadline. */
    DEADLINE_PASSED,

    // ---- the end of an inspection (issue 17, docs/adr/0028)
    /** An inspectorate has not yet exported what it requested from a closed inspection, and its window is ending. */
    EXPORT_WINDOW_ENDING;

    /** Whether the link works as a key (a one-time token): the outbox forgets it once the message is handed over. */
    public boolean linkIsSecret() {
        return this == ACCOUNT_INVITATION || this == PASSWORD_RESET;
    }
}
