package uk.gov.inspectorates.portal.web.session;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.gov.inspectorates.portal.core.account.PortalSessions;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.web.config.PortalConfiguration;

/**
 * The session of a signed-in person, held in PostgreSQL so that every portal instance of a cluster reads it
 * (docs/adr/0043): the {@value #COOKIE_NAME} cookie carries 256 random bits, the shared registry
 * ({@code portal_session}) keeps only their SHA-256 with the person and the time-outs. No HTTP session of the
 * container is used: an instance that dies takes nothing with it. The CSRF token is derived from the session id
 * (a hash under its own label), so it needs no storage and a copy of the table does not reveal it. A new id is
 * issued at every sign-in, so a session fixed before sign-in is worthless after it.
 */
public final class PortalSession {

    public static final String COOKIE_NAME = "portal_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "csrfToken";
    /** This request's session id once read (or set at sign-in, or {@link #ENDED}), and the person it belongs to. */
    private static final String ID_ATTRIBUTE = "portal.sessionId";
    private static final String OWNER_ATTRIBUTE = "portal.sessionOwner";
    private static final String ENDED = "";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private PortalSession() {
    }

    /**
     * Starts (or restarts) the session for the subject and returns its new CSRF token: a session this browser had
     * ends, a new row is opened in the shared registry and its id set as the session cookie.
     */
    public static String signIn(HttpServletRequest request, HttpServletResponse response, Subject subject) {
        PortalSessions sessions = sessions();
        sessionId(request).ifPresent(sessions::end);
        String id = sessions.start(subject.userId());
        request.setAttribute(ID_ATTRIBUTE, id);
        request.setAttribute(OWNER_ATTRIBUTE, Optional.of(subject.userId()));
        response.addHeader("Set-Cookie", cookie(request, id, -1));
        return csrfTokenOf(id);
    }

    /** Ends this browser's session in the registry (every instance refuses it from now on). */
    public static void signOut(HttpServletRequest request) {
        sessionId(request).ifPresent(id -> sessions().end(id));
        request.setAttribute(ID_ATTRIBUTE, ENDED);
        request.setAttribute(OWNER_ATTRIBUTE, Optional.empty());
    }

    /** Ends the session and tells the browser to forget its cookie. */
    public static void signOut(HttpServletRequest request, HttpServletResponse response) {
        signOut(request);
        response.addHeader("Set-Cookie", cookie(request, "", 0));
    }

    /**
     * The person whose live session this request carries: checked once a request against the shared registry (idle
     * and absolute time-outs, sign-out everywhere), whichever instance answers.
     */
    @SuppressWarnings("unchecked")
    public static Optional<String> userId(HttpServletRequest request) {
        Object known = request.getAttribute(OWNER_ATTRIBUTE);
        if (known instanceof Optional<?> owner) {
            return (Optional<String>) owner;
        }
        Optional<String> owner = sessionId(request).flatMap(id -> sessions().check(id));
        request.setAttribute(OWNER_ATTRIBUTE, owner);
        return owner;
    }

    public static Optional<String> csrfToken(HttpServletRequest request) {
        return userId(request).isEmpty() ? Optional.empty() : sessionId(request).map(PortalSession::csrfTokenOf);
    }

    /** Constant-time comparison of a presented token with the session's. */
    public static boolean csrfTokenMatches(HttpServletRequest request, String presented) {
        Optional<String> expected = csrfToken(request);
        return presented != null && expected.isPresent() && MessageDigest.isEqual(
                expected.get().getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** The session id this request carries (its cookie, or the one just issued), if well formed and not ended. */
    static Optional<String> sessionId(HttpServletRequest request) {
        Object known = request.getAttribute(ID_ATTRIBUTE);
        if (known instanceof String id) {
            return id.equals(ENDED) ? Optional.empty() : Optional.of(id);
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE_NAME.equals(cookie.getName()) && cookie.getValue() != null
                        && WELL_FORMED.matcher(cookie.getValue()).matches()) {
                    return Optional.of(cookie.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** The CSRF token of a session: SHA-256 of the id under its own label (never the registry's hash of the id). */
    static String csrfTokenOf(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("portal csrf-token\u0000" + sessionId).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** HttpOnly, SameSite=Strict, Secure unless the local http run turns it off; a browser-session cookie. */
    static String cookie(HttpServletRequest request, String value, long maxAgeSeconds) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        boolean secure = CDI.current().select(PortalConfiguration.class).get().cookieSecure();
        return COOKIE_NAME + "=" + value + "; Path=" + path + (maxAgeSeconds >= 0 ? "; Max-Age=" + maxAgeSeconds : "")
                + (secure ? "; Secure" : "") + "; HttpOnly; SameSite=Strict";
    }

    private static PortalSessions sessions() {
        return CDI.current().select(PortalSessions.class).get();
    }
}
