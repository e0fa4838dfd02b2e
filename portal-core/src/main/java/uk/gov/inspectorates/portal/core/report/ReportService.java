package uk.gov.inspectorates.portal.core.report;

import uk.gov.inspectorates.portal.core.document.IntakeRefusals;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.notification.NoticeOutbox;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.AllowedTypes;
import uk.gov.inspectorates.portal.core.document.DocumentIntake;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.IncomingDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.ResumableUpload;
import uk.gov.inspectorates.portal.core.document.ResumableUploads;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.document.UploadPurpose;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.retention.Removal;
import uk.gov.inspectorates.portal.core.retention.Remover;
import uk.gov.inspectorates.portal.core.retention.ScopeRemoval;
import uk.gov.inspectorates.portal.core.shared.Ids;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Sharing pre-publication reports and opening them. Every call is decided by the {@link PolicyGate} and leaves
 * exactly one audit event about the report, whatever its outcome (sharing a resumable upload may add one about the
 * upload, e.g. someone else's upload refused as {@code UPLOAD_ACCESS}).
 */
public final class ReportService {

    private final ReportRepository reports;
    private final DocumentIntake intake;
    private final DocumentStore store;
    private final NoticeOutbox notices;
    private final PolicyGate gate;
    private final ScopeRemoval removal;
    private final ResumableUploads uploads;
    private final Clock clock;
    private final ReportAttachments attachments;
    private final ReportValidator validator = new ReportValidator();
    private final StampedCopies stampedCopies;
    private final UnitOfWork unitOfWork;

    public ReportService(ReportRepository reports, DocumentIntake intake, DocumentStore store, PolicyGate gate,
                         ScopeRemoval removal, ResumableUploads uploads, Stamper stamper,
                         ReportAttachments attachments, NoticeOutbox notices) {
        this(reports, intake, store, gate, removal, uploads, stamper, attachments, StampedCopies.defaultBudget(),
                notices);
    }

    public ReportService(ReportRepository reports, DocumentIntake intake, DocumentStore store, PolicyGate gate,
                         ScopeRemoval removal, ResumableUploads uploads, Stamper stamper,
                         ReportAttachments attachments, StampingBudget stampingBudget, NoticeOutbox notices) {
        this(reports, intake, store, gate, removal, uploads, stamper, attachments, stampingBudget, notices,
                UnitOfWork.NONE);
    }

    /** {@code unitOfWork}: the report's rows, its audit event and its notices are written together, or none. */
    public ReportService(ReportRepository reports, DocumentIntake intake, DocumentStore store, PolicyGate gate,
                         ScopeRemoval removal, ResumableUploads uploads, Stamper stamper,
                         ReportAttachments attachments, StampingBudget stampingBudget, NoticeOutbox notices,
                         UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.notices = java.util.Objects.requireNonNull(notices, "notices");
        this.stampedCopies = new StampedCopies(store, stamper, stampingBudget);
        this.reports = reports;
        this.intake = intake;
        this.store = store;
        this.gate = gate;
        this.removal = removal;
        this.uploads = uploads;
        this.clock = gate.clock();
        this.attachments = java.util.Objects.requireNonNull(attachments, "attachments");
    }

    /** The Annex B types the subject may share: their inspectorate's, if they hold a sharing role; else none. */
    public List<ReportType> reportTypesFor(Subject subject) {
        return subject.inspectorate()
                .filter(own -> gate.permits(subject, Action.UPLOAD, Resource.newReport(own)))
                .map(AnnexBReportTypes::of).orElse(List.of());
    }

    public long maxUploadBytes() {
        return intake.maxBytes();
    }

    /**
     * Checks that the subject may share and that the details are complete, before any byte of the file is read.
     * A refusal is audited here; a success is audited by {@link #share}.
     */
    public ReportDetails checkShare(Subject subject, ReportDraft draft) {
        Inspectorate originator = mayShare(subject);
        try {
            return validator.validate(draft, originator);
        } catch (InvalidInput invalid) {
            gate.record(subject, act(AuditActions.REPORT_SHARE, null), Outcome.REFUSED, "invalid: " + fields(invalid));
            throw invalid;
        }
    }

    /** Refuses (audited) someone who may not share reports; answers the inspectorate they share for. */
    private Inspectorate mayShare(Subject subject) {
        Inspectorate originator = subject.inspectorate().orElse(null);
        gate.require(subject, Action.UPLOAD, Resource.newReport(originator), act(AuditActions.REPORT_SHARE, null));
        return originator;
    }

    /** The share's checks of the details alone, for someone who may share, without auditing invalid input. */
    public ReportDetails validate(Subject subject, ReportDraft draft) {
        return validator.validate(draft, mayShare(subject));
    }

    /**
     * Starts a resumable upload of a report's file (docs/adr/0009), for someone who may share reports; its content
     * is kept under the key scope of the report it will become.
     */
    public ResumableUpload startUpload(Subject subject, String fileName, long length) {
        Inspectorate originator = subject.inspectorate().orElse(null);
        gate.require(subject, Action.UPLOAD, Resource.newReport(originator), act(AuditActions.UPLOAD_START, null));
        return uploads.begin(subject, UploadPurpose.REPORT, KeyScope.report(Ids.newId()), fileName, length);
    }

    /** Shares checked details with a completed, checked resumable upload of the subject's. */
    public Report shareUploaded(Subject subject, ReportDetails details, String uploadId) {
        Inspectorate originator = checkOriginator(subject, details);
        AcceptedDocument document;
        try {
            document = uploads.claim(subject, uploadId, UploadPurpose.REPORT);
        } catch (RuntimeException refused) {
            gate.record(subject, act(AuditActions.REPORT_SHARE, null), Outcome.REFUSED,
                    "upload " + uploadId + ": " + refused.getClass().getSimpleName());
            throw refused;
        }
        return add(subject, details, originator, document.content().scope().id(), document);
    }

    /** Shares checked details with the file; the file is refused (and nothing kept) unless it passes intake. */
    public Report share(Subject subject, ReportDetails details, IncomingDocument file) {
        Inspectorate originator = checkOriginator(subject, details);
        // the id comes first: the content is stored under the report's key scope (its own key-encryption key)
        String reportId = Ids.newId();
        AcceptedDocument document = IntakeRefusals.audited(
                () -> intake.accept(file, AllowedTypes.REPORTS, KeyScope.report(reportId)),
                detail -> gate.record(subject, act(AuditActions.REPORT_SHARE, null), Outcome.REFUSED, detail));
        return add(subject, details, originator, reportId, document);
    }

    // decided again at sharing, not only in checkShare: ReportDetails can be built by any caller, and the
    // originator is taken from the details' report type
    private Inspectorate checkOriginator(Subject subject, ReportDetails details) {
        Inspectorate originator = details.type().inspectorate();
        gate.require(subject, Action.UPLOAD, Resource.newReport(originator), act(AuditActions.REPORT_SHARE, null));
        return originator;
    }

    private Report add(Subject subject, ReportDetails details, Inspectorate originator, String reportId,
                       AcceptedDocument document) {
        Report report = new Report(reportId, details.title(), details.type(), details.subject(),
                details.classification(), details.handlingInstructions(), details.attestations(), originator,
                details.addressees(), details.expectedPublication(), subject.userId(), clock.instant(), document,
                null, null);
        // the object is stored already (before the unit): a rollback leaves it unreferenced, and it is discarded
        try {
            unitOfWork.run(() -> {
                reports.add(report);
                gate.record(subject, act(AuditActions.REPORT_SHARE, report.id()), Outcome.SUCCEEDED,
                        "classification=" + report.classification().marking() + " addressees="
                                + report.addressees().stream().map(Enum::name).sorted().toList()
                                + " bytes=" + document.content().plaintextBytes());
                notices.enqueue(SharedNotices.reportShared(report));
            });
        } catch (RuntimeException failure) {
            discard(document, failure);
            gate.record(subject, act(AuditActions.REPORT_SHARE, null), Outcome.REFUSED, "database failure");
            throw failure;
        }
        return report;
    }

    /** Reports the subject may see, newest first. */
    public List<Report> visibleTo(Subject subject) {
        Instant now = clock.instant();
        List<Report> visible = gate.visible(subject, reports.all(), report -> report.asResourceAt(now));
        gate.record(subject, act(AuditActions.REPORT_LIST, null), Outcome.SUCCEEDED, "count=" + visible.size());
        return visible;
    }

    public Report view(Subject subject, String id) {
        Report report = permitted(subject, Action.VIEW_METADATA, AuditActions.REPORT_VIEW, id, clock.instant());
        gate.record(subject, act(AuditActions.REPORT_VIEW, id), Outcome.SUCCEEDED, null);
        return report;
    }

    /**
     * The report's content for one reader. While under embargo it is always a stamped copy naming the reader and
     * the download id (never the original bytes); every page is stamped and the download recorded before a byte is
     * served, and the caller writes the copy out as it is produced and closes it. Once published,
     * nothing pre-publication is served: only where the published version is.
     */
    public ReportContent download(Subject subject, String id) {
        Instant now = clock.instant();
        Report report = permitted(subject, Action.DOWNLOAD, AuditActions.REPORT_DOWNLOAD, id, now);
        if (report.statusAt(now) == ReportStatus.PUBLISHED) {
            gate.record(subject, act(AuditActions.REPORT_DOWNLOAD, id), Outcome.SUCCEEDED,
                    "published: sent to " + report.publication().publishedUrl());
            return new PublishedVersion(report, report.publication().publishedUrl());
        }
        if (report.statusAt(now) != ReportStatus.UNDER_EMBARGO) {
            // the policy refuses a withdrawn report's content; this is the last line behind it
            throw new IllegalStateException("only a report under embargo is served");
        }
        String downloadId = Ids.newId();
        ReportDownload download;
        try {
            download = stampedCopy(report, subject, downloadId);
        } catch (IOException e) {
            gate.record(subject, act(AuditActions.REPORT_DOWNLOAD, id), Outcome.REFUSED, "content unavailable");
            throw new UncheckedIOException("the report's content could not be opened", e);
        } catch (Stamper.UnstampableDocument e) {
            gate.record(subject, act(AuditActions.REPORT_DOWNLOAD, id), Outcome.REFUSED, "could not be stamped");
            throw e;
        } catch (StampingBudget.Busy e) {
            gate.record(subject, act(AuditActions.REPORT_DOWNLOAD, id), Outcome.REFUSED, "stamping busy: try again");
            throw e;
        }
        gate.recordDownload(subject, act(AuditActions.REPORT_DOWNLOAD, id), downloadId, "downloadId=" + downloadId,
                download.content());
        return download;
    }

    private ReportDownload stampedCopy(Report report, Subject reader, String downloadId) throws IOException {
        StampMarks marks = StampMarks.forDownload(report.classification(), report.handlingInstructions(),
                reader.displayName(), reader.organisation().name(), clock.instant(), downloadId);
        return new ReportDownload(report, downloadId, stampedCopies.of(report.document().content(), marks));
    }

    /**
     * Removes a report for good (crypto-shredding): its key-encryption key is destroyed, then its object and rows
     * are deleted, and an audit tombstone records the removal. Its letters share its key scope: they go with it
     * (their objects and rows too). Only an administrator of the originator may.
     */
    public Removal remove(Subject subject, String id, String reason) {
        Report report = permitted(subject, Action.DELETE, AuditActions.REPORT_REMOVE, id, clock.instant());
        List<StoredContent> contents = new java.util.ArrayList<>();
        contents.add(report.document().content());
        contents.addAll(attachments.contentsOf(id));
        return removal.remove(report.document().content().scope(), contents,
                () -> {
                    attachments.deleteOf(id);
                    reports.delete(id);
                }, Remover.user(subject.userId(), subject.organisation().id()), reason);
    }

    /** Unknown, or not for this subject at all: 404-equivalent. Known but not for this action: 403-equivalent. */
    private Report permitted(Subject subject, Action action, String auditAction, String id, Instant now) {
        return gate.admit(subject, action, act(auditAction, id), reports.find(id), report -> report.asResourceAt(now));
    }

    /** Removes the stored object of a share that failed; a failed removal is kept with the original failure. */
    private void discard(AcceptedDocument document, RuntimeException failure) {
        try {
            store.delete(document.content());
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static String fields(InvalidInput invalid) {
        return Arrays.toString(invalid.errors().stream().map(error -> error.field()).toArray());
    }

    private static Act act(String auditAction, String reportId) {
        return Act.of(auditAction, "REPORT", reportId);
    }
}
