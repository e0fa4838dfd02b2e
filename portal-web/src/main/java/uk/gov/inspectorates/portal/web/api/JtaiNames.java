package uk.gov.inspectorates.portal.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionService;

/**
 * The names the JTAI pages and views show for ids: local authority areas and their agencies, from the reference data
 * every signed-in person may read ({@link InspectionService#localAuthorityAreas}).
 */
@ApplicationScoped
public class JtaiNames {

    @Inject
    InspectionService inspections;

    /** The agency's name, or its id when the portal does not know it. */
    public String agency(String agencyId) {
        return names().getOrDefault(agencyId, agencyId);
    }

    /** "Northdale joint targeted area inspection". */
    public String inspection(Inspection inspection) {
        return names().getOrDefault(inspection.localAuthorityAreaId(), inspection.localAuthorityAreaId())
                + " joint targeted area inspection";
    }

    private Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        inspections.localAuthorityAreas().forEach(area -> {
            names.put(area.area().id(), area.area().name());
            area.agencies().forEach(agency -> names.put(agency.id(), agency.name()));
        });
        return names;
    }
}
