package uk.gov.inspectorates.portal.web.session;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.account.PortalSessions;
import uk.gov.inspectorates.portal.core.access.Subject;

/**
 * The server-side session of a signed-in person: who they are and their CSRF token. The session id is replaced at
 * sign-in, so a session fixed before sign-in is worthless after it.
 */
public final class PortalSession {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "csrfToken";
    private static final String REGISTRY_ID = "portal.sessionId";
    private static final String USER_ID = "portal.userId";
    private static final String CSRF_TOKEN = "portal.csrfToken";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PortalSession() {
    }

    /**
     * Starts (or restarts) the session for the subject and returns its new CSRF token. The HTTP session is replaced
     * and a row in the shared session registry opened, which every later request checks (time-outs, sign-out
     * everywhere).
     */
    public static String signIn(HttpServletRequest request, Subject subject) {
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            end(existing);
        }
        PortalSessions sessions = CDI.current().select(PortalSessions.class).get();
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval((int) sessions.timeouts().idle().toSeconds());
        String token = newToken();
        session.setAttribute(USER_ID, subject.userId());
        session.setAttribute(CSRF_TOKEN, token);
        session.setAttribute(REGISTRY_ID, sessions.start(subject.userId()));
        return token;
    }

    public static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            end(session);
        }
    }

    /** The id of this session's row in the registry. */
    static Optional<String> registryId(HttpServletRequest request) {
        return attribute(request, REGISTRY_ID);
    }

    private static void end(HttpSession session) {
        Object registryId = session.getAttribute(REGISTRY_ID);
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            // nothing to do
        }
        if (registryId != null) {
            CDI.current().select(PortalSessions.class).get().end((String) registryId);
        }
    }

    public static Optional<String> userId(HttpServletRequest request) {
        return attribute(request, USER_ID);
    }

    public static Optional<String> csrfToken(HttpServletRequest request) {
        return attribute(request, CSRF_TOKEN);
    }

    /** Constant-time comparison of a presented token with the session's. */
    public static boolean csrfTokenMatches(HttpServletRequest request, String presented) {
        Optional<String> expected = csrfToken(request);
        return presented != null && expected.isPresent() && MessageDigest.isEqual(
                expected.get().getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    private static Optional<String> attribute(HttpServletRequest request, String name) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(name));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
