package uk.gov.inspectorates.portal.core.account.sso;

import java.util.Objects;

/**
 * A sign-in through an identity provider that was refused. The reason is a stable code (such as
 * {@code signature-missing}, {@code audience-mismatch}, {@code replayed}) kept in the audit trail; the person only
 * ever sees that signing in did not work.
 */
public class SsoRefused extends RuntimeException {

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
