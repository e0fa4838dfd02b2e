package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import uk.gov.inspectorates.portal.core.removal.RemovalService;

/**
 * Signed removal certificates (docs/adr/0030): listed for and downloaded by the SIROs and administrators of an
 * inspection's participating inspectorates; the verification key (PEM) is public.
 */
@Path("removal-certificates")
@Produces(MediaType.APPLICATION_JSON)
public class RemovalCertificatesResource {

    @Inject
    RemovalService removals;

    @Inject
    CurrentSubject current;

    @GET
        public List<RemovalsResource.CertificateSummary> certificates() {
        return removals.certificates(current.get()).stream().map(RemovalsResource.CertificateSummary::of).toList();
    }

    @GET
    @Path("verification-key")
    @Produces("application/x-pem-file")
    public String verificationKey() {
        return removals.verificationKeyPem();
    }

    @GET
    @Path("{id}")
    public RemovalsResource.CertificateView certificate(@PathParam("id") String id) {
        return RemovalsResource.CertificateView.of(removals.certificate(current.get(), id));
    }
}
