package uk.gov.inspectorates.portal.core.shared;

/** The subject may know the resource exists, but may not do this with it; carries the deciding rule. */
public class AccessDenied extends RuntimeException {
    private final String rule;

    public AccessDenied(String rule) {
        super("not permitted by rule " + rule);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
