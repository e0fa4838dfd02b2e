package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import uk.gov.inspectorates.portal.core.retention.HoldTarget;

/** The legal hold on a report: set and lifted by an administrator of its originating inspectorate. */
@Path("reports/{id}/legal-hold")
@Produces(MediaType.APPLICATION_JSON)
public class ReportLegalHoldResource {

    @Inject
    LegalHoldViews legalHold;

    @GET
    public LegalHoldViews.HoldView view(@PathParam("id") String id) {
        return legalHold.view(HoldTarget.report(id));
    }

    /** Body {@code {"reason": "..."}}. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public LegalHoldViews.HoldView set(@PathParam("id") String id, String body) {
        return legalHold.set(HoldTarget.report(id), body);
    }

    /** Body {@code {"reason": "..."}}, or (for clients that send no body with DELETE) {@code ?reason=...}. */
    @Produces(MediaType.WILDCARD) // 204 without a body: any Accept, e.g. only application/problem+json (ADR 0042)
    @DELETE
    public Response lift(@PathParam("id") String id, @QueryParam("reason") String reason, String body) {
        return legalHold.lift(HoldTarget.report(id), reason, body);
    }
}
