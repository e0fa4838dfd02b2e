package uk.gov.inspectorates.portal.core.removal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;

/**
 * What people do with removals: administrators list them (with failures: step and error class) and run the due ones
 * now; the SIROs and administrators of an inspection's participants download its removal certificate. The
 * verification key is public.
 */
public final class RemovalService {

    private final PolicyGate gate;
    private final RetentionRun run;
    private final Removals removals;
    private final RemovalCertificates certificates;
    private final CertificateSigner signer;

    public RemovalService(PolicyGate gate, RetentionRun run, Removals removals, RemovalCertificates certificates,
                          CertificateSigner signer) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.run = Objects.requireNonNull(run, "run");
        this.removals = Objects.requireNonNull(removals, "removals");
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    public List<RemovalRecord> removals(Subject subject) {
        Act act = Act.of(AuditActions.REMOVAL_LIST, "RETENTION", null);
        gate.require(subject, Action.LIST, RemovalResources.removals(), act);
        List<RemovalRecord> all = removals.all();
        gate.record(subject, act, Outcome.SUCCEEDED, "count=" + all.size());
        return all;
    }

    public RetentionRun.Result runDueRemovals(Subject subject) {
        Act act = Act.of(AuditActions.RETENTION_RUN, "RETENTION", null);
        gate.require(subject, Action.CHANGE, RemovalResources.removals(), act);
        RetentionRun.Result result = run.run();
        gate.record(subject, act, result.failed() > 0 ? Outcome.REFUSED : Outcome.SUCCEEDED, "removed="
                + result.removed() + " held=" + result.held() + " busy=" + result.busy() + " failed=" + result.failed());
        return result;
    }

    public List<SignedCertificate> certificates(Subject subject) {
        List<SignedCertificate> visible = gate.visible(subject, certificates.all(), RemovalResources::certificate);
        gate.record(subject, Act.of(AuditActions.REMOVAL_CERTIFICATE_LIST, "REMOVAL_CERTIFICATE", null),
                Outcome.SUCCEEDED, "count=" + visible.size());
        return visible;
    }

    /** 404 for one the subject may not know of, 403 naming the rule for one they may see but not download. */
    public SignedCertificate certificate(Subject subject, String id) {
        return downloaded(subject, Act.of(AuditActions.REMOVAL_CERTIFICATE_DOWNLOAD, "REMOVAL_CERTIFICATE", id),
                certificates.find(id));
    }

    public SignedCertificate certificateOfInspection(Subject subject, String inspectionId) {
        return downloaded(subject, Act.of(AuditActions.REMOVAL_CERTIFICATE_DOWNLOAD, "INSPECTION", inspectionId),
                certificates.ofInspection(inspectionId));
    }

    /** Admitted, then recorded as served before it is returned (a download is an access: issue 18). */
    private SignedCertificate downloaded(Subject subject, Act act, Optional<SignedCertificate> found) {
        SignedCertificate certificate = gate.admit(subject, Action.DOWNLOAD, act, found,
                RemovalResources::certificate);
        gate.record(subject, act, Outcome.SUCCEEDED, "removal certificate served");
        return certificate;
    }

    public String verificationKeyPem() {
        return signer.verificationKeyPem();
    }
}
