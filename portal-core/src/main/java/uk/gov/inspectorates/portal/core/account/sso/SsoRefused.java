package uk.gov.inspectorates.portal.core.account.sso;

import java.util.Objects;

/**
 * A sign-in through an identity provider that was refused. The reason is a stable code (such as
 * {@code signature-missing}, {@code audience-mismatch}, {@code replayed}) kept in the audit trail; the person only
 * ever sees that signing in did not work.
 */
public class SsoRefused extends RuntimeException {

    /**
     * The response answers a request this browser did not start (it brought no sign-in cookie, or another request's):
     * someone else's sign-in, posted from here. The person is asked to start again from this browser.
     */
    public static final String BROWSER_MISMATCH = "browser-mismatch";

    private final String reason;

    public SsoRefused(String reason, String detail) {
        super(reason + (detail == null ? "" : ": " + detail));
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public SsoRefused(String reason, String detail, Throwable cause) {
        this(reason, detail);
        initCause(cause);
    }

    public String reason() {
        return reason;
    }
}
