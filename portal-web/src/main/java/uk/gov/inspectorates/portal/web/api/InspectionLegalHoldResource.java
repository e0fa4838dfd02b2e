package uk.gov.inspectorates.portal.web.api;

import jakarta.ws.rs.Path;
import uk.gov.inspectorates.portal.core.retention.HoldTarget;

/** The legal hold on an inspection: set and lifted by an administrator of a participating inspectorate. */
@Path("inspections/{id}/legal-hold")
public class InspectionLegalHoldResource extends LegalHoldResource {

    @Override
    HoldTarget target(String id) {
        return HoldTarget.inspection(id);
    }
}
