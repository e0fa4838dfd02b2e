package uk.gov.inspectorates.portal.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.legalhold.LegalHoldService;
import uk.gov.inspectorates.portal.core.retention.HoldTarget;
import uk.gov.inspectorates.portal.core.retention.LegalHold;

/**
 * The legal hold part of an inspection's or a report's page (templates/legal-hold.mustache): "On legal hold since
 * ..., reason" and, for those who may, the form to set or lift it (posted to the retention pages).
 */
@ApplicationScoped
public class LegalHoldSection {

    @Inject
    LegalHoldService holds;

    /** {@code from}: the page the form returns to ({@code inspection-page} or {@code report-page}). */
    Map<String, Object> of(Subject subject, HoldTarget target, String from) {
        LegalHoldService.Shown shown = holds.shownTo(subject, target);
        Map<String, Object> section = new HashMap<>();
        section.put("kind", target.kind().name());
        section.put("id", target.id());
        section.put("from", from);
        section.put("what", target.kind() == HoldTarget.Kind.INSPECTION ? "inspection" : "report");
        section.put("mayChange", shown.mayChange());
        shown.hold().ifPresent(hold -> section.put("hold", held(hold, shown.detailsVisible())));
        return section;
    }

    private static Map<String, Object> held(LegalHold hold, boolean details) {
        Map<String, Object> held = new HashMap<>();
        held.put("since", RetentionPages.when(hold.since()));
        if (details) {
            held.put("reason", hold.reason());
        }
        return held;
    }
}
