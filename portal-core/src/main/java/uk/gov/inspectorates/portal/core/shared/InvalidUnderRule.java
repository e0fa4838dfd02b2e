package uk.gov.inspectorates.portal.core.shared;

import java.util.List;
import java.util.Objects;

/** Invalid input that breaks a named rule (e.g. a retention minimum): a 422 whose problem names the rule. */
public class InvalidUnderRule extends InvalidInput {
    private final String rule;

    public InvalidUnderRule(String rule, List<FieldError> errors) {
        super(errors);
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    public String rule() {
        return rule;
    }
}
