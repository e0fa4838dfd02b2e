package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
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
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import uk.gov.inspectorates.portal.core.referral.Referral;
import uk.gov.inspectorates.portal.core.referral.ReferralDraft;
import uk.gov.inspectorates.portal.core.referral.ReferralEntry;
import uk.gov.inspectorates.portal.core.referral.ReferralService;
import uk.gov.inspectorates.portal.core.referral.ReferralStep;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;

/**
 * Referrals of concern (JTAI Annex C; docs/adr/0022): raised by an inspector of a participating inspectorate to an
 * agency of the inspected area; the agency responds, the referring inspector evaluates, the agency's chief officer and
 * then the lead inspector sign off. Only the inspection's inspectorates and the agency referred to see a referral.
 */
@Path("inspections/{inspectionId}/referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralsResource {

    /** Referrals hold personal information about children: always marked so. */
    static final String CLASSIFICATION = "OFFICIAL-SENSITIVE";

    public record AgencyView(String id, String name) {
    }

    public record EntryView(String text, String by, OffsetDateTime at) {
        static EntryView of(ReferralEntry entry) {
            return entry == null ? null
                    : new EntryView(entry.text(), entry.byName(), entry.at().atOffset(ZoneOffset.UTC));
        }
    }

    public record ReferralView(String id, String inspectionId, AgencyView agency, List<String> caseNumbers,
                               int category, String categoryDescription, String issues,
                               OffsetDateTime responseRequiredBy, boolean responseOverdue, EntryView referredBy,
                               String stage, String nextStep, EntryView response, EntryView evaluation,
                               EntryView chiefOfficerSignOff, EntryView leadInspectorSignOff, String classification) {
    }

    @Inject
    ReferralService referrals;

    @Inject
    JtaiNames names;

    @Inject
    Clock clock;

    @Inject
    CurrentSubject current;

    @Context
    UriInfo uri;

    /**
     * Body {@code {"agency": "northdale-police", "caseNumbers": ["CS-2026-0417"], "category": 1, "issues": "...",
     * "responseRequiredBy": "2026-12-08T17:00:00Z"}}.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response raise(@PathParam("inspectionId") String inspectionId, String body) {
        JsonObject json = JsonBodies.object(body);
        List<String> caseNumbers = caseNumbers(json);
        OffsetDateTime requiredBy = JsonBodies.time(json, "responseRequiredBy");
        Referral referral = referrals.raise(current.get(), inspectionId, new ReferralDraft(
                JsonBodies.text(json, "agency"), caseNumbers, category(json), JsonBodies.text(json, "issues"),
                requiredBy == null ? null : requiredBy.toInstant()));
        return Response.created(uri.getAbsolutePathBuilder().path(referral.id()).build()).entity(view(referral))
                .build();
    }

    @GET
    public List<ReferralView> list(@PathParam("inspectionId") String inspectionId) {
        return referrals.ofInspection(current.get(), inspectionId).stream().map(this::view).toList();
    }

    @GET
    @Path("{referralId}")
    public ReferralView view(@PathParam("inspectionId") String inspectionId,
                             @PathParam("referralId") String referralId) {
        return view(referrals.view(current.get(), inspectionId, referralId));
    }

    /**
     * Body {@code {"step": "RESPONSE" | "EVALUATION" | "CHIEF_OFFICER_SIGN_OFF" | "LEAD_INSPECTOR_SIGN_OFF", "text":
     * "..."}} ({@code text}: the response or the evaluation). 409 out of order, 403 when it is not the caller's step.
     */
    @PUT
    @Path("{referralId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReferralView take(@PathParam("inspectionId") String inspectionId,
                             @PathParam("referralId") String referralId, String body) {
        JsonObject json = JsonBodies.object(body);
        ReferralStep step = ReferralStep.named(JsonBodies.text(json, "step")).orElseThrow(() -> InvalidInput.of("step",
                "Say which step to record: RESPONSE, EVALUATION, CHIEF_OFFICER_SIGN_OFF or LEAD_INSPECTOR_SIGN_OFF"));
        return view(referrals.take(current.get(), inspectionId, referralId, step, JsonBodies.text(json, "text")));
    }

    private static List<String> caseNumbers(JsonObject json) {
        JsonValue value = json.get("caseNumbers");
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof jakarta.json.JsonArray array)
                || array.stream().anyMatch(item -> item.getValueType() != JsonValue.ValueType.STRING)) {
            throw InvalidInput.of("caseNumbers", "Give the case numbers as a list of identifiers in quotes");
        }
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
                .toList();
    }

    private static Integer category(JsonObject json) {
        JsonValue value = json.get("category");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw InvalidInput.of("category", "Give the category as the number 1 or 2");
        }
        return number.bigIntegerValue().bitLength() > 31 ? 0 : number.intValue();
    }

    private ReferralView view(Referral referral) {
        Instant now = clock.instant();
        String agencyName = names.agency(referral.agencyId());
        return new ReferralView(referral.id(), referral.inspectionId(), new AgencyView(referral.agencyId(), agencyName),
                referral.caseNumbers(), referral.category().number(), referral.category().description(),
                referral.issues(), referral.responseRequiredBy().atOffset(ZoneOffset.UTC),
                referral.responseOverdue(now), EntryView.of(referral.referredBy()), referral.stage().name(),
                referral.stage().awaits().map(Enum::name).orElse(null),
                EntryView.of(referral.step(ReferralStep.RESPONSE).orElse(null)),
                EntryView.of(referral.step(ReferralStep.EVALUATION).orElse(null)),
                EntryView.of(referral.step(ReferralStep.CHIEF_OFFICER_SIGN_OFF).orElse(null)),
                EntryView.of(referral.step(ReferralStep.LEAD_INSPECTOR_SIGN_OFF).orElse(null)), CLASSIFICATION);
    }
}
