package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.termplan.TermPlanDraft;
import uk.gov.inspectorates.portal.core.termplan.TermPlanList;
import uk.gov.inspectorates.portal.core.termplan.TermPlanService;

/**
 * Termly inspection-plan lists (ISP "Sharing other information"): each inspectorate shares the local authority
 * areas it plans to inspect in a term; staff of every inspectorate see every list. Always OFFICIAL-SENSITIVE.
 */
@Path("term-plans")
@Produces(MediaType.APPLICATION_JSON)
public class TermPlansResource {

    public record AreaView(String id, String name) {
    }

    public record TermPlanView(String id, String inspectorate, String inspectorateName, String term, int version,
                               List<AreaView> areas, Views.ClassificationView classification, String sharedBy,
                               OffsetDateTime sharedAt) {
        static TermPlanView of(TermPlanList plan) {
            var classification = plan.classification();
            return new TermPlanView(plan.id(), plan.inspectorate().name(), plan.inspectorate().title(),
                    plan.term().code(), plan.version(),
                    plan.areas().stream().map(area -> new AreaView(area.id(), area.name())).toList(),
                    new Views.ClassificationView(classification.tier().marking(), classification.descriptor(),
                            classification.marking()),
                    plan.sharedBy(), plan.sharedAt().atOffset(ZoneOffset.UTC));
        }
    }

    @Inject
    TermPlanService plans;

    @Inject
    CurrentSubject current;

    @Context
    UriInfo uri;

    /** Body {@code {"term": "2026-27 SPRING", "areas": ["northdale", "Southdale"], "inspectorate"?: "OFSTED"}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response share(String body) {
        JsonObject json = JsonBodies.object(body);
        TermPlanList plan = plans.share(current.get(), new TermPlanDraft(JsonBodies.text(json, "inspectorate"),
                JsonBodies.text(json, "term"), areas(json)));
        return Response.created(uri.getAbsolutePathBuilder().path(plan.id()).build())
                .entity(TermPlanView.of(plan)).build();
    }

    @GET
    public List<TermPlanView> ofTerm(@QueryParam("term") String term, @QueryParam("history") boolean history) {
        return plans.ofTerm(current.get(), term, history).stream().map(TermPlanView::of).toList();
    }

    @GET
    @Path("{id}")
    public TermPlanView view(@PathParam("id") String id) {
        return TermPlanView.of(plans.view(current.get(), id));
    }

    /** The {@code areas} array of strings; absent is left to the service (no areas), anything else is a 422. */
    private static List<String> areas(JsonObject json) {
        JsonValue value = json.get("areas");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw InvalidInput.of("areas", "Give the areas as a list of names or ids");
        }
        List<String> areas = new ArrayList<>();
        for (JsonValue area : value.asJsonArray()) {
            if (area.getValueType() != JsonValue.ValueType.STRING) {
                throw InvalidInput.of("areas", "Give each area as its name or id, in quotes");
            }
            areas.add(((jakarta.json.JsonString) area).getString());
        }
        return areas;
    }
}
