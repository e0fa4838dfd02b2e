package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.removal.RemovalRecord;
import uk.gov.inspectorates.portal.core.removal.RemovalService;
import uk.gov.inspectorates.portal.core.removal.RetentionRun;
import uk.gov.inspectorates.portal.core.removal.SignedCertificate;

/**
 * Removals at the end of their retention periods (docs/adr/0030): administrators list them (a failed one with its step
 * and error class) and run the due ones now; the SIROs and administrators of an inspection's participating
 * inspectorates download its signed removal certificate; the verification key is public.
 */
@Path("removals")
@Produces(MediaType.APPLICATION_JSON)
public class RemovalsResource {

    public record RemovalView(String id, String category, String kind, String targetId, String description,
                              String status, String step, String failedStep, String failureClass, int attempts,
                              OffsetDateTime dueAt, OffsetDateTime startedAt, OffsetDateTime completedAt,
                              OffsetDateTime kekDestroyedAt, Integer objects, Long plaintextBytes) {
        static RemovalView of(RemovalRecord r) {
            return new RemovalView(r.id(), r.candidate().category().name(), r.candidate().kind(), r.candidate().id(),
                    r.candidate().description(), r.status(), r.step().name(),
                    r.failedStep() == null ? null : r.failedStep().name(), r.failureClass(), r.attempts(),
                    at(r.candidate().dueAt()), at(r.startedAt()), at(r.completedAt()), at(r.kekDestroyedAt()),
                    r.objects(), r.plaintextBytes());
        }
    }

    public record RunView(int removed, int held, int busy, int failed) {
        static RunView of(RetentionRun.Result result) {
            return new RunView(result.removed(), result.held(), result.busy(), result.failed());
        }
    }

    public record CertificateSummary(String id, String inspectionId, OffsetDateTime issuedAt,
                                     List<String> participants, String href) {
        static CertificateSummary of(SignedCertificate c) {
            return new CertificateSummary(c.id(), c.inspectionId(), at(c.issuedAt()),
                    c.participants().stream().map(Inspectorate::name).sorted().toList(),
                    "/api/v1/removal-certificates/" + c.id());
        }
    }

    /**
     * The certificate as signed: {@code certificate} is the canonical JSON text (UTF-8) exactly as signed,
     * {@code canonicalBase64} the same bytes, {@code signature} the Ed25519 signature over them (base64).
     */
    public record CertificateView(String id, String inspectionId, OffsetDateTime issuedAt, String algorithm,
                                  String signingKeyId, String certificate, String canonicalBase64, String signature,
                                  String verificationKey) {
        static CertificateView of(SignedCertificate c) {
            return new CertificateView(c.id(), c.inspectionId(), at(c.issuedAt()), "Ed25519", c.signingKeyId(),
                    new String(c.canonical(), StandardCharsets.UTF_8),
                    Base64.getEncoder().encodeToString(c.canonical()),
                    Base64.getEncoder().encodeToString(c.signature()),
                    "/api/v1/removal-certificates/verification-key");
        }
    }

    @Inject
    RemovalService removals;

    @Inject
    CurrentSubject current;

    @GET
    public List<RemovalView> removals() {
        return removals.removals(current.get()).stream().map(RemovalView::of).toList();
    }

    @POST
    @Path("runs")
    public RunView runDueRemovals() {
        return RunView.of(removals.runDueRemovals(current.get()));
    }

    static OffsetDateTime at(java.time.Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
