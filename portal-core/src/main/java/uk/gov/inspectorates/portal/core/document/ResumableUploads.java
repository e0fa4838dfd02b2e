package uk.gov.inspectorates.portal.core.document;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.Decision;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.Ids;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Resumable uploads (docs/adr/0009): the same intake as a one-request upload, spread over many requests. The size
 * cap is checked on the announced length and every part's exact size; the type from the first part's bytes (a
 * refused type discards the upload at once); the malware scan, the content inspection and the caller's check read
 * the assembled object back, decrypting it ({@link AssembledUploadCheck}), so they do not depend on the sender's
 * connection. Who may start one, and that only its owner may touch it (to anyone
 * else it does not exist), is decided through the {@link PolicyGate}. Refused, abandoned and expired uploads are removed
 * KEK first, then the object, then the record.
 */
public final class ResumableUploads {

    /**
     * Part size (a multiple of the envelope's segment size; S3 wants 5 MiB or more) and how long an idle upload lives.
     */
    public record Settings(int partSize, Duration expiry) {
        public Settings {
            if (partSize <= 0 || expiry.isNegative() || expiry.isZero()) {
                throw new IllegalArgumentException("uploads need a positive part size and expiry");
            }
        }
    }

    private final ResumableUploadRepository uploads;
    private final PartedDocuments store;
    private final DocumentIntake intake;
    private final WindowedScanner scanner;
    private final KeyService keys;
    private final PolicyGate gate;
    private final AuditTrail audit;
    private final Clock clock;
    private final Settings settings;
    private final UnitOfWork unitOfWork;

    /** {@code audit}: for what the expiry policy removes (no person acts there); people's acts go through the gate. */
    public ResumableUploads(ResumableUploadRepository uploads, PartedDocuments store, DocumentIntake intake,
                            WindowedScanner scanner, KeyService keys, PolicyGate gate, AuditTrail audit,
                            Settings settings) {
        this(uploads, store, intake, scanner, keys, gate, audit, settings, UnitOfWork.NONE);
    }

