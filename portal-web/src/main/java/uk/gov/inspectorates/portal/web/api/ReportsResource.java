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
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.List;
import uk.gov.inspectorates.portal.core.report.OnwardSharing;
import uk.gov.inspectorates.portal.core.report.OnwardSharingService;
import uk.gov.inspectorates.portal.core.report.PublishedVersion;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportContent;
import uk.gov.inspectorates.portal.core.report.ReportDownload;
import uk.gov.inspectorates.portal.core.report.ReportLifecycle;
import uk.gov.inspectorates.portal.core.report.ReportService;
import uk.gov.inspectorates.portal.core.report.WithholdRequest;
import uk.gov.inspectorates.portal.core.report.WithholdRequestDraft;
import uk.gov.inspectorates.portal.core.report.PartyViewDraft;
import uk.gov.inspectorates.portal.core.report.WithholdViews;
import uk.gov.inspectorates.portal.web.content.DocumentResponses;
import uk.gov.inspectorates.portal.web.upload.ReportUploadReader;
import uk.gov.inspectorates.portal.web.upload.UploadPlaces;

@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    @Inject
    UploadPlaces places;

    @Inject
    ReportService reports;

    @Inject
    ReportLifecycle lifecycle;

    @Inject
    OnwardSharingService onwardSharing;

    @Inject
    WithholdViews withholdViews;

    @Inject
    CurrentSubject current;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @GET
    public List<Views.ReportView> list() {
        return reports.visibleTo(current.get()).stream().map(this::viewOf).toList();
    }

    /** Multipart: {@code metadata} (JSON) first, then {@code file}. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response share() {
        Report report = new ReportUploadReader(reports, places).read(request, current.get(), fields -> { },
                fields -> ReportMetadataJson.draftOf(fields.get("metadata")));
        return Response.created(uri.getAbsolutePathBuilder().path(report.id()).build())
                .entity(viewOf(report)).build();
    }

    @GET
    @Path("{id}")
    public Views.ReportView view(@PathParam("id") String id) {
        return viewOf(reports.view(current.get(), id));
    }

    /**
     * Removes the report for good (crypto-shredding: its key-encryption key is destroyed, then its object and rows
     * are deleted, and an audit tombstone is written). Only an administrator of the originating inspectorate.
     */
    @Produces(MediaType.WILDCARD) // 204 without a body: any Accept, e.g. only application/problem+json (ADR 0042)
    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id) {
        reports.remove(current.get(), id, "removed through the API");
        return Response.noContent().build();
    }

    /**
     * The stamped copy while under embargo; once the report is published, {@code 303} to the published version
     * (nothing pre-publication is served any more); a withdrawn report is not served at all.
     */
    @GET
    @Path("{id}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("id") String id) {
        ReportContent content = reports.download(current.get(), id);
        if (content instanceof PublishedVersion published) {
            return Response.seeOther(published.publishedUrl()).build();
        }
        return DocumentResponses.attachment((ReportDownload) content);
    }

    /** Body {publishedUrl, publishedAt?}: publishes now, or schedules the end of the embargo at a later time. */
    @POST
    @Path("{id}/publication")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.ReportView publish(@PathParam("id") String id, String json) {
        JsonObject body = JsonBodies.object(json);
        return viewOf(lifecycle.publish(current.get(), id, JsonBodies.text(body, "publishedUrl"),
                JsonBodies.time(body, "publishedAt")));
    }

    /** Body {reason}. */
    @POST
    @Path("{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.ReportView withdraw(@PathParam("id") String id, String json) {
        return viewOf(lifecycle.withdraw(current.get(), id, JsonBodies.text(JsonBodies.object(json), "reason")));
    }

    @GET
    @Path("{id}/withhold-requests")
    public List<Views.WithholdRequestView> withholdRequests(@PathParam("id") String id) {
        return lifecycle.withholdRequests(current.get(), id).stream().map(Views.WithholdRequestView::of).toList();
    }

    /** JTAI Annex D: body {kind: WITHHOLD | WITHDRAW, applicant, exceptionalCircumstances, complaintReference?, receivedAt?}. */
    @POST
    @Path("{id}/withhold-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recordWithholdRequest(@PathParam("id") String id, String json) {
        JsonObject body = JsonBodies.object(json);
        WithholdRequest request = lifecycle.recordWithholdRequest(current.get(), id, new WithholdRequestDraft(
                JsonBodies.text(body, "kind"), JsonBodies.text(body, "applicant"),
                JsonBodies.text(body, "exceptionalCircumstances"), JsonBodies.text(body, "complaintReference"),
                JsonBodies.time(body, "receivedAt")));
        return Response.created(uri.getAbsolutePathBuilder().path(request.id()).build())
                .entity(Views.WithholdRequestView.of(request)).build();
    }

    /** Body {outcome: GRANTED | REFUSED, reason}. */
    @POST
    @Path("{id}/withhold-requests/{rid}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.WithholdRequestView decideWithholdRequest(@PathParam("id") String id, @PathParam("rid") String rid,
                                                           String json) {
        JsonObject body = JsonBodies.object(json);
        return Views.WithholdRequestView.of(lifecycle.decideWithholdRequest(current.get(), id, rid,
                JsonBodies.text(body, "outcome"), JsonBodies.text(body, "reason")));
    }

    /**
     * JTAI Annex D, the view of another party's lead inspector, before the decision: body {inspectorate, leadInspector,
     * view, givenAt?} or {inspectorate, leadInspector, noViewGivenBy}. Answers the request with its views.
     */
    @POST
    @Path("{id}/withhold-requests/{rid}/views")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recordView(@PathParam("id") String id, @PathParam("rid") String rid, String json) {
        JsonObject body = JsonBodies.object(json);
        WithholdRequest request = withholdViews.recordView(current.get(), id, rid, new PartyViewDraft(
                JsonBodies.text(body, "inspectorate"), JsonBodies.text(body, "leadInspector"),
                JsonBodies.text(body, "view"), JsonBodies.time(body, "givenAt"),
                JsonBodies.time(body, "noViewGivenBy")));
        return Response.status(Response.Status.CREATED).entity(Views.WithholdRequestView.of(request)).build();
    }

    @GET
    @Path("{id}/onward-sharing")
    public List<Views.OnwardSharingView> onwardSharing(@PathParam("id") String id) {
        return onwardSharing.ofReport(current.get(), id).stream().map(Views.OnwardSharingView::of).toList();
    }

    /** Body {basis: PUBLIC_DOMAIN | LEGAL_OBLIGATION | WRITTEN_CONSENT, recipient, evidence?}. */
    @POST
    @Path("{id}/onward-sharing")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestOnwardSharing(@PathParam("id") String id, String json) {
        JsonObject body = JsonBodies.object(json);
        OnwardSharing sharing = onwardSharing.request(current.get(), id, JsonBodies.text(body, "basis"),
                JsonBodies.text(body, "recipient"), JsonBodies.text(body, "evidence"));
        return Response.created(uri.getAbsolutePathBuilder().path(sharing.id()).build())
                .entity(Views.OnwardSharingView.of(sharing)).build();
    }

    /** The originator's written consent: body {granted: true | false, note?}. */
    @POST
    @Path("{id}/onward-sharing/{sid}/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.OnwardSharingView decideConsent(@PathParam("id") String id, @PathParam("sid") String sid,
                                                 String json) {
        JsonObject body = JsonBodies.object(json);
        JsonValue granted = body.get("granted");
        return Views.OnwardSharingView.of(onwardSharing.decideConsent(current.get(), id, sid,
                granted == JsonValue.TRUE ? Boolean.TRUE : granted == JsonValue.FALSE ? Boolean.FALSE : null,
                JsonBodies.text(body, "note")));
    }

    private Views.ReportView viewOf(Report report) {
        return Views.ReportView.of(report, clock.instant());
    }
}
