package uk.gov.inspectorates.portal.core.accountability;

import java.util.Objects;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditVerification;
import uk.gov.inspectorates.portal.core.audit.ChainVerification;
import uk.gov.inspectorates.portal.core.audit.CheckpointSigner;

/**
 * A SIRO verifies the whole trail (the portal's own verifier: every event, every checkpoint, against the archive), and
 * anyone signed in fetches the public verification key for the offline tool. Verifying is audited (AUDIT_VERIFY) with
 * its result.
 */
public final class TrailVerification {

    /** The public half of the audit signing key, for the offline tool. */
    public record VerificationKey(String keyId, String pem) {
    }

    private final PolicyGate gate;
    private final ChainVerification verifier;
    private final CheckpointSigner signer;

    public TrailVerification(PolicyGate gate, ChainVerification verifier, CheckpointSigner signer) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    public ChainVerification.Report verify(Subject subject) {
        gate.require(subject, Action.AUDIT_VIEW, SiroTrail.of(subject),
                SiroTrail.act(AuditActions.AUDIT_VERIFY, subject));
        ChainVerification.Report report = verifier.report();
        AuditVerification result = report.verification();
        gate.record(subject, SiroTrail.act(AuditActions.AUDIT_VERIFY, subject), Outcome.SUCCEEDED,
                result.intact()
                        ? "intact: " + result.eventsChecked() + " events, checkpoint "
                            + (result.checkpointSeq() == null ? "none" : "at seq " + result.checkpointSeq())
                            + ", " + report.eventsNotCovered() + " after it"
                        : "BROKEN at seq " + result.firstBrokenSeq() + ": " + result.problem());
        return report;
    }

    public VerificationKey verificationKey() {
        return new VerificationKey(signer.keyId(), signer.verificationKeyPem());
    }
}
