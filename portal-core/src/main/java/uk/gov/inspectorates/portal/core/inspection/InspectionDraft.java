package uk.gov.inspectorates.portal.core.inspection;

import java.util.List;
import java.util.Map;

/**
 * An inspection as the lead inspector asks for it, unchecked: the area's id, the deep-dive theme, the notification
 * date ({@code YYYY-MM-DD}), the participating inspectorates' codes, the lead inspectorate's code (Ofsted, or none)
 * and the user ids of the other participants' lead inspectors by inspectorate code.
 */
public record InspectionDraft(String localAuthorityArea, String theme, String notifiedOn, List<String> inspectorates,
                              String leadInspectorate, Map<String, String> leadInspectors) {

    public InspectionDraft {
        inspectorates = inspectorates == null ? List.of() : List.copyOf(inspectorates);
        leadInspectors = leadInspectors == null ? Map.of() : Map.copyOf(leadInspectors);
    }
}
