package uk.gov.inspectorates.portal.web.api;

import jakarta.enterprise.context.RequestScoped;
import uk.gov.inspectorates.portal.core.access.Subject;

/** The signed-in subject of the current API request, set by {@link ApiSessionFilter}. */
@RequestScoped
public class CurrentSubject {

    private Subject subject;

    void set(Subject signedIn) {
        this.subject = signedIn;
    }

    public Subject get() {
        if (subject == null) {
            throw new IllegalStateException("no signed-in subject on this request");
        }
        return subject;
    }
}
