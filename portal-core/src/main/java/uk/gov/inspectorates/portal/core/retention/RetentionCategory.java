package uk.gov.inspectorates.portal.core.retention;

/**
 * What the administrators' retention policies are set for (issue 17). Each category names the moment its period counts
 * from; the data of one category goes (or is put up for review) when its policy's period after that moment has run.
 */
public enum RetentionCategory {
    /** An inspection's requests, documents, referrals and letters, counted from its closure: the export window. */
    JTAI_AFTER_CLOSURE,
    /** The portal's copy of a report (with its letters) once published, counted from publication. */
    PUBLISHED_REPORT_COPIES,
    /** A withdrawn report (with its letters), counted from withdrawal. */
    WITHDRAWN_REPORTS,
    /** An advance letter sent ahead of a report that never followed, counted from when it was sent. */
    LETTERS,
    /** A share task list draft, counted from its last change. */
    SHARE_DRAFTS,
    /** A term's inspection-plan list, counted from the end of its term. */
    TERM_PLANS,
    /** An unfinished resumable upload, counted from its last chunk. */
    RESUMABLE_UPLOADS,
    /** A notification outbox message once sent (or given up), counted from then. */
    NOTIFICATION_OUTBOX,
    /** An audit event, counted from when it was recorded. */
    AUDIT_EVENTS,
    /** An account nobody has signed in to, counted from its last sign-in (or its creation). */
    UNUSED_ACCOUNTS
}
