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

/**
 * The progress of one browser accepting one invitation (the password's hash and the new TOTP secret, never the
 * password), kept for the cluster in {@link EnrolmentsInProgress} for at most {@link #LIFETIME}. The browser holds a
 * random key; progress is found only with that key and the same invitation's token, so another browser with the
 * link starts again at the password step and never sees the secret.
 */
public final class EnrolmentProgress {

    public static final Duration LIFETIME = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Progress(String passwordHash, byte[] secret) {
    }

    private final EnrolmentsInProgress store;
    private final Clock clock;

    public EnrolmentProgress(EnrolmentsInProgress store, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Keeps the progress and returns the browser's new key (for its cookie and nowhere else). */
    public String begin(String invitationToken, String passwordHash, byte[] secret) {
        Instant now = clock.instant();
        store.forgetStartedBefore(now.minus(LIFETIME));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String browserKey = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.keep(new EnrolmentsInProgress.Entry(hash(browserKey), hash(invitationToken), passwordHash, secret, now));
        return browserKey;
    }

    /** The progress this browser made with this invitation, while it is fresh. */
    public Optional<Progress> of(String browserKey, String invitationToken) {
        if (browserKey == null || invitationToken == null) {
            return Optional.empty();
        }
        Instant oldest = clock.instant().minus(LIFETIME);
        return store.find(hash(browserKey))
                .filter(entry -> MessageDigest.isEqual(entry.invitationTokenHash().getBytes(StandardCharsets.US_ASCII),
                        hash(invitationToken).getBytes(StandardCharsets.US_ASCII)))
                .filter(entry -> entry.startedAt().isAfter(oldest))
                .map(entry -> new Progress(entry.passwordHash(), entry.secret()));
    }

    public void forget(String browserKey) {
        if (browserKey != null) {
            store.forget(hash(browserKey));
        }
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
