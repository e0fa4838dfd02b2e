package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import uk.gov.inspectorates.portal.core.removal.RemovalService;

/** An inspection's removal certificate, by the inspection's id (after its removal; docs/adr/0030). */
@Path("inspections/{id}/removal-certificate")
@Produces(MediaType.APPLICATION_JSON)
public class InspectionRemovalCertificateResource {

    @Inject
    RemovalService removals;

    @Inject
    CurrentSubject current;

    @GET
    public RemovalsResource.CertificateView certificate(@PathParam("id") String inspectionId) {
        return RemovalsResource.CertificateView.of(removals.certificateOfInspection(current.get(), inspectionId));
    }
}
