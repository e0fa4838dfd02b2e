package uk.gov.inspectorates.portal.core.inspection;

import uk.gov.inspectorates.portal.core.document.IntakeRefusals;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.GivenClassification;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.IncomingDocument;
import uk.gov.inspectorates.portal.core.document.ResumableUpload;
import uk.gov.inspectorates.portal.core.document.ResumableUploads;
import uk.gov.inspectorates.portal.core.document.UploadPurpose;
import uk.gov.inspectorates.portal.core.document.UploadRejected;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.Ids;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Evidence an agency uploads against an information request of its own: checked by the intake (type, malware, a
 * list of children's content: {@link EvidenceIntake}),
 * stored encrypted under the inspection's key scope, and served to its agency and the participating inspectorates'
 * inspection staff as the original bytes, streamed. Every call passes the {@link PolicyGate} and is audited once.
 */
public final class EvidenceDocuments {

    private final InspectionRepository inspections;
    private final InformationRequestRepository requests;
    private final EvidenceDocumentRepository documents;
    private final EvidenceIntake intake;
    private final DocumentStore store;
    private final ResumableUploads uploads;
    private final PolicyGate gate;
    private final UnitOfWork unitOfWork;

    public EvidenceDocuments(InspectionRepository inspections, InformationRequestRepository requests,
                             EvidenceDocumentRepository documents, EvidenceIntake intake, DocumentStore store,
                             ResumableUploads uploads, PolicyGate gate) {
        this(inspections, requests, documents, intake, store, uploads, gate, UnitOfWork.NONE);
    }

    public EvidenceDocuments(InspectionRepository inspections, InformationRequestRepository requests,
                             EvidenceDocumentRepository documents, EvidenceIntake intake, DocumentStore store,
                             ResumableUploads uploads, PolicyGate gate,
                             UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.inspections = Objects.requireNonNull(inspections, "inspections");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.documents = Objects.requireNonNull(documents, "documents");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.store = Objects.requireNonNull(store, "store");
        this.uploads = Objects.requireNonNull(uploads, "uploads");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    public long maxUploadBytes() {
        return intake.maxBytes();
    }

    /**
     * Checks, before any byte of the file is read, that the subject may upload against the request (404 unless they
     * may see it; 403 naming the rule unless they are its agency's uploader or chief officer), that the inspection is
     * open (409) and the classification is OFFICIAL or OFFICIAL-SENSITIVE (422).
     */
    public UploadTarget checkUpload(Subject subject, String inspectionId, String requestId, String tier,
                                    String descriptor) {
        Act act = Act.of(AuditActions.EVIDENCE_UPLOAD, "INFORMATION_REQUEST", requestId);
        Target target = mayUpload(subject, act, inspectionId, requestId);
        List<FieldError> errors = new ArrayList<>();
        Classification classification = GivenClassification.checked(tier, descriptor,
                "Select the security classification: OFFICIAL or OFFICIAL-SENSITIVE", errors);
        if (classification == null) {
            gate.record(subject, act, Outcome.REFUSED,
                    "invalid: " + errors.stream().map(FieldError::field).toList());
            throw new InvalidInput(errors);
        }
        return new UploadTarget(target.inspection(), target.request(), classification);
    }

    /** Stores a checked upload's file; refused (and nothing kept) unless it passes intake. */
    public EvidenceDocument upload(Subject subject, UploadTarget checked, IncomingDocument file) {
        Act act = Act.of(AuditActions.EVIDENCE_UPLOAD, "INFORMATION_REQUEST", checked.request().id());
        // decided again: a target can be built by any caller, and the inspection may have closed since the check
        Target target = mayUpload(subject, act, checked.inspection().id(), checked.request().id());
        AcceptedDocument accepted = IntakeRefusals.audited(
                () -> intake.accept(file, target.inspection(), target.request()),
                detail -> gate.record(subject, act, Outcome.REFUSED, detail));
        return kept(subject, act, target, checked.classification(), accepted);
    }

    /**
     * Starts a resumable upload (docs/adr/0009) for the request: the same checks as {@link #checkUpload} but the
     * classification, which comes with the completed upload. Its content is kept under the inspection's key scope.
     */
    public ResumableUpload startUpload(Subject subject, String inspectionId, String requestId, String fileName,
                                       long length) {
        Act act = Act.of(AuditActions.EVIDENCE_UPLOAD, "INFORMATION_REQUEST", requestId);
        Target target = mayUpload(subject, act, inspectionId, requestId);
        return uploads.begin(subject, UploadPurpose.INSPECTION_DOCUMENT, target.inspection().keyScope(), fileName,
                length);
    }

    /** Keeps a completed, checked resumable upload as the request's document. */
    public EvidenceDocument uploaded(Subject subject, UploadTarget checked, String uploadId) {
        Act act = Act.of(AuditActions.EVIDENCE_UPLOAD, "INFORMATION_REQUEST", checked.request().id());
        Target target = mayUpload(subject, act, checked.inspection().id(), checked.request().id());
        AcceptedDocument accepted;
        try {
            ResumableUpload upload = uploads.status(subject, uploadId);
            if (!upload.content().scope().equals(target.inspection().keyScope())) {
                throw InvalidInput.of("upload", "That upload was started for another inspection");
            }
            accepted = intake.checked(uploads.claim(subject, uploadId, UploadPurpose.INSPECTION_DOCUMENT),
                    target.request());
        } catch (UploadRejected rejected) {
            gate.record(subject, act, Outcome.REFUSED, "upload " + uploadId + ": " + rejected.auditDetail());
            throw rejected;
        } catch (RuntimeException refused) {
            gate.record(subject, act, Outcome.REFUSED, "upload " + uploadId + ": "
                    + refused.getClass().getSimpleName());
            throw refused;
        }
        return kept(subject, act, target, checked.classification(), accepted);
    }

    /** The inspection's documents the subject may see, oldest first; 404 unless they may see the inspection. */
    public List<EvidenceDocument> ofInspection(Subject subject, String inspectionId) {
        Act act = Act.of(AuditActions.EVIDENCE_LIST, "INSPECTION", inspectionId);
        Inspection inspection = gate.admit(subject, Action.VIEW_METADATA, act, inspections.find(inspectionId),
                Inspection::asResource);
        List<EvidenceDocument> visible = gate.visible(subject, documents.ofInspection(inspectionId),
                document -> document.asResourceOf(inspection));
        gate.record(subject, act, Outcome.SUCCEEDED, "count=" + visible.size());
        return visible;
    }

    public EvidenceDocument view(Subject subject, String documentId) {
        Act act = Act.of(AuditActions.EVIDENCE_VIEW, "EVIDENCE_DOCUMENT", documentId);
        EvidenceDocument document = admitted(subject, Action.VIEW_METADATA, act, documentId);
        gate.record(subject, act, Outcome.SUCCEEDED, "inspection=" + document.inspectionId());
        return document;
    }

    /** The original bytes, decrypted as they stream; 404 to anyone who may not see the document. */
    public EvidenceDownload download(Subject subject, String documentId) {
        Act act = Act.of(AuditActions.EVIDENCE_DOWNLOAD, "EVIDENCE_DOCUMENT", documentId);
        EvidenceDocument document = admitted(subject, Action.DOWNLOAD, act, documentId);
        InputStream content;
        try {
            content = store.open(document.document().content());
        } catch (IOException e) {
            gate.record(subject, act, Outcome.REFUSED, "content unreadable");
            throw new UncheckedIOException("the document could not be read", e);
        }
        String downloadId = Ids.newId();
        return new EvidenceDownload(document, downloadId, gate.recordDownload(subject, act, downloadId,
                "download=" + downloadId + " bytes=" + document.size(), content), document.size());
    }

    private EvidenceDocument admitted(Subject subject, Action action, Act act, String documentId) {
        Optional<EvidenceDocument> found = documents.find(documentId);
        Optional<Inspection> inspection = found.flatMap(document -> inspections.find(document.inspectionId()));
        return gate.admit(subject, action, act, inspection.isPresent() ? found : Optional.empty(),
                document -> document.asResourceOf(inspection.orElseThrow()));
    }

    private record Target(Inspection inspection, InformationRequest request) {
    }

    private Target mayUpload(Subject subject, Act act, String inspectionId, String requestId) {
        Optional<Inspection> inspection = inspections.find(inspectionId);
        InformationRequest request = gate.admit(subject, Action.VIEW_METADATA, act,
                inspection.flatMap(found -> requests.find(found.id(), requestId)),
                found -> found.asResourceOf(inspection.orElseThrow()));
        gate.require(subject, Action.UPLOAD, request.newDocumentOf(inspection.orElseThrow()), act);
        if (inspection.get().status() != InspectionStatus.OPEN) {
            gate.record(subject, act, Outcome.REFUSED, "inspection closed");
            throw new Conflict("The inspection is closed: nothing more can be uploaded to it");
        }
        return new Target(inspection.get(), request);
    }

    private EvidenceDocument kept(Subject subject, Act act, Target target, Classification classification,
                                  AcceptedDocument accepted) {
        InformationRequest request = target.request();
        EvidenceDocument document = new EvidenceDocument(Ids.newId(), target.inspection().id(), request.id(),
                request.agencyId(), request.requestedBy(), classification, subject.userId(),
                gate.clock().instant(), accepted);
        // the object is stored already (before the unit): the row and its event commit together, or it is deleted
        try {
            unitOfWork.run(() -> {
                documents.add(document);
                gate.record(subject, act.about("EVIDENCE_DOCUMENT", document.id()), Outcome.SUCCEEDED,
                        "request=" + request.id() + " agency=" + request.agencyId() + " classification="
                                + classification.marking() + " bytes=" + document.size() + " sha256="
                                + document.sha256());
            });
        } catch (RuntimeException failure) {
            try {
                store.delete(accepted.content());
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
            gate.record(subject, act, Outcome.REFUSED, "database failure");
            throw failure;
        }
        return document;
    }
}
