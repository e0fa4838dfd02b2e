package uk.gov.inspectorates.portal.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import uk.gov.inspectorates.portal.core.account.SignInLocked;

/** Every failure of the API leaves as application/problem+json; one that says to wait, with {@code Retry-After}. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable failure) {
        Response response = response(Problems.from(failure));
        if (failure instanceof SignInLocked locked) {
            response.getHeaders().putSingle("Retry-After", locked.retryAfterSeconds());
        }
        return response;
    }

    public static Response response(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        problem.retryAfter().ifPresent(seconds -> response.header("Retry-After", seconds));
        return response.build();
    }
}
