package uk.gov.inspectorates.portal.core.shared;

/** No such resource, or one the subject may not know exists: the two are indistinguishable from outside. */
public class NotFound extends RuntimeException {
    public NotFound(String what) {
        super(what + " not found");
    }
}
