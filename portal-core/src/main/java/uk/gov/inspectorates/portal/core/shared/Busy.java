package uk.gov.inspectorates.portal.core.shared;

import java.time.Duration;
import java.util.Objects;

/**
 * The portal is full for this request just now, under a named rule: nothing of the request was kept, and the caller
 * is told when to try again ({@code Retry-After}). {@link Scope#YOURS} is a limit of the caller's own (429: too
 * many of your uploads at once); {@link Scope#PORTAL} is a limit the portal shares (503: the scanner's queue, the
 * stamping budget). Never a refusal of what was sent: busy is not bad.
 */
public class Busy extends RuntimeException {

    /** Whose limit was reached: the caller's own (429) or the portal's (503). */
    public enum Scope { YOURS, PORTAL }

    private final String rule;
    private final Scope scope;
    private final Duration retryAfter;

    public Busy(String rule, Scope scope, Duration retryAfter, String message) {
        super(message);
        this.rule = Objects.requireNonNull(rule, "rule");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("Retry-After must be at least one second");
        }
    }

    /** The rule id, e.g. {@code upload.concurrent-per-user}; it travels into the problem and the audit event. */
    public String rule() {
        return rule;
    }

    public Scope scope() {
        return scope;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds for {@code Retry-After}, rounded up, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
