package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import uk.gov.inspectorates.portal.core.inspection.InspectionService;

/** The local authority areas and their agencies (reference data for opening inspections and making requests). */
@Path("local-authority-areas")
@Produces(MediaType.APPLICATION_JSON)
public class LocalAuthorityAreasResource {

    @Inject
    InspectionService inspections;

    @GET
    public List<JtaiViews.AreaView> list() {
        return inspections.localAuthorityAreas().stream().map(JtaiViews.AreaView::of).toList();
    }
}
