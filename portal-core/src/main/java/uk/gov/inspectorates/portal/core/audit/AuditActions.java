package uk.gov.inspectorates.portal.core.audit;

import java.util.Set;

/** The names of audited actions, as a SIRO searches for them. */
public final class AuditActions {
    public static final String SIGN_IN = "SIGN_IN";
    public static final String SIGN_OUT = "SIGN_OUT";
    /** A server-side session ended other than by signing out: time-outs, sign-out everywhere, a removed person. */
    public static final String SESSION_END = "SESSION_END";
    /** An agency account invited, or an invitation refused (who may invite is the access policy's). */
    public static final String ACCOUNT_INVITE = "ACCOUNT_INVITE";
    /** An invitation accepted: the account created with its password and authenticator. */
    public static final String ACCOUNT_CREATE = "ACCOUNT_CREATE";
    /** A password reset asked for (for a known account or not), or a password set through a reset link. */
    public static final String PASSWORD_RESET = "PASSWORD_RESET";
    public static final String REPORT_SHARE = "REPORT_SHARE";
    public static final String REPORT_LIST = "REPORT_LIST";
    public static final String REPORT_VIEW = "REPORT_VIEW";
    public static final String REPORT_DOWNLOAD = "REPORT_DOWNLOAD";
    /** A report's removal was asked for (denied or not found; a completed or failed removal is a tombstone). */
    public static final String REPORT_REMOVE = "REPORT_REMOVE";
    /** A report's publication recorded or scheduled (the URL and time in the detail), or refused. */
    public static final String REPORT_PUBLISH = "REPORT_PUBLISH";
    /** A report withdrawn (the reason in the detail), or refused. */
    public static final String REPORT_WITHDRAW = "REPORT_WITHDRAW";
    /** A request to withhold or withdraw publication (JTAI Annex D) recorded, decided, or listed. */
    public static final String WITHHOLD_REQUEST = "WITHHOLD_REQUEST";
    /** Onward sharing recorded with its basis, consent asked for or answered, or the records listed; or refused. */
    public static final String ONWARD_SHARING = "ONWARD_SHARING";
    /** A covering or advance letter added to a report (kind, classification, addressees), or refused. */
    public static final String LETTER_ADD = "LETTER_ADD";
    /** A report's letters listed (count), or refused. */
    public static final String LETTER_LIST = "LETTER_LIST";
    /** A letter's details viewed, or refused. */
    public static final String LETTER_VIEW = "LETTER_VIEW";
    /** A stamped copy of a letter served (its download id in the detail), or refused. */
    public static final String LETTER_DOWNLOAD = "LETTER_DOWNLOAD";
    /** Removal of an advance letter sent ahead of its report asked for and refused (a removal is a tombstone). */
    public static final String LETTER_REMOVE = "LETTER_REMOVE";
    /** The tombstone of a key scope's removal (crypto-shredding): counts and who, never content. */
    public static final String SCOPE_REMOVE = "SCOPE_REMOVE";
    /**
     * A removed scope's key found live in a restored database and destroyed again by the ledger's replay (docs/adr/0046),
     * by the restore command or at start-up.
     */
    public static final String KEY_SCOPE_DESTROYED_AGAIN = "KEY_SCOPE_DESTROYED_AGAIN";
    /** A run of the orphan sweep that removed something: counts only (objects, KEKs destroyed). */
    public static final String ORPHAN_SWEEP = "ORPHAN_SWEEP";
    /** A resumable upload was started (or refused before it started). */
    public static final String UPLOAD_START = "UPLOAD_START";
    /** A resumable upload was checked: type, malware scan; refused ones are discarded. */
    public static final String UPLOAD_CHECK = "UPLOAD_CHECK";
    /** Someone other than its owner tried to use a resumable upload (answered as if it did not exist). */
    public static final String UPLOAD_ACCESS = "UPLOAD_ACCESS";
    /** A resumable upload was discarded: by its owner, on a refusal, or on expiry (policy). */
    public static final String UPLOAD_DISCARD = "UPLOAD_DISCARD";
    /** An upload refused because its uploader had too many at once (the per-user limit's rule id as the detail). */
    public static final String UPLOAD_ADMISSION = "UPLOAD_ADMISSION";
    /** One run of master-key rotation, with counts. */
    public static final String MASTER_KEY_ROTATION = "MASTER_KEY_ROTATION";
    /** A local authority area or an agency added (or refused): the new values in the detail. */
    public static final String ORGANISATION_CHANGE = "ORGANISATION_CHANGE";
    /** A team added, renamed or put on or off its reader list (or refused): before and after in the detail. */
    public static final String TEAM_CHANGE = "TEAM_CHANGE";
    /** An inspectorate's reader list replaced as a whole (the API's PUT); the detail lists it before and after. */
    public static final String READER_LIST_CHANGE = "READER_LIST_CHANGE";
    /** A person's roles, teams or activation changed (or refused): before and after in the detail, no secrets. */
    public static final String USER_CHANGE = "USER_CHANGE";
    /** An administration page viewed (one event per page, docs/adr/0034), or refused (organisations, teams, people). */
    public static final String ADMINISTRATION_VIEW = "ADMINISTRATION_VIEW";
    /**
     * A page whose own reads audit nothing (a form, the account page) viewed by a signed-in person: the page's path as
     * the resource, never its query. Every page GET is one event: this one, or the page's principal view (ADR 0034).
     */
    public static final String PAGE_VIEW = "PAGE_VIEW";
    /** A term's list of areas to inspect shared (term, version, area ids in the detail), or refused. */
    public static final String TERM_PLAN_SHARE = "TERM_PLAN_SHARE";
    /** The term plans of a term listed (the term and count in the detail), or refused. */
    public static final String TERM_PLAN_LIST = "TERM_PLAN_LIST";
    /** One term plan viewed, or refused. */
    public static final String TERM_PLAN_VIEW = "TERM_PLAN_VIEW";
    /** A joint targeted area inspection opened (area, participants, day 0 in the detail), or refused. */
    public static final String INSPECTION_OPEN = "INSPECTION_OPEN";
    /** The inspections a person may see listed (count), or refused. */
    public static final String INSPECTION_LIST = "INSPECTION_LIST";
    /** One inspection (timeline, requests) viewed, or refused. */
    public static final String INSPECTION_VIEW = "INSPECTION_VIEW";
    /** An information request made to an agency (inspectorate, agency, items, due), or refused with the rule. */
    public static final String INFORMATION_REQUEST = "INFORMATION_REQUEST";
    /** An inspection's requests listed, one viewed, or what is due asked for (count), or refused. */
    public static final String INFORMATION_REQUEST_VIEW = "INFORMATION_REQUEST_VIEW";
    /** An evidence document uploaded against a request (classification, bytes, SHA-256), or refused. */
    public static final String EVIDENCE_UPLOAD = "EVIDENCE_UPLOAD";
    /** An inspection's evidence documents listed (count), or refused. */
    public static final String EVIDENCE_LIST = "EVIDENCE_LIST";
    /** An evidence document's details viewed, or refused. */
    public static final String EVIDENCE_VIEW = "EVIDENCE_VIEW";
    /** An evidence document's original bytes served (the download id in the detail), or refused. */
    public static final String EVIDENCE_DOWNLOAD = "EVIDENCE_DOWNLOAD";
    /** An e-mail notice handed to the mail relay, or given up after its last attempt (kind and recipient). */
    public static final String NOTIFICATION_SEND = "NOTIFICATION_SEND";

