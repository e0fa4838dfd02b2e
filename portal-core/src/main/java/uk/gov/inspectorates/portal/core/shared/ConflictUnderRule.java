package uk.gov.inspectorates.portal.core.shared;

import java.util.Objects;

/** A state conflict a named rule decides (e.g. a legal hold stopping a removal): a 409 whose problem names it. */
public class ConflictUnderRule extends Conflict {
    private final String rule;

    public ConflictUnderRule(String rule, String message) {
        super(message);
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    public String rule() {
        return rule;
    }
}
