package uk.gov.inspectorates.portal.web.api;

import jakarta.ws.rs.Path;
import uk.gov.inspectorates.portal.core.retention.HoldTarget;

/** The legal hold on a report: set and lifted by an administrator of its originating inspectorate. */
@Path("reports/{id}/legal-hold")
public class ReportLegalHoldResource extends LegalHoldResource {

    @Override
    HoldTarget target(String id) {
        return HoldTarget.report(id);
    }
}
