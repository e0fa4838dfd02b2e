package uk.gov.inspectorates.portal.core.shared;

/** The request does not fit the resource's current state (e.g. parts still missing, already complete). */
public class Conflict extends RuntimeException {
    private final String rule;

    public Conflict(String message) {
        this(message, null);
    }

    /** A conflict with a named rule (its id goes into the problem body, as a 403's does). */
    public Conflict(String message, String rule) {
        super(message);
        this.rule = rule;
    }

    /** The id of the rule that refused, or null. */
    public String rule() {
        return rule;
    }
}
