package uk.gov.inspectorates.portal.core.document;

/** Intake refused the file; nothing of it is stored. */
public class UploadRejected extends RuntimeException {

    public enum Reason { MISSING, EMPTY, TOO_LARGE, TYPE_NOT_ALLOWED, NAME_DOES_NOT_MATCH_CONTENT }

    private final Reason reason;

    public UploadRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
