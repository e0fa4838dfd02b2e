package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.findings.AccuracyCheck;
import uk.gov.inspectorates.portal.core.findings.FindingsDocument;
import uk.gov.inspectorates.portal.core.findings.FindingsDownload;
import uk.gov.inspectorates.portal.core.findings.FindingsLetterIssuing;
import uk.gov.inspectorates.portal.core.findings.FindingsLetterReading;
import uk.gov.inspectorates.portal.core.findings.FindingsLetterService;
import uk.gov.inspectorates.portal.core.findings.FindingsLetterTarget;
import uk.gov.inspectorates.portal.core.findings.FindingsLetterView;
import uk.gov.inspectorates.portal.core.findings.SignOff;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.web.content.DocumentResponses;
import uk.gov.inspectorates.portal.web.upload.StreamedMultipart;
import uk.gov.inspectorates.portal.web.upload.UploadPlaces;

/**
 * An inspection's findings letter before issue (docs/adr/0025): its stage, versions, sign-offs and due dates; the
 * lead inspector's drafts and revisions, the other inspectorates' sign-offs, the DCS's factual accuracy check and
 * comments, and the issue of the agreed letter as an embargoed report (served from then on by {@code /reports}).
 */
@Path("inspections/{id}/findings-letter")
@Produces(MediaType.APPLICATION_JSON)
public class FindingsLetterResource {

    @Inject
    FindingsLetterService letters;

    @Inject
    UploadPlaces places;

    @Inject
    FindingsLetterReading reading;

    @Inject
    FindingsLetterIssuing issuing;

    @Inject
    CurrentSubject current;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @GET
    public FindingsLetterJson view(@PathParam("id") String id) {
        return FindingsLetterJson.of(reading.view(current.get(), id));
    }

    /** A draft or revised letter (the lead inspector). Multipart: {@code metadata} ({classification}), then a PDF. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadVersion(@PathParam("id") String id) {
        FindingsDocument uploaded = upload(id, false);
        return Response.created(uri.getAbsolutePathBuilder().path("documents").path(uploaded.id()).build())
                .entity(FindingsLetterJson.DocumentJson.of(uploaded)).build();
    }

    @GET
    @Path("documents/{did}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("id") String id, @PathParam("did") String did) {
        FindingsDownload download = reading.download(current.get(), id, did);
        return DocumentResponses.attachment(download.document().document(), download.downloadId(),
                download.length(), download.content());
    }

    /** Body {version?}: the version signed off, which must be the latest. */
    @POST
    @Path("sign-offs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signOff(@PathParam("id") String id, String json) {
        Integer version = version(json);
        SignOff signOff = letters.signOff(current.get(), id, version);
        return Response.status(Response.Status.CREATED).entity(FindingsLetterJson.SignOffJson.of(signOff)).build();
    }

    /** Body {dcs?}: the DCS's user id, needed only when the area's children's services have more chief officers. */
    @POST
    @Path("accuracy-check")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response sendForAccuracyCheck(@PathParam("id") String id, String json) {
        JsonObject body = json == null || json.isBlank() ? JsonValue.EMPTY_JSON_OBJECT : JsonBodies.object(json);
        AccuracyCheck check = letters.sendForAccuracyCheck(current.get(), id, JsonBodies.text(body, "dcs"));
        return Response.status(Response.Status.CREATED).entity(FindingsLetterJson.CheckJson.of(check)).build();
    }

    /** The partnership's comments (the DCS). Multipart: {@code metadata} ({classification}), then the file. */
    @POST
    @Path("accuracy-check/comments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadComments(@PathParam("id") String id) {
        FindingsDocument uploaded = upload(id, true);
        return Response.created(uri.getBaseUriBuilder().path("inspections").path(id).path("findings-letter")
                        .path("documents").path(uploaded.id()).build())
                .entity(FindingsLetterJson.DocumentJson.of(uploaded)).build();
    }

