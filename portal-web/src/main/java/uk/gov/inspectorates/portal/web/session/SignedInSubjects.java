package uk.gov.inspectorates.portal.web.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.access.SignInService;
import uk.gov.inspectorates.portal.core.access.Subject;

/**
 * Who is signed in on a request, re-read from the directory so that changes to roles and teams apply at once; the
 * session of someone deactivated (or removed) since they signed in ends here.
 */
@ApplicationScoped
public class SignedInSubjects {

    @Inject
    SignInService signIn;

    public Optional<Subject> of(HttpServletRequest request) {
        Optional<String> userId = PortalSession.userId(request);
        Optional<Subject> subject = userId.flatMap(signIn::current);
        if (userId.isPresent() && subject.isEmpty()) {
            PortalSession.signOut(request);
        }
        return subject;
    }
}
