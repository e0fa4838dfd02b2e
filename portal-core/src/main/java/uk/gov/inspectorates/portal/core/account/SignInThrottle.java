package uk.gov.inspectorates.portal.core.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Slows password guessing against one account: the first few failures cost nothing (people mistype), after that
 * each failure locks the account for twice as long as the last, up to an hour. The cap keeps an attacker who knows
 * a username from locking its owner out for longer than that. Attempts refused while locked should not be checked
 * or counted; a successful sign-in resets the count ({@link Failures#none()}), and so does a day without failures.
 * A name that is no account is throttled the same way ({@link SignInFailures}), so the answers do not tell them apart.
 */
public final class SignInThrottle {

    public static final int FREE_FAILURES = 5;
    public static final Duration FIRST_LOCKOUT = Duration.ofMinutes(1);
    public static final Duration MAX_LOCKOUT = Duration.ofMinutes(60);
    /** Failures older than this (since the last one) no longer count, for accounts and unknown names alike. */
    public static final Duration FORGET_AFTER = Duration.ofHours(24);

    /** What is kept per account between attempts. */
    public record Failures(int count, Instant last) {
        public Failures {
            if (count < 0 || (count > 0) != (last != null)) {
                throw new IllegalArgumentException("failures need a time, and only then: " + count + " at " + last);
            }
        }

        public static Failures none() {
            return new Failures(0, null);
        }

        /** These failures as they count at {@code now}: none once the last is more than {@link #FORGET_AFTER} old. */
        public Failures asOf(Instant now) {
            return last != null && last.isBefore(now.minus(FORGET_AFTER)) ? none() : this;
        }

        public Failures plus(Instant failure) {
            return new Failures(count == Integer.MAX_VALUE ? count : count + 1, Objects.requireNonNull(failure));
        }
    }

    /** Whether a sign-in may be tried now, and if not, from when. */
    public record Verdict(boolean allowed, Instant lockedUntil) {
        static Verdict allow() {
            return new Verdict(true, null);
        }

        static Verdict locked(Instant until) {
            return new Verdict(false, until);
        }
    }

    public Verdict check(Failures failures, Instant now) {
        return check(failures.count(), failures.last(), now);
    }

    public Verdict check(int failedAttempts, Instant lastFailure, Instant now) {
        Duration lockout = lockoutAfter(failedAttempts);
        if (lockout.isZero()) {
            return Verdict.allow();
        }
        Instant until = Objects.requireNonNull(lastFailure, "lastFailure").plus(lockout);
        return now.isBefore(until) ? Verdict.locked(until) : Verdict.allow();
    }

    /** None for the first {@link #FREE_FAILURES}; then 1, 2, 4 ... minutes, at most {@link #MAX_LOCKOUT}. */
    public static Duration lockoutAfter(int failedAttempts) {
        if (failedAttempts < 0) {
            throw new IllegalArgumentException("failed attempts: " + failedAttempts);
        }
        int doublings = failedAttempts - FREE_FAILURES - 1;
        if (doublings < 0) {
            return Duration.ZERO;
        }
        if (doublings >= 6) {
            return MAX_LOCKOUT; // 2^6 minutes is already past the cap, and larger shifts would overflow
        }
        Duration lockout = FIRST_LOCKOUT.multipliedBy(1L << doublings);
        return lockout.compareTo(MAX_LOCKOUT) > 0 ? MAX_LOCKOUT : lockout;
    }
}
