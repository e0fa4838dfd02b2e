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
import uk.gov.inspectorates.portal.core.letter.Letter;
import jakarta.json.JsonObject;
import uk.gov.inspectorates.portal.core.letter.AdvanceLetterService;
import uk.gov.inspectorates.portal.core.letter.LetterOnwardSharing;
import uk.gov.inspectorates.portal.core.letter.LetterOnwardSharingService;
import uk.gov.inspectorates.portal.web.content.DocumentResponses;
import uk.gov.inspectorates.portal.web.upload.LetterUploadReader;
import uk.gov.inspectorates.portal.web.upload.UploadPlaces;

/**
 * Advance letters sent ahead of their report (docs/adr/0015): where children or vulnerable adults are or may be at
 * risk of significant harm, before the report is shared. Linked to the report once it is shared, they become its
 * letters (under {@code /reports/{id}/letters}) and leave this list.
 */
@Path("advance-letters")
@Produces(MediaType.APPLICATION_JSON)
public class AdvanceLettersResource {

    @Inject
    UploadPlaces places;

    @Inject
    AdvanceLetterService letters;

    @Inject
    LetterOnwardSharingService onwardSharing;

    @Inject
    CurrentSubject current;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @GET
    public List<LettersResource.LetterView> list() {
        return letters.aheadOfReports(current.get()).stream().map(LettersResource.LetterView::of).toList();
    }

    /** Multipart: {@code metadata} as for a report's letter ({@code kind} ADVANCE_RISK_OF_HARM only), then {@code file}. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response send() {
        Letter letter = LetterUploadReader.readAhead(letters, places, request, current.get(), fields -> { },
                fields -> LettersResource.draftOf(fields.get("metadata")));
        return Response.created(uri.getAbsolutePathBuilder().path(letter.id()).build())
                .entity(LettersResource.LetterView.of(letter)).build();
    }

    @GET
    @Path("{lid}")
    public LettersResource.LetterView view(@PathParam("lid") String lid) {
        return LettersResource.LetterView.of(letters.viewAhead(current.get(), lid));
    }

    /** A stamped copy for the reader. */
    @GET
    @Path("{lid}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("lid") String lid) {
        return DocumentResponses.attachment(letters.downloadAhead(current.get(), lid));
    }

    /** Body {reportId}: links the letter to its report, now shared; it moves into the report's key scope. */
    @POST
    @Path("{lid}/report")
    @Consumes(MediaType.APPLICATION_JSON)
    public LettersResource.LetterView link(@PathParam("lid") String lid, String json) {
        return LettersResource.LetterView.of(letters.linkToReport(current.get(), lid,
                JsonBodies.text(JsonBodies.object(json), "reportId")));
    }

    /** Removes an unlinked advance letter for good (crypto-shredding); an administrator of its sender only. */
    @Produces(MediaType.WILDCARD) // 204 without a body: any Accept, e.g. only application/problem+json (ADR 0042)
    @DELETE
    @Path("{lid}")
    public Response remove(@PathParam("lid") String lid) {
        letters.removeAhead(current.get(), lid, "removed through the API");
        return Response.noContent().build();
    }

    /** Onward sharing of a letter sent ahead, as for a report's letter (ISP ¶14). */
    @GET
    @Path("{lid}/onward-sharing")
    public List<LetterOnwardSharingView> onwardSharing(@PathParam("lid") String lid) {
        return onwardSharing.ofLetter(current.get(), null, lid).stream().map(LetterOnwardSharingView::of).toList();
    }

    /** Body {basis: LEGAL_OBLIGATION | WRITTEN_CONSENT, recipient, evidence?}. */
    @POST
    @Path("{lid}/onward-sharing")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestOnwardSharing(@PathParam("lid") String lid, String json) {
        JsonObject body = JsonBodies.object(json);
        LetterOnwardSharing sharing = onwardSharing.request(current.get(), null, lid, JsonBodies.text(body, "basis"),
                JsonBodies.text(body, "recipient"), JsonBodies.text(body, "evidence"));
        return Response.created(uri.getAbsolutePathBuilder().path(sharing.id()).build())
                .entity(LetterOnwardSharingView.of(sharing)).build();
    }

    /** The sender's written consent: body {granted: true | false, note?}. */
    @POST
    @Path("{lid}/onward-sharing/{sid}/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    public LetterOnwardSharingView decideConsent(@PathParam("lid") String lid, @PathParam("sid") String sid,
                                                 String json) {
        JsonObject body = JsonBodies.object(json);
        return LetterOnwardSharingView.of(onwardSharing.decideConsent(current.get(), null, lid, sid,
                LetterOnwardSharingView.granted(body), JsonBodies.text(body, "note")));
    }
}
