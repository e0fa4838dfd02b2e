package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import uk.gov.inspectorates.portal.core.access.SignInService;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.web.session.PortalSession;

@Path("session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    SignInService signIn;

    @Inject
    CurrentSubject current;

    @Context
    HttpServletRequest request;

    /** Local sign-in: {@code {username, password, otp}}; the second factor arrives with agency accounts. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.SessionView signIn(String json) {
        JsonObject body = JsonBodies.object(json);
        String username = JsonBodies.text(body, "username");
        String password = JsonBodies.text(body, "password");
        if (username == null || password == null) {
            throw InvalidInput.of("username", "Enter your username and password");
        }
        Subject subject = signIn.signIn(username, password.toCharArray());
        String csrfToken = PortalSession.signIn(request, subject);
        return new Views.SessionView(csrfToken, Views.UserView.of(subject));
    }

    @DELETE
    public Response signOut() {
        signIn.signOut(current.get());
        PortalSession.signOut(request);
        return Response.noContent().build();
    }
}
