package uk.gov.inspectorates.portal.core.account;

import java.time.Duration;
import java.time.Instant;

/**
 * Too many failed sign-ins with this name: it is locked for a while, whatever is entered (the same for an account and
 * for a name that is none). Says when to try again.
 */
public class SignInLocked extends SignInRefused {

    private final Instant until;
    private final Duration retryAfter;

    public SignInLocked(Instant until, Duration retryAfter) {
        super("There have been too many failed attempts to sign in with this username. Try again in "
                + minutes(retryAfter) + ".");
        this.until = until;
        this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }

    public Instant until() {
        return until;
    }

    /** How long until a sign-in may be tried again, never negative (for {@code Retry-After}). */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up: trying again after them is never too early. */
    public long retryAfterSeconds() {
        return retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
    }

    private static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
