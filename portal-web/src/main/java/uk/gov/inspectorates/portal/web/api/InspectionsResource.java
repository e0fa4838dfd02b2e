package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocument;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocuments;
import uk.gov.inspectorates.portal.core.inspection.InformationRequest;
import uk.gov.inspectorates.portal.core.inspection.InformationRequests;
import uk.gov.inspectorates.portal.core.inspection.InspectionDraft;
import uk.gov.inspectorates.portal.core.inspection.InspectionService;
import uk.gov.inspectorates.portal.core.inspection.RequestDraft;
import uk.gov.inspectorates.portal.core.inspection.UploadTarget;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.web.upload.StreamedMultipart;
import uk.gov.inspectorates.portal.web.upload.UploadPlaces;

/**
 * Joint targeted area inspections (API.md, JTAI): open and read inspections with their working-day timeline, make
 * information requests to the agencies each inspectorate inspects, and upload evidence against them.
 */
@Path("inspections")
@Produces(MediaType.APPLICATION_JSON)
public class InspectionsResource {

    @Inject
    InspectionService inspections;

    @Inject
    UploadPlaces places;

    @Inject
    InformationRequests requests;

    @Inject
    EvidenceDocuments documents;

    @Inject
    CurrentSubject current;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @GET
    public List<JtaiViews.InspectionSummaryView> list() {
        return inspections.visibleTo(current.get()).stream().map(JtaiViews.InspectionSummaryView::of).toList();
    }

    /**
     * Body {localAuthorityArea, theme, notifiedOn (YYYY-MM-DD, day 0), inspectorates: [OFSTED, CQC, HMIC,
     * HMI_PROBATION] subset (Ofsted always takes part), leadInspectorate? (OFSTED), leadInspectors?: {CQC: userId, ...}}.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(String json) {
        JsonObject body = JsonBodies.object(json);
        InspectionService.Overview opened = inspections.open(current.get(), new InspectionDraft(
                JsonBodies.text(body, "localAuthorityArea"), JsonBodies.text(body, "theme"),
                JsonBodies.text(body, "notifiedOn"), JsonBodies.texts(body, "inspectorates"),
                JsonBodies.text(body, "leadInspectorate"), leadInspectors(body)));
        return Response.created(uri.getAbsolutePathBuilder().path(opened.inspection().id()).build())
                .entity(viewOf(opened)).build();
    }

    @GET
    @Path("{id}")
    public JtaiViews.InspectionView view(@PathParam("id") String id) {
        return viewOf(inspections.view(current.get(), id));
    }

    @GET
    @Path("{id}/requests")
    public List<JtaiViews.RequestView> requests(@PathParam("id") String id) {
        Instant now = clock.instant();
        return requests.ofInspection(current.get(), id).stream().map(r -> JtaiViews.RequestView.of(r, now)).toList();
    }

    /**
     * Body {agency, title, description?, items?: [Annex A codes], beyondAnnexA?, justification?, dueAt? (ISO-8601 with
     * offset; the timeline's default otherwise)}.
     */
    @POST
    @Path("{id}/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(@PathParam("id") String id, String json) {
        JsonObject body = JsonBodies.object(json);
        InformationRequest made = requests.request(current.get(), id, new RequestDraft(
                JsonBodies.text(body, "agency"), JsonBodies.text(body, "title"), JsonBodies.text(body, "description"),
                JsonBodies.texts(body, "items"), JsonBodies.text(body, "beyondAnnexA"),
                JsonBodies.text(body, "justification"), JsonBodies.text(body, "dueAt")));
        return Response.created(uri.getAbsolutePathBuilder().path(made.id()).build())
                .entity(JtaiViews.RequestView.of(made, clock.instant())).build();
    }

    @GET
    @Path("{id}/requests/{rid}")
    public JtaiViews.RequestView requestView(@PathParam("id") String id, @PathParam("rid") String rid) {
        return JtaiViews.RequestView.of(requests.view(current.get(), id, rid), clock.instant());
    }

    /**
     * Multipart: {@code metadata} (JSON {classification: {tier, descriptor?}}) first, then {@code file}; or
     * {@code upload} with a completed resumable upload's id (purpose INSPECTION_DOCUMENT).
     */
    @POST
    @Path("{id}/requests/{rid}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("id") String id, @PathParam("rid") String rid) {
        var subject = current.get();
        EvidenceDocument uploaded = new StreamedMultipart<UploadTarget, EvidenceDocument>("the document",
                fields -> {
                    JsonObject classification = classification(fields.get("metadata"));
                    return documents.checkUpload(subject, id, rid, JsonBodies.text(classification, "tier"),
                            JsonBodies.text(classification, "descriptor"));
                },
                (target, file) -> places.holding(subject, request, () -> documents.upload(subject, target, file)),
                (target, uploadId) -> documents.uploaded(subject, target, uploadId))
                .read(request);
        return Response.created(uri.getBaseUriBuilder().path("documents").path(uploaded.id()).build())
                .entity(JtaiViews.DocumentView.of(uploaded)).build();
    }

    @GET
    @Path("{id}/documents")
    public List<JtaiViews.DocumentView> documents(@PathParam("id") String id) {
        return documents.ofInspection(current.get(), id).stream().map(JtaiViews.DocumentView::of).toList();
    }

    private JtaiViews.InspectionView viewOf(InspectionService.Overview overview) {
        Instant now = clock.instant();
        return JtaiViews.InspectionView.of(overview, now, LocalDate.ofInstant(now, WorkingDayCalendar.UK));
    }

    private static Map<String, String> leadInspectors(JsonObject body) {
        JsonValue value = body.get("leadInspectors");
        if (value == null || value == JsonValue.NULL) {
            return Map.of();
        }
        if (!(value instanceof JsonObject named) || named.values().stream()
                .anyMatch(v -> v.getValueType() != JsonValue.ValueType.STRING)) {
            throw InvalidInput.of("leadInspectors", "Name lead inspectors as {\"CQC\": \"user id\", ...}");
        }
        Map<String, String> leads = new LinkedHashMap<>();
        named.forEach((code, id) -> leads.put(code, ((JsonString) id).getString()));
        return leads;
    }

    private static JsonObject classification(String metadata) {
        if (metadata == null) {
            throw InvalidInput.of("metadata", "Send the document's details as the multipart part 'metadata' "
                    + "before the part 'file'");
        }
        JsonValue classification = JsonBodies.object(metadata, "metadata").get("classification");
        return classification instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    }
}
