package uk.gov.inspectorates.portal.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import uk.gov.inspectorates.portal.core.report.AnnexBReportTypes;

/** The Annex B report types: reference data, the same for everyone signed in. */
@Path("report-types")
@Produces(MediaType.APPLICATION_JSON)
public class ReportTypesResource {

    @GET
    public List<Views.ReportTypeView> reportTypes() {
        return AnnexBReportTypes.all().stream().map(Views.ReportTypeView::of).toList();
    }
}
