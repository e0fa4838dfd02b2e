package uk.gov.inspectorates.portal.core.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Server-side sessions with an idle and an absolute time-out. The session id handed out is random; only its hash is
 * kept, so a copy of the table does not let anyone take over a session.
 */
public final class PortalSessions {

    /** Last-seen times are written at most this often, so that every request does not write. */
    static final Duration TOUCH_INTERVAL = Duration.ofSeconds(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Timeouts(Duration idle, Duration absolute) {
        public Timeouts {
            if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
                throw new IllegalArgumentException("time-outs: idle " + idle + ", absolute " + absolute);
            }
        }
    }

    private final SessionRegistry registry;
    private final AuditTrail audit;
    private final Clock clock;
    private final UnitOfWork unitOfWork;
    private final Timeouts timeouts;

    public PortalSessions(SessionRegistry registry, AuditTrail audit, Clock clock, Timeouts timeouts) {
        this(registry, audit, clock, timeouts, UnitOfWork.NONE);
    }

    public PortalSessions(SessionRegistry registry, AuditTrail audit, Clock clock, Timeouts timeouts,
                          UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.registry = Objects.requireNonNull(registry);
        this.audit = audit;
        this.clock = clock;
        this.timeouts = timeouts;
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    /** A new session for the person; the returned id goes into their HTTP session and nowhere else. */
    public String start(String userId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        registry.open(new SessionRegistry.Entry(hash(id), userId, now, now));
        return id;
    }

    /** The person the session belongs to, while it is live; an expired session is ended on the way. */
    public Optional<String> check(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String idHash = hash(id);
        Optional<SessionRegistry.Entry> entry = registry.find(idHash);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        SessionRegistry.Entry live = entry.get();
        String expiry = !now.isBefore(live.createdAt().plus(timeouts.absolute())) ? "absolute time-out"
                : !now.isBefore(live.lastSeenAt().plus(timeouts.idle())) ? "idle time-out" : null;
        if (expiry != null) {
            unitOfWork.run(() -> {
                registry.close(idHash);
                audit.record(new AuditEvent(now, live.userId(), null, AuditActions.SESSION_END, "USER",
                        live.userId(), AuditEvent.Outcome.SUCCEEDED, expiry));
            });
            return Optional.empty();
        }
        if (!now.isBefore(live.lastSeenAt().plus(TOUCH_INTERVAL))) {
            registry.touch(idHash, now);
        }
        return Optional.of(live.userId());
    }

    public void end(String id) {
        if (id != null) {
            registry.close(hash(id));
        }
    }

    /** Sign-out everywhere, or a person removed or disabled: every session of theirs ends at its next request. */
    public int endAll(String userId, String reason) {
        return unitOfWork.inOne(() -> endAllInUnit(userId, reason));
    }

    private int endAllInUnit(String userId, String reason) {
        int ended = registry.closeAll(userId);
        audit.record(new AuditEvent(clock.instant(), userId, null, AuditActions.SESSION_END, "USER", userId,
                AuditEvent.Outcome.SUCCEEDED, reason + " (" + ended + " sessions)"));
        return ended;
    }

    static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
