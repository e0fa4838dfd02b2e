package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import uk.gov.inspectorates.portal.core.document.ResumableUpload;
import uk.gov.inspectorates.portal.core.document.ResumableUploads;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocuments;
import uk.gov.inspectorates.portal.core.report.ReportService;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.web.upload.UploadPlaces;

/**
 * Resumable uploads (docs/adr/0009): start one with the file's name and size, send its parts (each exactly
 * {@code partSize} bytes but the last; any order; again after an interruption), ask which parts arrived, complete
 * it (the file is then checked), and share it by its id. Only the uploader sees an upload. A part is received, and an
 * upload started, only within the uploader's limits ({@link UploadPlaces}, docs/adr/0039): 429 otherwise; a part
 * and a completion also wait their turn among all uploads and are 503 when the queue is full (docs/adr/0048), and a
 * part also when the uploads' memory is taken (a completion holds none).
 */
@Path("uploads")
@Produces(MediaType.APPLICATION_JSON)
public class UploadsResource {

    /** {@code POST /api/v1/uploads} body. */
    public record StartUpload(String purpose, String fileName, Long length, String inspection, String request) {
    }

    @Inject
    ResumableUploads uploads;

    @Inject
    ReportService reports;

    @Inject
    EvidenceDocuments evidence;

    @Inject
    CurrentSubject current;

    @Inject
    UploadPlaces places;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(StartUpload start) {
        if (start == null || start.purpose() == null
                || !("REPORT".equals(start.purpose()) || "INSPECTION_DOCUMENT".equals(start.purpose()))) {
            throw InvalidInput.of("purpose", "Say what the upload is for: REPORT or INSPECTION_DOCUMENT");
        }
        if (start.length() == null) {
            throw InvalidInput.of("length", "Give the file's size in bytes");
        }
        // an inspection document is kept under its inspection's key scope, so the request it answers comes first
        var subject = current.get();
        ResumableUpload upload = places.starting(subject, () -> "REPORT".equals(start.purpose())
                ? reports.startUpload(subject, start.fileName(), start.length())
                : evidence.startUpload(subject, required(start.inspection(), "inspection"),
                        required(start.request(), "request"), start.fileName(), start.length()));
        return Response.created(uri.getAbsolutePathBuilder().path(upload.id()).build())
                .entity(Views.UploadView.of(upload)).build();
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw InvalidInput.of(field, "Give the " + field + " the document is uploaded for");
        }
        return value;
    }

    @GET
    @Path("{id}")
    public Views.UploadView status(@PathParam("id") String id) {
        return Views.UploadView.of(uploads.status(current.get(), id));
    }

    @PUT
    @Path("{id}/parts/{number}")
    @Consumes(MediaType.WILDCARD)
    public Views.UploadView part(@PathParam("id") String id, @PathParam("number") int number, InputStream body) {
        var subject = current.get();
        return Views.UploadView.of(places.holding(subject, request, () -> uploads.receivePart(subject, id, number,
                body)));
    }

    @POST
    @Path("{id}/completion")
    public Views.UploadView complete(@PathParam("id") String id) {
        var subject = current.get();
        return Views.UploadView.of(places.completing(subject, () -> uploads.complete(subject, id)));
    }

    @Produces(MediaType.WILDCARD) // 204 without a body: any Accept, e.g. only application/problem+json (ADR 0042)
    @DELETE
    @Path("{id}")
    public Response abandon(@PathParam("id") String id) {
        uploads.abandon(current.get(), id);
        return Response.noContent().build();
    }
}
