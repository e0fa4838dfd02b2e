package uk.gov.inspectorates.portal.web.api;

import java.util.List;

/** RFC 9457 problem details; {@code type} is stable and never carries a stack trace. */
public record Problem(String type, String title, int status, String detail, String rule,
                      List<InvalidField> errors,
                      @jakarta.json.bind.annotation.JsonbTransient Long retryAfterSeconds) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:inspectorates-portal:problem:";

    public record InvalidField(String field, String message) {
    }

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, List.of(), null);
    }

    public Problem withRule(String ruleName) {
        return new Problem(type, title, status, detail, ruleName, errors, retryAfterSeconds);
    }

    public Problem withErrors(List<InvalidField> fieldErrors) {
        return new Problem(type, title, status, detail, rule, List.copyOf(fieldErrors), retryAfterSeconds);
    }

    /** When to try again ({@code Retry-After}, seconds); a 503 without one gets {@link Problems#RETRY_AFTER_SECONDS}. */
    public Problem withRetryAfter(long seconds) {
        return new Problem(type, title, status, detail, rule, errors, seconds);
    }

    /** The {@code Retry-After} this problem is sent with, if any: its own, or the default for every 503. */
    @jakarta.json.bind.annotation.JsonbTransient
    public java.util.OptionalLong retryAfter() {
        if (retryAfterSeconds != null) {
            return java.util.OptionalLong.of(retryAfterSeconds);
        }
        return status == 503 ? java.util.OptionalLong.of(Problems.RETRY_AFTER_SECONDS) : java.util.OptionalLong.empty();
    }
}
