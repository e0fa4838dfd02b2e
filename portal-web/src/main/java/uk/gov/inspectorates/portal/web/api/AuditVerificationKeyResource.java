package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import uk.gov.inspectorates.portal.core.accountability.TrailVerification;

/**
 * The public half of the audit signing key, for the offline verifier ({@code java -jar audit-verifier.jar
 * --public-key audit-signing.pem export.csv}): JSON with the key id and the PEM, or the PEM alone when asked for
 * {@code application/x-pem-file}. Public, like the removal certificates' key.
 */
@Path("audit/verification-key")
public class AuditVerificationKeyResource {

    @Inject
    TrailVerification verification;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public TrailVerification.VerificationKey key() {
        return verification.verificationKey();
    }

    @GET
    @Produces("application/x-pem-file")
    public String pem() {
        return verification.verificationKey().pem();
    }
}
