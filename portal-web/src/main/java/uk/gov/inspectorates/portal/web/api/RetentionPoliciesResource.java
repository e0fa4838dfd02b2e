package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import uk.gov.inspectorates.portal.core.retention.PolicyChange;
import uk.gov.inspectorates.portal.core.retention.PolicyProposal;
import uk.gov.inspectorates.portal.core.retention.RetentionAdministration;
import uk.gov.inspectorates.portal.core.retention.RetentionMinimums;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy;

/**
 * Retention policies (issue 17, docs/adr/0029): per category a duration, the action at its end and its owner, with a
 * history of changes. Inspectorate administrators view and change them, SIROs view them.
 */
@Path("retention-policies")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionPoliciesResource {

    public record MinimumView(int amount, String unit, String rule, String source) {
    }

    public record PolicyView(String category, int amount, String unit, String action, String owner,
                             MinimumView minimum) {
        static PolicyView of(RetentionPolicy policy) {
            MinimumView minimum = RetentionMinimums.of(policy.category()).map(m -> new MinimumView(m.amount(),
                    m.unit().name(), m.rule(), m.source())).orElse(null);
            return new PolicyView(policy.category().name(), policy.amount(), policy.unit().name(),
                    policy.action().name(), policy.owner(), minimum);
        }
    }

    public record ChangeView(PolicyView before, PolicyView after, String changedBy, String changedByOrganisation,
                             OffsetDateTime changedAt, String reason) {
        static ChangeView of(PolicyChange change) {
            return new ChangeView(PolicyView.of(change.before()), PolicyView.of(change.after()), change.changedBy(),
                    change.changedByOrganisation(), change.changedAt().atOffset(ZoneOffset.UTC), change.reason());
        }
    }

    @Inject
    RetentionAdministration retention;

    @Inject
    CurrentSubject current;

    @GET
    public List<PolicyView> policies() {
        return retention.policies(current.get()).stream().map(PolicyView::of).toList();
    }

    /** Body {@code {"amount": 30, "unit": "CALENDAR_DAYS", "action": "REMOVE", "owner": "...", "reason": "..."}}. */
    @PUT
    @Path("{category}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChangeView change(@PathParam("category") String category, String body) {
        JsonObject json = JsonBodies.object(body);
        return ChangeView.of(retention.change(current.get(), category, new PolicyProposal(amount(json),
                JsonBodies.text(json, "unit"), JsonBodies.text(json, "action"), JsonBodies.text(json, "owner"),
                JsonBodies.text(json, "reason"))));
    }

    @GET
    @Path("{category}/history")
    public List<ChangeView> history(@PathParam("category") String category) {
        return retention.history(current.get(), category).stream().map(ChangeView::of).toList();
    }

    /** A number as written (a fraction then fails as "not a whole number"), or a string; else left to the service. */
    private static String amount(JsonObject json) {
        JsonValue value = json.get("amount");
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case NUMBER -> value.toString();
            case STRING -> JsonBodies.text(json, "amount");
            default -> "not a number";
        };
    }
}
