package uk.gov.inspectorates.portal.core.access;

import java.util.Objects;

/** The policy's answer, naming the rule that decided it (shown in 403 bodies and kept in the audit trail). */
public record Decision(boolean permitted, String rule) {

    public Decision {
        Objects.requireNonNull(rule, "rule");
    }

    public static Decision permit(String rule) {
        return new Decision(true, rule);
    }

    public static Decision deny(String rule) {
        return new Decision(false, rule);
    }
}
