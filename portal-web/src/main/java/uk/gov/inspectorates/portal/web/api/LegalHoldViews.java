package uk.gov.inspectorates.portal.web.api;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.legalhold.LegalHoldService;
import uk.gov.inspectorates.portal.core.retention.HoldTarget;
import uk.gov.inspectorates.portal.core.retention.LegalHold;
import uk.gov.inspectorates.portal.core.shared.NotFound;

/** What the legal hold resources of inspections and reports share. */
final class LegalHoldViews {

    public record HoldView(String kind, String id, OffsetDateTime since, String setBy, String setByOrganisation,
                           String reason) {
        static HoldView of(LegalHold hold) {
            return new HoldView(hold.target().kind().name(), hold.target().id(),
                    hold.since().atOffset(ZoneOffset.UTC), hold.setBy(), hold.setByOrganisation(), hold.reason());
        }
    }

    private LegalHoldViews() {
    }

    static HoldView current(LegalHoldService holds, Subject subject, HoldTarget target) {
        return holds.current(subject, target).map(HoldView::of).orElseThrow(() -> new NotFound("legal hold"));
    }

    static HoldView set(LegalHoldService holds, Subject subject, HoldTarget target, String body) {
        return HoldView.of(holds.set(subject, target, reason(body)));
    }

    static Response lift(LegalHoldService holds, Subject subject, String reason, HoldTarget target, String body) {
        holds.lift(subject, target, reason != null ? reason : reason(body));
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
