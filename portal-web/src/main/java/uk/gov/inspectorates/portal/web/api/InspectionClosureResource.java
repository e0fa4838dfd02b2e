package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionClosures;
import uk.gov.inspectorates.portal.core.inspection.InspectionService;
import uk.gov.inspectorates.portal.core.shared.NotFound;

/**
 * Closing an inspection (issue 17, docs/adr/0028): {@code POST} closes it (201 with the closure; 409 when closed
 * already or, for the lead inspector, before the findings letter is published), {@code GET} reads the closure.
 */
@Path("inspections/{id}/closure")
@Produces(MediaType.APPLICATION_JSON)
public class InspectionClosureResource {

    /** Who closed the inspection, when, and when its export window ends (the JTAI_AFTER_CLOSURE policy). */
    public record ClosureView(String inspectionId, String closedBy, String closedByName, Instant closedAt,
                              Instant exportWindowEndsAt) {
        static ClosureView of(InspectionClosures.End end) {
            return new ClosureView(end.closure().inspectionId(), end.closure().closedBy(), end.closedByName(),
                    end.closure().closedAt(), end.exportWindowEndsAt());
        }
    }

    @Inject
    InspectionClosures closures;

    @Inject
    InspectionService inspections;

    @Inject
    CurrentSubject current;

    @Context
    UriInfo uri;

    @POST
    public Response close(@PathParam("id") String id) {
        InspectionClosures.End end = closures.close(current.get(), id);
        return Response.created(uri.getAbsolutePath()).entity(ClosureView.of(end)).build();
    }

    /** 404 while the inspection is open, or to anyone who may not see it. */
    @GET
    public ClosureView closure(@PathParam("id") String id) {
        Inspection inspection = inspections.view(current.get(), id).inspection();
        return closures.endOf(current.get(), inspection).map(ClosureView::of)
                .orElseThrow(() -> new NotFound("closure"));
    }
}
