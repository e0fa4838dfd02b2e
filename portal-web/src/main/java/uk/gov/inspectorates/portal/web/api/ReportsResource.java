package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportDownload;
import uk.gov.inspectorates.portal.core.report.ReportService;
import uk.gov.inspectorates.portal.web.content.DocumentResponses;
import uk.gov.inspectorates.portal.web.upload.ReportUploadReader;

@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    @Inject
    ReportService reports;

    @Inject
    CurrentSubject current;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @GET
    public List<Views.ReportView> list() {
        return reports.visibleTo(current.get()).stream().map(Views.ReportView::of).toList();
    }

    /** Multipart: {@code metadata} (JSON) first, then {@code file}. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response share() {
        Report report = new ReportUploadReader(reports).read(request, current.get(), fields -> { },
                fields -> ReportMetadataJson.draftOf(fields.get("metadata")));
        return Response.created(uri.getAbsolutePathBuilder().path(report.id()).build())
                .entity(Views.ReportView.of(report)).build();
    }

    @GET
    @Path("{id}")
    public Views.ReportView view(@PathParam("id") String id) {
        return Views.ReportView.of(reports.view(current.get(), id));
    }

    /**
     * Removes the report for good (crypto-shredding: its key-encryption key is destroyed, then its object and rows
     * are deleted, and an audit tombstone is written). Only an administrator of the originating inspectorate.
     */
    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id) {
        reports.remove(current.get(), id, "removed through the API");
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("id") String id) {
        ReportDownload download = reports.download(current.get(), id);
        return DocumentResponses.attachment(download);
    }
}
