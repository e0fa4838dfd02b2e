package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import uk.gov.inspectorates.portal.core.accountability.TrailVerification;
import uk.gov.inspectorates.portal.core.audit.AuditVerification;
import uk.gov.inspectorates.portal.core.audit.ChainVerification;

/**
 * The portal's own check of the whole audit trail against its chain and signed checkpoints (docs/adr/0031), for an
 * inspectorate's SIRO (403 naming {@code audit.read.own-organisation-siro} for anyone else); audited as AUDIT_VERIFY.
 */
@Path("audit/verification")
@Produces(MediaType.APPLICATION_JSON)
public class AuditVerificationResource {

    @Inject
    TrailVerification verification;

    @Inject
    CurrentSubject current;

    /** Intact or not; the last signed checkpoint reached; the first broken seq and what was wrong. */
    public record VerificationView(boolean intact, long eventsChecked, Long checkpointSeq, Instant checkpointAt,
                                   long eventsNotCovered, Long firstBrokenSeq, String problem,
                                   String checkpointArchive) {
        static VerificationView of(ChainVerification.Report report) {
            AuditVerification result = report.verification();
            return new VerificationView(result.intact(), result.eventsChecked(), result.checkpointSeq(),
                    result.checkpointAt(), report.eventsNotCovered(), result.firstBrokenSeq(), result.problem(),
                    report.archiveProtection());
        }
    }

    @GET
    public VerificationView verify() {
        return VerificationView.of(verification.verify(current.get()));
    }
}
