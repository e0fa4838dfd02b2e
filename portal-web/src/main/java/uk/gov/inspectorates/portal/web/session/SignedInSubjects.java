package uk.gov.inspectorates.portal.web.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.account.PortalSessions;
import uk.gov.inspectorates.portal.core.account.SignInService;
import uk.gov.inspectorates.portal.core.access.Subject;

/**
 * Who is signed in on a request: the session's row in the shared registry must still be live (idle and absolute
 * time-outs, not ended everywhere: {@link PortalSession#userId}), and the person is re-read from the directory so
 * that changes to roles and teams apply at once; the sessions of someone deactivated (or removed) since they signed
 * in end here.
 */
@ApplicationScoped
public class SignedInSubjects {

    @Inject
    SignInService signIn;

    @Inject
    PortalSessions sessions;

    public Optional<Subject> of(HttpServletRequest request) {
        Optional<String> userId = PortalSession.userId(request);
        if (userId.isEmpty()) {
            return Optional.empty();
        }
        Optional<Subject> subject = signIn.current(userId.get());
        if (subject.isEmpty()) {
            sessions.endAll(userId.get(), "person deactivated or no longer in the directory");
            PortalSession.signOut(request);
        }
        return subject;
    }
}
