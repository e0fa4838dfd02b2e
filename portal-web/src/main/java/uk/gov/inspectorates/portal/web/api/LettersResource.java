package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import uk.gov.inspectorates.portal.core.letter.Letter;
import uk.gov.inspectorates.portal.core.letter.LetterDraft;
import uk.gov.inspectorates.portal.core.letter.LetterOnwardSharing;
import uk.gov.inspectorates.portal.core.letter.LetterOnwardSharingService;
import uk.gov.inspectorates.portal.core.letter.LetterService;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.web.content.DocumentResponses;
import uk.gov.inspectorates.portal.web.upload.LetterUploadReader;
import uk.gov.inspectorates.portal.web.upload.UploadPlaces;

/**
 * Covering and advance letters of a report (docs/adr/0015). Adding one is multipart: {@code metadata} (JSON) first,
 * then {@code file}. Every download is a stamped copy for its reader.
 */
@Path("reports/{id}/letters")
@Produces(MediaType.APPLICATION_JSON)
public class LettersResource {

    @Inject
    UploadPlaces places;

    @Inject
    LetterService letters;

    @Inject
    LetterOnwardSharingService onwardSharing;

    @Inject
    CurrentSubject current;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @GET
    public List<LetterView> list(@PathParam("id") String id) {
        return letters.ofReport(current.get(), id).stream().map(LetterView::of).toList();
    }

    /**
     * Metadata: {@code kind} (COVERING | ADVANCE_RISK_OF_HARM), {@code addressedTo} (some of the report's
     * addressees), {@code classification} {tier, descriptor?}, {@code handlingInstructions}?, and for an advance
     * letter {@code serviceProviderNotifiedFirst: true} and {@code riskSummary}.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response add(@PathParam("id") String id) {
        Letter letter = LetterUploadReader.read(letters, places, request, current.get(), id, fields -> { },
                fields -> draftOf(fields.get("metadata")));
        return Response.created(uri.getAbsolutePathBuilder().path(letter.id()).build())
                .entity(LetterView.of(letter)).build();
    }

    @GET
    @Path("{lid}")
    public LetterView view(@PathParam("id") String id, @PathParam("lid") String lid) {
        return LetterView.of(letters.view(current.get(), id, lid));
    }

    /** Refused: a letter of a report is removed with its report (403 naming the rule, or 404). */
    @Produces(MediaType.WILDCARD) // 204 without a body: any Accept, e.g. only application/problem+json (ADR 0042)
    @DELETE
    @Path("{lid}")
    public Response remove(@PathParam("id") String id, @PathParam("lid") String lid) {
        letters.remove(current.get(), id, lid);
        return Response.noContent().build();
    }

    /** Always a stamped copy (before and after the report's publication); never the stored original. */
    @GET
    @Path("{lid}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("id") String id, @PathParam("lid") String lid) {
        return DocumentResponses.attachment(letters.download(current.get(), id, lid));
    }

    /** The onward sharing recorded for the letter: all of it for its sender, its own for a receiving party. */
    @GET
    @Path("{lid}/onward-sharing")
    public List<LetterOnwardSharingView> onwardSharing(@PathParam("id") String id, @PathParam("lid") String lid) {
        return onwardSharing.ofLetter(current.get(), id, lid).stream().map(LetterOnwardSharingView::of).toList();
    }

    /**
     * ISP ¶14, as for a report: body {basis: LEGAL_OBLIGATION | WRITTEN_CONSENT, recipient, evidence?}; a letter is
     * never in the public domain (422).
     */
    @POST
    @Path("{lid}/onward-sharing")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestOnwardSharing(@PathParam("id") String id, @PathParam("lid") String lid, String json) {
        JsonObject body = JsonBodies.object(json);
        LetterOnwardSharing sharing = onwardSharing.request(current.get(), id, lid, JsonBodies.text(body, "basis"),
                JsonBodies.text(body, "recipient"), JsonBodies.text(body, "evidence"));
        return Response.created(uri.getAbsolutePathBuilder().path(sharing.id()).build())
                .entity(LetterOnwardSharingView.of(sharing)).build();
    }

    /** The sender's written consent: body {granted: true | false, note?}. */
    @POST
    @Path("{lid}/onward-sharing/{sid}/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    public LetterOnwardSharingView decideConsent(@PathParam("id") String id, @PathParam("lid") String lid,
                                                 @PathParam("sid") String sid, String json) {
        JsonObject body = JsonBodies.object(json);
        return LetterOnwardSharingView.of(onwardSharing.decideConsent(current.get(), id, lid, sid,
                LetterOnwardSharingView.granted(body), JsonBodies.text(body, "note")));
    }

    static LetterDraft draftOf(String json) {
        if (json == null) {
            throw InvalidInput.of("metadata", "Send the letter's details as the multipart part 'metadata' "
                    + "before the part 'file'");
        }
        JsonObject metadata = JsonBodies.object(json, "metadata");
        JsonValue given = metadata.get("classification");
        JsonObject classification = given instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        JsonValue notified = metadata.get("serviceProviderNotifiedFirst");
        // only JSON true confirms; "true" as a string or 1 does not
        return new LetterDraft(JsonBodies.text(metadata, "kind"), JsonBodies.texts(metadata, "addressedTo"),
                JsonBodies.text(classification, "tier"), JsonBodies.text(classification, "descriptor"),
                JsonBodies.text(metadata, "handlingInstructions"), notified == null ? null : notified == JsonValue.TRUE,
                JsonBodies.text(metadata, "riskSummary"));
    }

    public record LetterView(String id, String reportId, String kind, boolean advance, List<String> addressedTo,
                             Views.ClassificationView classification, String handlingInstructions,
                             boolean serviceProviderNotifiedFirst, String riskSummary, OffsetDateTime addedAt,
                             Views.FileView file) {
        static LetterView of(Letter letter) {
            var classification = letter.classification();
            var document = letter.document();
            return new LetterView(letter.id(), letter.reportId(), letter.kind().name(), letter.advance(),
                    letter.addressedTo().stream().map(Enum::name).sorted().toList(),
                    new Views.ClassificationView(classification.tier().name(), classification.descriptor(),
                            classification.marking()),
                    letter.handlingInstructions(), letter.serviceProviderNotifiedFirst(), letter.riskSummary(),
                    letter.addedAt().atOffset(ZoneOffset.UTC),
                    new Views.FileView(document.fileName(), document.mediaType(),
                            document.content().plaintextBytes(), document.content().plaintextSha256()));
        }
    }
}
