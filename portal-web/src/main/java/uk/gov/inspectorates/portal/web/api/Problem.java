package uk.gov.inspectorates.portal.web.api;

import java.util.List;

/** RFC 9457 problem details; {@code type} is stable and never carries a stack trace. */
public record Problem(String type, String title, int status, String detail, String rule,
                      List<InvalidField> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:inspectorates-portal:problem:";

    public record InvalidField(String field, String message) {
    }

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, List.of());
    }

    public Problem withRule(String ruleName) {
        return new Problem(type, title, status, detail, ruleName, errors);
    }

    public Problem withErrors(List<InvalidField> fieldErrors) {
        return new Problem(type, title, status, detail, rule, List.copyOf(fieldErrors));
    }
}