    /** Body {chair?}: the user id of the chair of the local safeguarding partnership (a person of the area). */
    @POST
    @Path("issue")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@PathParam("id") String id, String json) {
        JsonObject body = json == null || json.isBlank() ? JsonValue.EMPTY_JSON_OBJECT : JsonBodies.object(json);
        Report report = issuing.issue(current.get(), id, JsonBodies.text(body, "chair"));
        return Response.created(uri.getBaseUriBuilder().path("reports").path(report.id()).build())
                .entity(Views.ReportView.of(report, clock.instant())).build();
    }

    private FindingsDocument upload(String id, boolean comments) {
        Subject subject = current.get();
        return new StreamedMultipart<FindingsLetterTarget, FindingsDocument>(
                comments ? "the comments" : "the letter",
                fields -> {
                    JsonObject classification = classification(fields.get("metadata"));
                    String tier = JsonBodies.text(classification, "tier");
                    String descriptor = JsonBodies.text(classification, "descriptor");
                    return comments ? letters.checkComments(subject, id, tier, descriptor)
                            : letters.checkVersion(subject, id, tier, descriptor);
                },
                (target, file) -> places.holding(subject, request, () -> letters.upload(subject, target, file)),
                (target, uploadId) -> {
                    throw InvalidInput.of("upload", "Send the file itself: findings letters take no resumable upload");
                })
                .read(request);
    }

    private static Integer version(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        JsonValue value = JsonBodies.object(json).get("version");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw InvalidInput.of("version", "Give the version signed off as a whole number");
        }
        return number.intValue();
    }

    private static JsonObject classification(String metadata) {
        if (metadata == null) {
            throw InvalidInput.of("metadata", "Send the document's details as the multipart part 'metadata' "
                    + "before the part 'file'");
        }
        JsonValue classification = JsonBodies.object(metadata, "metadata").get("classification");
        return classification instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    }

    /** The JSON of a findings letter. */
    public record FindingsLetterJson(String inspectionId, String stage, String stageTitle, DueJson due,
                                     List<DocumentJson> documents, List<SignOffJson> signOffs,
                                     List<String> awaitingSignOff, CheckJson accuracyCheck, String issuedReport,
                                     List<String> mayTake) {

        static FindingsLetterJson of(FindingsLetterView view) {
            return new FindingsLetterJson(view.inspection().id(), view.stage().name(), view.stage().title(),
                    DueJson.of(view), view.documents().stream().map(DocumentJson::of).toList(),
                    view.signOffs().stream().map(SignOffJson::of).toList(),
                    view.awaitingSignOff().stream().map(Enum::name).sorted().toList(),
                    view.letter().check().map(CheckJson::of).orElse(null),
                    view.letter().issued().map(issue -> issue.reportId()).orElse(null),
                    view.mayTake().stream().map(Enum::name).sorted().toList());
        }

        public record DueJson(Instant signOff, Instant sendToDcs, Instant comments, Instant agreement,
                              LocalDate issue, LocalDate publication) {
            static DueJson of(FindingsLetterView view) {
                var due = view.dueDates();
                return new DueJson(due.signOffDue(), due.sendToDcsDue(), due.commentsDue(), due.agreementDue(),
                        due.issueOn(), due.publicationOn());
            }
        }

        public record DocumentJson(String id, String kind, int version, String fileName, String mediaType, long size,
                                   String classification, String uploadedBy, Instant uploadedAt) {
            static DocumentJson of(FindingsDocument document) {
                return new DocumentJson(document.id(), document.kind().name(), document.version(),
                        document.document().fileName(), document.document().mediaType(), document.size(),
                        document.classification().marking(), document.uploadedByName(), document.uploadedAt());
            }
        }

        public record SignOffJson(int version, String inspectorate, String signedBy, Instant signedAt) {
            static SignOffJson of(SignOff signOff) {
                return new SignOffJson(signOff.version(), signOff.inspectorate().name(), signOff.signedByName(),
                        signOff.signedAt());
            }
        }

        public record CheckJson(int version, String dcs, Instant sentAt, Instant dueAt) {
            static CheckJson of(AccuracyCheck check) {
                return new CheckJson(check.version(), check.dcsUserId(), check.sentAt(), check.dueAt());
            }
        }
    }
}
