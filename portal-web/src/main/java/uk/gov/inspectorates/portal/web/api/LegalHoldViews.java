package uk.gov.inspectorates.portal.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import uk.gov.inspectorates.portal.core.legalhold.LegalHoldService;
import uk.gov.inspectorates.portal.core.retention.HoldTarget;
import uk.gov.inspectorates.portal.core.retention.LegalHold;
import uk.gov.inspectorates.portal.core.shared.NotFound;

/**
 * What the legal hold resources of inspections and reports share: everything but their path, target and summaries.
 * A helper they inject rather than a base class: JAX-RS methods inherited from an abstract resource broke /openapi.
 */
@ApplicationScoped
public class LegalHoldViews {

    @Inject
    LegalHoldService holds;

    @Inject
    CurrentSubject current;

    public record HoldView(String kind, String id, OffsetDateTime since, String setBy, String setByOrganisation,
                           String reason) {
        static HoldView of(LegalHold hold) {
            return new HoldView(hold.target().kind().name(), hold.target().id(),
                    hold.since().atOffset(ZoneOffset.UTC), hold.setBy(), hold.setByOrganisation(), hold.reason());
        }
    }

    /** The hold on the target; 404 when there is none. */
    public HoldView view(HoldTarget target) {
        return holds.current(current.get(), target).map(HoldView::of).orElseThrow(() -> new NotFound("legal hold"));
    }

    /** Puts the target on hold with the body's reason. */
    public HoldView set(HoldTarget target, String body) {
        return HoldView.of(holds.set(current.get(), target, reason(body)));
    }

    /** Lifts the hold with the query's reason or, failing that, the body's. */
    public Response lift(HoldTarget target, String reason, String body) {
        holds.lift(current.get(), target, reason != null ? reason : reason(body));
        return Response.noContent().build();
    }

    /** The body's reason; an absent or empty body is left to the service (422 naming "reason"). */
    private static String reason(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonObject json = JsonBodies.object(body);
        return JsonBodies.text(json, "reason");
    }
}
