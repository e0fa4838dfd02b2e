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

/** The legal hold on an inspection: set and lifted by an administrator of a participating inspectorate. */
@Path("inspections/{id}/legal-hold")
@Produces(MediaType.APPLICATION_JSON)
public class InspectionLegalHoldResource {

    @Inject
    LegalHoldViews legalHold;

    @GET
    public LegalHoldViews.HoldView view(@PathParam("id") String id) {
        return legalHold.view(HoldTarget.inspection(id));
    }

    /** Body {@code {"reason": "..."}}. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public LegalHoldViews.HoldView set(@PathParam("id") String id, String body) {
        return legalHold.set(HoldTarget.inspection(id), body);
    }

    /** Body {@code {"reason": "..."}}, or (for clients that send no body with DELETE) {@code ?reason=...}. */
    @Produces(MediaType.WILDCARD) // 204 without a body: any Accept, e.g. only application/problem+json (ADR 0042)
    @DELETE
    public Response lift(@PathParam("id") String id, @QueryParam("reason") String reason, String body) {
        return legalHold.lift(HoldTarget.inspection(id), reason, body);
    }
}