    public ResumableUploads(ResumableUploadRepository uploads, PartedDocuments store, DocumentIntake intake,
                            WindowedScanner scanner, KeyService keys, PolicyGate gate, AuditTrail audit,
                            Settings settings,
                            UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.uploads = Objects.requireNonNull(uploads, "uploads");
        this.store = Objects.requireNonNull(store, "store");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = gate.clock();
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Starts an upload of {@code length} bytes whose content will be kept under {@code scope}, if the subject may
     * upload what the purpose makes. Refuses, before any byte, what cannot pass: an empty or too large file, a name
     * whose extension the purpose never allows.
     */
    public ResumableUpload begin(Subject subject, UploadPurpose purpose, KeyScope scope, String fileName,
                                 long length) {
        gate.require(subject, Action.UPLOAD, madeBy(subject, purpose), act(AuditActions.UPLOAD_START, null));
        String name;
        try {
            checkAnnounced(purpose, fileName, length);
            name = FileNames.normalise(fileName);
            checkExtension(purpose, name);
        } catch (InvalidInput | UploadRejected refused) {
            gate.record(subject, act(AuditActions.UPLOAD_START, null), Outcome.REFUSED,
                    refused instanceof UploadRejected r ? r.auditDetail() : "invalid");
            throw refused;
        }
        PartedContent content;
        try {
            content = store.startParts(scope, length, settings.partSize());
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be started", e);
        }
        Instant now = clock.instant();
        ResumableUpload upload = new ResumableUpload(Ids.newId(), subject.userId(), subject.organisation().id(),
                purpose, name, content, ResumableUpload.Status.RECEIVING, Map.of(), null, null, now,
                now.plus(settings.expiry()));
        try {
            unitOfWork.run(() -> {
                uploads.add(upload);
                gate.record(subject, act(AuditActions.UPLOAD_START, upload.id()), Outcome.SUCCEEDED,
                        "purpose=" + purpose + " bytes=" + length + " parts=" + content.partCount());
            });
        } catch (RuntimeException failure) {
            removeContent(content, failure);
            throw failure;
        }
        return upload;
    }

    public ResumableUpload status(Subject subject, String id) {
        return owned(subject, id, Action.VIEW_METADATA);
    }

    /**
     * Receives part {@code number}: exactly its size, else nothing is kept. Sending a part again replaces it, so a
     * sender that lost the answer to a part just sends it again.
     */
    public ResumableUpload receivePart(Subject subject, String id, int number, InputStream body) {
        ResumableUpload upload = owned(subject, id, Action.UPLOAD);
        if (upload.status() != ResumableUpload.Status.RECEIVING) {
            throw new Conflict("All parts of this upload have arrived and it has been completed");
        }
        PartedContent content = upload.content();
        if (number < 1 || number > content.partCount()) {
            throw InvalidInput.of("part", "There is no part " + number + ": this upload has parts 1 to "
                    + content.partCount());
        }
        int expected = content.partLength(number);
        // read into one buffer of the part's size (readNBytes(n) would hold the part twice while it copies)
        byte[] bytes = new byte[expected];
        int arrived;
        boolean more;
        try {
            arrived = body.readNBytes(bytes, 0, expected);
            more = arrived == expected && body.read() >= 0;
        } catch (IOException e) {
            Arrays.fill(bytes, (byte) 0);
            throw new UncheckedIOException("part " + number + " was interrupted", e);
        }
        try {
            if (arrived != expected || more) {
                throw InvalidInput.of("part", "Part " + number + " must be exactly " + expected + " bytes, but "
                        + (more ? "more" : String.valueOf(arrived)) + " arrived");
            }
            if (number == 1) {
                uploads.recordMediaType(id, checkType(subject, upload, bytes));
            }
            String tag = store.storePart(content, number, bytes);
            uploads.recordPart(id, number, tag, clock.instant().plus(settings.expiry()));
        } catch (IOException e) {
            throw new UncheckedIOException("part " + number + " could not be stored", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        return owned(subject, id, Action.UPLOAD);
    }

    /**
     * Assembles an upload whose parts have all arrived, then checks it: the malware scan reads the whole file back.
     * A refusal discards the upload; with the scanner unavailable the upload is kept, assembled, for a retry.
     * Completing a ready upload again just returns it.
     */
    public ResumableUpload complete(Subject subject, String id) {
        return completed(subject, id, ContentCheck.NONE);
    }

    /**
     * As {@link #complete(Subject, String)}, and the caller's {@code check} sees the plaintext as it is read back
     * and may refuse it (the upload is then discarded).
     */
    public ResumableUpload complete(Subject subject, String id, ContentCheck check) {
        return completed(subject, id, check);
    }

    private ResumableUpload completed(Subject subject, String id, ContentCheck check) {
        ResumableUpload upload = owned(subject, id, Action.UPLOAD);
        if (upload.status() == ResumableUpload.Status.READY) {
            return upload;
        }
        if (upload.status() == ResumableUpload.Status.RECEIVING) {
            List<Integer> missing = upload.missingParts();
            if (!missing.isEmpty()) {
                throw new Conflict(missing.size() + " of " + upload.content().partCount()
                        + " parts have not arrived yet, starting with part " + missing.get(0));
            }
            try {
                store.assemble(upload.content(), upload.tagsInOrder());
            } catch (IOException e) {
                throw new UncheckedIOException("the upload could not be assembled", e);
            }
            uploads.markAssembled(id);
        }
        String sha256 = checked(subject, upload, check);
        unitOfWork.run(() -> {
            uploads.markReady(id, sha256);
            gate.record(subject, act(AuditActions.UPLOAD_CHECK, id), Outcome.SUCCEEDED,
                    "bytes=" + upload.content().length());
        });
        return owned(subject, id, Action.UPLOAD);
    }

    /**
     * Hands a ready upload over to what it was uploaded for, once: the record is removed and the content is from
     * now on the caller's to keep (under the key scope given at the start).
     */
    public AcceptedDocument claim(Subject subject, String id, UploadPurpose purpose) {
        ResumableUpload upload = owned(subject, id, Action.UPLOAD);
        if (upload.purpose() != purpose) {
            throw InvalidInput.of("upload", "That upload was not made for this");
        }
        if (upload.status() != ResumableUpload.Status.READY) {
            throw new Conflict("The upload has not been completed and checked yet");
        }
        if (!uploads.remove(id)) {
            throw new NotFound("upload");
        }
        return new AcceptedDocument(upload.fileName(), upload.mediaType(),
                upload.content().stored(upload.plaintextSha256()));
    }

    /** The owner gives up an upload: everything of it is removed. */
    public void abandon(Subject subject, String id) {
        ResumableUpload upload = owned(subject, id, Action.DELETE);
        destroyContent(upload);
        unitOfWork.run(() -> {
            uploads.remove(upload.id());
            gate.record(subject, act(AuditActions.UPLOAD_DISCARD, id), Outcome.SUCCEEDED, "abandoned by its owner");
        });
    }

    /**
     * Every upload not yet attached or discarded, with {@link #lastPartAt}: the retention policy for resumable uploads
     * (core.retention, RESUMABLE_UPLOADS) decides when each goes.
     */
    public List<ResumableUpload> unfinished() {
        return uploads.all();
    }

    /** When the upload last moved (its start, or its last part): what its expiry and its retention count from. */
    public Instant lastPartAt(ResumableUpload upload) {
        return upload.expiresAt().minus(settings.expiry());
    }

    /**
     * Discards the upload for the retention policy (no person acts; the policy's sweep audits it), provided it has not
     * moved since {@code lastPartAt}.
     *
     * @return whether it was discarded now (false: gone already, or a part arrived meanwhile)
     */
    public boolean discardByPolicy(String id, Instant lastPartAt) {
        Optional<ResumableUpload> found = uploads.find(id);
        if (found.isEmpty() || !lastPartAt(found.get()).equals(lastPartAt)) {
            return false;
        }
        discard(found.get());
        return true;
    }

    private void checkAnnounced(UploadPurpose purpose, String fileName, long length) {
        if (fileName == null || fileName.isBlank()) {
            throw InvalidInput.of("fileName", "Give the name of the file");
        }
        if (length <= 0) {
            throw new UploadRejected(UploadRejected.Reason.EMPTY, "The selected file is empty");
        }
        if (length > intake.maxBytes()
                || PartedContent.partCount(length, settings.partSize()) > PartedContent.MAX_PARTS) {
            throw intake.tooLarge();
        }
    }

    private static void checkExtension(UploadPurpose purpose, String fileName) {
        AllowedTypes allowed = purpose.allowed();
        if (allowed.allowsAnyPackage()) {
            DocumentIntake.refuseMacroEnabledName(fileName);
        }
        boolean nameAllowed = AllowedTypes.extensionOf(fileName)
                .map(ext -> allowed.extensionsByMediaType().values().stream().anyMatch(set -> set.contains(ext)))
                .orElse(false);
        if (!nameAllowed) {
            throw new UploadRejected(UploadRejected.Reason.TYPE_NOT_ALLOWED,
                    "The selected file must be a " + allowed.describe());
        }
    }

    private String checkType(Subject subject, ResumableUpload upload, byte[] firstPart) throws IOException {
        int prefix = Math.min(firstPart.length, DocumentIntake.DETECTION_PREFIX_BYTES);
        try {
            return intake.checkType(new BufferedInputStream(new ByteArrayInputStream(firstPart, 0, prefix),
                    DocumentIntake.DETECTION_PREFIX_BYTES), upload.fileName(), upload.purpose().allowed());
        } catch (UploadRejected rejected) {
            throw refusedAndDiscarded(subject, upload, rejected);
        }
    }

    /** The assembled file read back and checked ({@link AssembledUploadCheck}); a refusal discards the upload. */
    private String checked(Subject subject, ResumableUpload upload, ContentCheck check) {
        AssembledUploadCheck.Checked checked;
        try {
            checked = new AssembledUploadCheck(store, intake, scanner).check(upload, check);
        } catch (ScanningUnavailable unavailable) {
            gate.record(subject, act(AuditActions.UPLOAD_CHECK, upload.id()), Outcome.REFUSED, "scanning unavailable");
            throw unavailable;
        } catch (ScanningBusy busy) {
            gate.record(subject, act(AuditActions.UPLOAD_CHECK, upload.id()), Outcome.REFUSED, busy.rule());
            throw busy;
        } catch (UploadRejected rejected) {
            throw refusedAndDiscarded(subject, upload, rejected);
        }
        if (!checked.mediaType().equals(upload.mediaType())) {
            uploads.recordMediaType(upload.id(), checked.mediaType());
        }
        return checked.sha256();
    }

    private UploadRejected refusedAndDiscarded(Subject subject, ResumableUpload upload, UploadRejected rejected) {
        try {
            discard(upload);
        } catch (RuntimeException e) {
            rejected.addSuppressed(e);
        }
        gate.record(subject, act(AuditActions.UPLOAD_CHECK, upload.id()), Outcome.REFUSED, rejected.auditDetail());
        return rejected;
    }

    /** KEK destroyed first (the content is unreadable from then on), then the object, then the record. */
    private void discard(ResumableUpload upload) {
        destroyContent(upload);
        uploads.remove(upload.id());
    }

    /** The irreversible part of a discard, done before (and outside) any unit of work that records it. */
    private void destroyContent(ResumableUpload upload) {
        destroyOwnScope(upload.content().scope());
        try {
            store.discard(upload.content());
        } catch (IOException e) {
            throw new UncheckedIOException("the upload's stored parts could not be removed", e);
        }
    }

    /**
     * A report upload's key scope was made for it alone (the report's id is chosen at the start), so destroying it
     * crypto-shreds just the upload. An inspection document's scope is its inspection's, shared with every document
     * already kept: destroying it would make them all unreadable. There only the object and the record go (the
     * record holds the upload's wrapped data key).
     */
    private void destroyOwnScope(KeyScope scope) {
        if (scope.kind() == KeyScope.Kind.REPORT) {
            keys.destroyScope(scope);
        }
    }

    private void removeContent(PartedContent content, RuntimeException failure) {
        try {
            destroyOwnScope(content.scope());
            store.discard(content);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** What an upload for this purpose will become, as the policy sees it before it exists. */
    private static Resource madeBy(Subject subject, UploadPurpose purpose) {
        return switch (purpose) {
            case REPORT -> Resource.newReport(subject.inspectorate().orElse(null));
            case INSPECTION_DOCUMENT -> Resource.newEvidenceDocument(subject.organisation().id());
        };
    }

    /**
     * Someone else's upload, an unknown one and an expired one are all "not found". Only someone else's is audited
     * ({@code UPLOAD_ACCESS}, docs/adr/0009); an unknown or expired id never was, which is why this is not
     * {@link PolicyGate#admit} (that audits "no such upload").
     */
    private ResumableUpload owned(Subject subject, String id, Action action) {
        ResumableUpload upload = uploads.find(id).orElseThrow(() -> new NotFound("upload"));
        Decision decision = gate.decide(subject, action, Resource.upload(id, upload.ownerUserId()));
        if (!decision.permitted()) {
            gate.record(subject, act(AuditActions.UPLOAD_ACCESS, id), Outcome.DENIED, decision.rule());
            throw new NotFound("upload");
        }
        if (!upload.expiresAt().isAfter(clock.instant())) {
            throw new NotFound("upload");
        }
        return upload;
    }

    private static Act act(String auditAction, String uploadId) {
        return Act.of(auditAction, "UPLOAD", uploadId);
    }

}
