package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import uk.gov.inspectorates.portal.core.account.PortalSessions;
import uk.gov.inspectorates.portal.core.account.SignInService;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.web.session.PortalSession;

@Path("session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    static final String EVERYWHERE = "everywhere";

    @Inject
    SignInService signIn;

    @Inject
    PortalSessions sessions;

    @Inject
    CurrentSubject current;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.SessionView signIn(String json) {
        JsonObject body = JsonBodies.object(json);
        String username = JsonBodies.text(body, "username");
        String password = JsonBodies.text(body, "password");
        String otp = JsonBodies.text(body, "otp");
        List<FieldError> missing = new ArrayList<>();
        if (username == null || password == null) {
            missing.add(new FieldError(username == null ? "username" : "password", "Enter your username and password"));
        }
        if (otp == null) {
            missing.add(new FieldError("otp", "Enter the security code from your authenticator app"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidInput(missing);
        }
        Subject subject = signIn.signIn(username, password.toCharArray(), otp);
        String csrfToken = PortalSession.signIn(request, response, subject);
        return new Views.SessionView(csrfToken, Views.UserView.of(subject));
    }

    @Produces(MediaType.WILDCARD) // 204 without a body: any Accept, e.g. only application/problem+json (ADR 0042)
    @DELETE
    public Response signOut(@QueryParam("scope") String scope) {
        Subject subject = current.get();
        signIn.signOut(subject.userId(), subject.organisation().id());
        PortalSession.signOut(request, response);
        if (EVERYWHERE.equals(scope)) {
            sessions.endAll(subject.userId(), "signed out everywhere");
        }
        return Response.noContent().build();
    }
}
