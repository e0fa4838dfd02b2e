package uk.gov.inspectorates.portal.web.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.Set;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.web.session.PortalSession;
import uk.gov.inspectorates.portal.web.session.SignedInSubjects;

/**
 * Every API call but signing in needs a signed-in session (else 401); every state-changing call also needs the
 * session's CSRF token in {@code X-CSRF-Token} (else 403).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiSessionFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    HttpServletRequest request;

    @Inject
    SignedInSubjects subjects;

    @Inject
    CurrentSubject current;

    @Override
    public void filter(ContainerRequestContext context) {
        if (isSignIn(context) || isPublic(context)) {
            return;
        }
        Optional<Subject> subject = subjects.of(request);
        if (subject.isEmpty()) {
            context.abortWith(ProblemMapper.response(Problems.notSignedIn()));
            return;
        }
        if (!SAFE_METHODS.contains(context.getMethod())
                && !PortalSession.csrfTokenMatches(request, context.getHeaderString(PortalSession.CSRF_HEADER))) {
            context.abortWith(ProblemMapper.response(Problems.csrfTokenMissing()));
            return;
        }
        current.set(subject.get());
    }

    /** The removal certificates' verification key is published: anyone may check a certificate (ADR 0030). */
    private static boolean isPublic(ContainerRequestContext context) {
        return "GET".equals(context.getMethod())
                && "removal-certificates/verification-key".equals(context.getUriInfo().getPath().replaceAll("^/", ""));
    }

    private static boolean isSignIn(ContainerRequestContext context) {
        return "POST".equals(context.getMethod()) && "session".equals(context.getUriInfo().getPath().replace("/", ""));
    }
}
