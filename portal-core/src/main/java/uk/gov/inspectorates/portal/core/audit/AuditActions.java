package uk.gov.inspectorates.portal.core.audit;

/** The names of audited actions, as a SIRO searches for them. */
public final class AuditActions {
    public static final String SIGN_IN = "SIGN_IN";
    public static final String SIGN_OUT = "SIGN_OUT";
    public static final String REPORT_SHARE = "REPORT_SHARE";
    public static final String REPORT_LIST = "REPORT_LIST";
    public static final String REPORT_VIEW = "REPORT_VIEW";
    public static final String REPORT_DOWNLOAD = "REPORT_DOWNLOAD";

    private AuditActions() {
    }
}
