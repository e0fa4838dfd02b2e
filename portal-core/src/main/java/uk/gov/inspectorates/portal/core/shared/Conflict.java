package uk.gov.inspectorates.portal.core.shared;

/** The request does not fit the resource's current state (e.g. parts still missing, already complete). */
public class Conflict extends RuntimeException {
    public Conflict(String message) {
        super(message);
    }
}