    /**
     * The actions that serve content (a document's, a letter's or a certificate's bytes, an export): each is an event
     * of its own, never folded into a page's view (docs/adr/0034, {@link PageView}). A new download or export action
     * belongs here (AuditActionsTest fails otherwise).
     */
    public static final Set<String> SERVES_CONTENT = Set.of(AuditActions.REPORT_DOWNLOAD,
            AuditActions.LETTER_DOWNLOAD, AuditActions.EVIDENCE_DOWNLOAD, AuditActions.FINDINGS_LETTER_DOWNLOAD,
            AuditActions.REMOVAL_CERTIFICATE_DOWNLOAD, AuditActions.INSPECTION_EXPORT, AuditActions.AUDIT_EXPORT);

    private AuditActions() {
    }
    /** A referral of concern raised (category, agency, number of cases in the detail; never the case numbers), or refused. */
    public static final String REFERRAL_RAISE = "REFERRAL_RAISE";
    /** An inspection's referrals listed (count), or refused. */
    public static final String REFERRAL_LIST = "REFERRAL_LIST";
    /** One referral viewed, or refused. */
    public static final String REFERRAL_VIEW = "REFERRAL_VIEW";
    /** The agency's response to a referral recorded, or refused (out of order: REFUSED; not theirs: DENIED). */
    public static final String REFERRAL_RESPOND = "REFERRAL_RESPOND";
    /** The referring inspector's evaluation of a response recorded, or refused. */
    public static final String REFERRAL_EVALUATE = "REFERRAL_EVALUATE";
    /** A referral signed off by the agency's chief officer or the lead inspector (which, in the detail), or refused. */
    public static final String REFERRAL_SIGN_OFF = "REFERRAL_SIGN_OFF";

