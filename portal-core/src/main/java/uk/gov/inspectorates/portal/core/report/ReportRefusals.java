package uk.gov.inspectorates.portal.core.report;

import java.util.function.Consumer;
import uk.gov.inspectorates.portal.core.access.Decision;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.NotFound;

/**
 * How the report services turn the policy's answer about one report into the caller's: unknown, or not for the
 * caller at all, is a 404; known but not for this action, a 403 naming the rule. Each refusal is audited once.
 */
final class ReportRefusals {

    private ReportRefusals() {
    }

    /**
     * @param decision the policy's answer for the action (null when there is no such report)
     * @param mayKnow  whether the caller may know the report exists (may view its details)
     * @param audit    records a refusal's reason
     */
    static Report checked(Report report, Decision decision, boolean mayKnow, Consumer<String> audit) {
        if (report == null) {
            audit.accept("no such report");
            throw new NotFound("report");
        }
        if (!decision.permitted()) {
            audit.accept(decision.rule());
            throw mayKnow ? new AccessDenied(decision.rule()) : new NotFound("report");
        }
        return report;
    }
}
