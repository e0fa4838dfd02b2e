package uk.gov.inspectorates.portal.core.document;

/** Intake refused the file; nothing of it is stored. */
public class UploadRejected extends RuntimeException {

    public enum Reason { MISSING, EMPTY, TOO_LARGE, TYPE_NOT_ALLOWED, NAME_DOES_NOT_MATCH_CONTENT, MALWARE,
        /** password-protected: the scanner cannot read it, so it cannot be checked */
        ENCRYPTED,
        /** beyond the scanner's limits (nesting, expansion, number of files, scan time): not fully checked */
        TOO_COMPLEX,
        /** the declared file name has nothing usable left once normalised (docs/adr/0019) */
        FILE_NAME,
        /** active content: PDF JavaScript, actions, attachments, XFA; Office macros (docs/adr/0018) */
        ACTIVE_CONTENT,
        /** a list of children that names people or has no identifier column (JTAI §19, §80) */
        CONTENT_NOT_ALLOWED,
        /** claims a type (its first bytes say PDF, or an Office package) but cannot be read as one */
        UNREADABLE }

    private final Reason reason;
    private final String auditDetail;

    public UploadRejected(Reason reason, String message) {
        this(reason, message, null);
    }

    /** @param auditDetail kept in the audit trail only, never shown to the sender (e.g. the malware signature) */
    public UploadRejected(Reason reason, String message, String auditDetail) {
        super(message);
        this.reason = reason;
        this.auditDetail = auditDetail;
    }

    /** The one message for a file that cannot be checked because it needs a password to open. */
    public static UploadRejected passwordProtected(String auditDetail) {
        return new UploadRejected(Reason.ENCRYPTED,
                "The selected file is password-protected. Remove the password and upload it again:"
                        + " protected files cannot be checked for viruses", auditDetail);
    }

    public Reason reason() {
        return reason;
    }

    /** What the audit event records: the reason, and its detail when there is one. */
    public String auditDetail() {
        return auditDetail == null ? reason.name() : reason.name() + " " + auditDetail;
    }
}
