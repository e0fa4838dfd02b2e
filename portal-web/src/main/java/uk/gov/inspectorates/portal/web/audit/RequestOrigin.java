package uk.gov.inspectorates.portal.web.audit;

import uk.gov.inspectorates.portal.core.audit.AuditOrigin;

/**
 * Where the request being served on this thread comes from, for the audit events it causes; set by
 * {@link AuditOriginFilter} for the length of the request, {@link AuditOrigin#NONE}'s answer on any other thread
 * (sweeps, start-up, workers).
 */
public final class RequestOrigin implements AuditOrigin {

    /** User agents are kept to this many characters (a header can be kilobytes long). */
    static final int USER_AGENT_LENGTH = 256;

    private static final ThreadLocal<Origin> CURRENT = new ThreadLocal<>();

    @Override
    public Origin current() {
        Origin origin = CURRENT.get();
        return origin == null ? NONE.current() : origin;
    }

    static void set(Origin origin) {
        CURRENT.set(origin);
    }

    static void clear() {
        CURRENT.remove();
    }

    /** A user agent as recorded: control characters removed, at most {@value #USER_AGENT_LENGTH} characters. */
    static String userAgent(String header) {
        if (header == null) {
            return null;
        }
        String printable = header.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u200E\\u200F\\u202A-\\u202E]", "").strip();
        if (printable.isEmpty()) {
            return null;
        }
        return printable.length() > USER_AGENT_LENGTH ? printable.substring(0, USER_AGENT_LENGTH) : printable;
    }
}