    // JTAI Annex D (issue 17, helper-annexd, docs/adr/0026)
    /** A party's lead inspector's view on a withhold or withdrawal request recorded by the originator, or refused. */
    public static final String WITHHOLD_REQUEST_VIEW = "WITHHOLD_REQUEST_VIEW";
    /** The statement of proposed action asked of an agency after publication (agency, due), or refused; viewed. */
    public static final String PROPOSED_ACTION_STATEMENT = "PROPOSED_ACTION_STATEMENT";
    /** The lead inspector's review of an uploaded statement of proposed action (accepted or returned), or refused. */
    public static final String PROPOSED_ACTION_REVIEW = "PROPOSED_ACTION_REVIEW";
    /** A challenge or complaint about an inspection recorded (kind, received, late), or refused. */
    public static final String CHALLENGE_RECORD = "CHALLENGE_RECORD";
    /** A challenge acknowledged, or refused. */
    public static final String CHALLENGE_ACKNOWLEDGE = "CHALLENGE_ACKNOWLEDGE";
    /** The response to a challenge recorded, or refused. */
    public static final String CHALLENGE_RESPOND = "CHALLENGE_RESPOND";
    /** An inspection's challenges listed (count), or those due asked for, or refused. */
    public static final String CHALLENGE_VIEW = "CHALLENGE_VIEW";
    // findings letter (helper-findings, docs/adr/0025)
    /** A findings letter draft or revision uploaded by the lead inspector (version, bytes), or refused. */
    public static final String FINDINGS_LETTER_UPLOAD = "FINDINGS_LETTER_UPLOAD";
    /** An inspection's findings letter viewed (its stage), or refused. */
    public static final String FINDINGS_LETTER_VIEW = "FINDINGS_LETTER_VIEW";
    /** A findings letter document (draft, revision or comments) downloaded, or refused. */
    public static final String FINDINGS_LETTER_DOWNLOAD = "FINDINGS_LETTER_DOWNLOAD";
    /** An inspectorate's sign-off of a version of the findings letter, or refused. */
    public static final String FINDINGS_LETTER_SIGN_OFF = "FINDINGS_LETTER_SIGN_OFF";
    /** The draft letter sent to the DCS for the factual accuracy check (the DCS, the due time), or refused. */
    public static final String FINDINGS_LETTER_ACCURACY_CHECK = "FINDINGS_LETTER_ACCURACY_CHECK";
    /** The partnership's factual accuracy comments uploaded by the DCS, or refused. */
    public static final String FINDINGS_LETTER_COMMENTS = "FINDINGS_LETTER_COMMENTS";
    /** The pre-publication findings letter issued as an embargoed report (report id, recipients), or refused. */
    public static final String FINDINGS_LETTER_ISSUE = "FINDINGS_LETTER_ISSUE";
    // --- automatic, provable removal (issue 17, helper-removal; docs/adr/0030) ---
    /** An administrator's "run due removals now" (counts in the detail), or refused. */
    public static final String RETENTION_RUN = "RETENTION_RUN";
    /** The removals listed for an administrator (count), or refused. */
    public static final String REMOVAL_LIST = "REMOVAL_LIST";
    /** Removal certificates listed (count), or refused. */
    public static final String REMOVAL_CERTIFICATE_LIST = "REMOVAL_CERTIFICATE_LIST";
    /** One removal certificate downloaded, or refused. */
    public static final String REMOVAL_CERTIFICATE_DOWNLOAD = "REMOVAL_CERTIFICATE_DOWNLOAD";

    // --- issue 17, retention (helper-retention) ---
    /** The retention policies, one's history or the dry run viewed, or refused. */
    public static final String RETENTION_VIEW = "RETENTION_VIEW";
    /** A retention policy changed (before and after, reason), or refused (the rule or the invalid fields). */
    public static final String RETENTION_POLICY_CHANGE = "RETENTION_POLICY_CHANGE";
    /** A legal hold set on an inspection or a report (reason), or refused. */
    public static final String LEGAL_HOLD_SET = "LEGAL_HOLD_SET";
    /** A legal hold lifted (reason), or refused. */
    public static final String LEGAL_HOLD_LIFT = "LEGAL_HOLD_LIFT";
    /** Something a retention policy removed (category, kind, id, counts; never content), or the removal failed. */
    public static final String RETENTION_REMOVE = "RETENTION_REMOVE";

    // ---- the end of an inspection: closure and exports (issue 17, docs/adr/0028)
    /** An inspection closed (by whom: the rule in the detail), or refused (not published yet: REFUSED). */
    public static final String INSPECTION_CLOSE = "INSPECTION_CLOSE";
    /** What each inspectorate will export listed (the export page or API), or refused. */
    public static final String INSPECTION_EXPORT_VIEW = "INSPECTION_EXPORT_VIEW";
    /** An inspectorate's export served (the byte range in the detail), completed (bytes, SHA-256), or refused. */
    public static final String INSPECTION_EXPORT = "INSPECTION_EXPORT";

    // --- issue 18, the SIRO's chart and PDF report (helper-chart, docs/adr/0035) ---
    /** A SIRO's chart of access over time to a report or an inspection viewed (period, counts), or refused. */
    public static final String AUDIT_CHART = "AUDIT_CHART";
    // (a SIRO's PDF report of the trail is an AUDIT_EXPORT too, with format=pdf in the detail)
    // ---- tamper evidence: verification and the CSV export (issue 18, helper-verify, docs/adr/0031)
    /** The trail verified against its chain and signed checkpoints (intact or not, the first broken seq), or refused. */
    public static final String AUDIT_VERIFY = "AUDIT_VERIFY";
    /** The trail exported as CSV (the criteria, rows in full and redacted, the covering checkpoint), or refused. */
    public static final String AUDIT_EXPORT = "AUDIT_EXPORT";

    // ---- the SIRO's search of the trail (issue 18, helper-search, docs/adr/0033)
    /** A SIRO's search of the trail (the criteria in the detail, never what was found), or refused with the rule. */
    public static final String AUDIT_SEARCH = "AUDIT_SEARCH";
}
