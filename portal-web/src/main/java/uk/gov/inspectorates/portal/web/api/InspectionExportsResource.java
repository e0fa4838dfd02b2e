package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.util.List;
import uk.gov.inspectorates.portal.core.inspection.ExportRecord;
import uk.gov.inspectorates.portal.core.inspection.InspectionExports;
import uk.gov.inspectorates.portal.web.content.ByteRange;

/**
 * Each participating inspectorate's export of a closed inspection (issue 17, docs/adr/0028). {@code GET
 * .../exports} lists what each will get and who exported what; {@code GET .../exports/{inspectorate}} streams the ZIP,
 * whole or by {@code Range} ({@code Accept-Ranges: bytes}, 206, {@code If-Range} with the ETag), its exact length
 * known in advance.
 */
@Path("inspections/{id}/exports")
public class InspectionExportsResource {

    public record ExportView(String id, String inspectorate, String exportedBy, String exportedByName,
                             Instant exportedAt, int documents, long bytes, String sha256) {
        static ExportView of(InspectionExports.NamedExport named) {
            ExportRecord record = named.record();
            return new ExportView(record.id(), record.inspectorate().name(), record.exportedBy(),
                    named.exportedByName(), record.exportedAt(), record.documents(), record.bytes(), record.sha256());
        }
    }

    public record ShareView(String inspectorate, int documents, long documentBytes, Long archiveBytes,
                            boolean mayExport, String href, List<ExportView> exports) {
    }

    public record OverviewView(String inspectionId, boolean closed, List<ShareView> inspectorates) {
    }

    @Inject
    InspectionExports exports;

    @Inject
    CurrentSubject current;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public OverviewView overview(@PathParam("id") String id) {
        InspectionExports.Overview overview = exports.overview(current.get(), id);
        return new OverviewView(id, overview.closed(), overview.shares().stream()
                .map(share -> new ShareView(share.inspectorate().name(), share.documents(), share.documentBytes(),
                        share.archiveBytes(), share.mayExport(),
                        "/api/v1/inspections/" + id + "/exports/" + share.inspectorate().name(),
                        share.exports().stream().map(ExportView::of).toList()))
                .toList());
    }

    @GET
    @Path("{inspectorate}")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    public Response export(@PathParam("id") String id, @PathParam("inspectorate") String inspectorate,
                           @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange) {
        return respond(exports.export(current.get(), id, inspectorate), range, ifRange);
    }

    /** The export as a response, for the API and the export page alike. */
    public static Response respond(InspectionExports.Download download, String range, String ifRange) {
        long length = download.length();
        String etag = "\"" + download.entityTag() + "\"";
        ByteRange wanted = ByteRange.parse(range, length);
        if (wanted != null && ifRange != null && !download.sameBytesAs(ByteRange.unquoted(ifRange))) {
            wanted = null;
        }
        if (wanted == ByteRange.UNSATISFIABLE) {
            return Response.status(416).header("Content-Range", "bytes */" + length).header("Accept-Ranges", "bytes")
                    .header("ETag", etag).build();
        }
        long from = wanted == null ? 0 : wanted.from();
        long to = wanted == null ? length : wanted.toExclusive();
        StreamingOutput body = output -> download.write(output, from, to);
        Response.ResponseBuilder response = Response.status(wanted == null ? 200 : 206).entity(body)
                .type("application/zip")
                .header("Content-Length", Long.toString(to - from))
                .header("Accept-Ranges", "bytes")
                .header("ETag", etag)
                .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
        if (wanted != null) {
            response.header("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + length);
        }
        return response.build();
    }
}
