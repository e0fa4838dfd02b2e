package uk.gov.inspectorates.portal.core.letter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.Decision;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
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
import uk.gov.inspectorates.portal.core.document.ScanningUnavailable;
import uk.gov.inspectorates.portal.core.document.UploadRejected;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportRepository;
import uk.gov.inspectorates.portal.core.report.ReportStatus;
import uk.gov.inspectorates.portal.core.report.SharedNotices;
import uk.gov.inspectorates.portal.core.report.StampMarks;
import uk.gov.inspectorates.portal.core.report.StampedCopies;
import uk.gov.inspectorates.portal.core.report.Stamper;
import uk.gov.inspectorates.portal.core.report.StampingBudget;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.retention.Removal;
import uk.gov.inspectorates.portal.core.retention.Remover;
import uk.gov.inspectorates.portal.core.retention.ScopeRemoval;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.Ids;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;

/**
 * Covering and advance letters of a report (docs/adr/0015). Every call is decided by the {@link PolicyGate} and
 * leaves exactly one audit event. Every download is a stamped copy made for its reader with the letter's own
 * classification, whatever the report's stage: a letter is never published, so no unstamped byte of one is served.
 */
public final class LetterService {

    /** On the first page of every copy of an advance letter, before its handling instructions. */
    public static final String ADVANCE_FLAG = "ADVANCE LETTER \u2013 RISK OF SIGNIFICANT HARM.";

    private final ReportRepository reports;
    private final LetterRepository letters;
    private final DocumentIntake intake;
    private final DocumentStore store;
    private final NoticeOutbox notices;
    private final PolicyGate gate;
    private final Clock clock;
    private final StampedCopies stampedCopies;
    private final ScopeRemoval removal;
    private final LetterValidator validator = new LetterValidator();

    public LetterService(ReportRepository reports, LetterRepository letters, DocumentIntake intake,
                         DocumentStore store, PolicyGate gate, Stamper stamper, ScopeRemoval removal,
                         NoticeOutbox notices) {
        this(reports, letters, intake, store, gate, stamper, removal, StampedCopies.defaultBudget(), notices);
    }

    /** {@code stampingBudget}: the one the report service uses too (they share the heap). */
    public LetterService(ReportRepository reports, LetterRepository letters, DocumentIntake intake,
                         DocumentStore store, PolicyGate gate, Stamper stamper, ScopeRemoval removal,
                         StampingBudget stampingBudget, NoticeOutbox notices) {
        this.notices = java.util.Objects.requireNonNull(notices, "notices");
        this.stampedCopies = new StampedCopies(store, stamper, stampingBudget);
        this.reports = reports;
        this.letters = letters;
        this.intake = intake;
        this.store = store;
        this.gate = gate;
        this.clock = gate.clock();
        this.removal = removal;
    }

    public long maxUploadBytes() {
        return intake.maxBytes();
    }

    /** Whether the subject may add letters to the report (for offering the form; adding decides again). */
    public boolean mayAddLetters(Subject subject, Report report) {
        return gate.permits(subject, Action.UPLOAD, Letter.newLetterOf(report, clock.instant()));
    }

    /**
     * The report, for the form that adds a letter to it: 404 unless the subject may see the report, 403 naming the
     * rule unless they may add letters to it (audited as a refused {@code LETTER_ADD}).
     */
    public Report reportForNewLetter(Subject subject, String reportId) {
        return mayAdd(subject, reportId);
    }

    /**
     * Checks that the subject may add a letter to the report and that its details are complete, before any byte of
     * the file is read. A refusal is audited here; a success is audited by {@link #add}.
     */
    public LetterDetails checkAdd(Subject subject, String reportId, LetterDraft draft) {
        Report report = mayAdd(subject, reportId);
        try {
            return validator.validate(draft, report);
        } catch (InvalidInput invalid) {
            gate.record(subject, Act.of(AuditActions.LETTER_ADD, "REPORT", reportId), Outcome.REFUSED, "invalid: "
                    + invalid.errors().stream().map(FieldError::field).toList());
            throw invalid;
        }
    }

    /** Adds a checked letter with its file; the file is refused (and nothing kept) unless it passes intake. */
    public Letter add(Subject subject, String reportId, LetterDetails details, IncomingDocument file) {
        // decided again: details can be built by any caller, and the report may have changed since the check
        Report report = mayAdd(subject, reportId);
        if (!report.addressees().containsAll(details.addressedTo())) {
            gate.record(subject, Act.of(AuditActions.LETTER_ADD, "REPORT", reportId), Outcome.REFUSED,
                    "invalid: [addressedTo]");
            throw InvalidInput.of("addressedTo",
                    "Choose parties the report is shared with: a letter goes to some or all of them");
        }
        // the report's key scope: removing the report destroys the one key its letters are under too
        AcceptedDocument document = accepted(subject, file, KeyScope.report(report.id()), "REPORT", reportId);
        Letter letter = new Letter(Ids.newId(), report.id(), report.originator(), details.kind(), details.addressedTo(),
                details.classification(), details.handlingInstructions(), details.serviceProviderNotifiedFirst(),
                details.riskSummary(), subject.userId(), clock.instant(), document);
        try {
            letters.add(letter);
        } catch (RuntimeException failure) {
            discard(document, failure);
            gate.record(subject, Act.of(AuditActions.LETTER_ADD, "REPORT", reportId), Outcome.REFUSED,
                    "database failure");
            throw failure;
        }
        gate.record(subject, Act.of(AuditActions.LETTER_ADD, "LETTER", letter.id()), Outcome.SUCCEEDED,
                "report=" + report.id()
                + " kind=" + letter.kind() + " classification=" + letter.classification().marking()
                + " addressedTo=" + letter.addressedTo().stream().map(Enum::name).sorted().toList()
                + " serviceProviderNotifiedFirst=" + letter.serviceProviderNotifiedFirst()
                + " bytes=" + document.content().plaintextBytes());
        notices.enqueue(SharedNotices.letterShared(letter.addressedTo(), report));
        return letter;
    }

    /** The report's letters the subject may see, oldest first; 404 unless the subject may see the report. */
    public List<Letter> ofReport(Subject subject, String reportId) {
        Instant now = clock.instant();
        Report report = visibleReport(subject, reportId, AuditActions.LETTER_LIST, now);
        List<Letter> visible = gate.visible(subject, letters.ofReport(reportId),
                letter -> letter.asResourceOf(report, now));
        gate.record(subject, Act.of(AuditActions.LETTER_LIST, "REPORT", reportId), Outcome.SUCCEEDED,
                "count=" + visible.size());
        return visible;
    }

    /**
     * Every letter the subject may see, of every report and sent ahead of one: reports' letters first (oldest first
     * within a report), then those sent ahead.
     */
    public List<Letter> visibleTo(Subject subject) {
        Instant now = clock.instant();
        Map<String, Report> byId = reports.all().stream().collect(Collectors.toMap(Report::id, Function.identity(),
                (a, b) -> a));
        List<Letter> ofReports = letters.ofReports(byId.keySet()).stream()
                .filter(letter -> byId.containsKey(letter.reportId())).toList();
        List<Letter> visible = new java.util.ArrayList<>(gate.visible(subject, ofReports,
                        letter -> letter.asResourceOf(byId.get(letter.reportId()), now)).stream()
                .sorted(java.util.Comparator.comparing(Letter::addedAt))
                .toList());
        visible.addAll(gate.visible(subject, letters.standalone(), Letter::asStandaloneResource));
        gate.record(subject, Act.of(AuditActions.LETTER_LIST, "LETTER", null), Outcome.SUCCEEDED,
                "all count=" + visible.size());
        return visible;
    }

    /**
     * A letter of a report is removed only with its report (its key scope): asked for on its own, it is refused,
     * naming the rule, to those who may see it, and 404 to everyone else.
     */
    public void remove(Subject subject, String reportId, String letterId) {
        permitted(subject, Action.DELETE, AuditActions.LETTER_REMOVE, reportId, letterId, clock.instant());
        // no rule permits it today; should one ever, removing a single letter must be built, not skipped
        throw new IllegalStateException("a letter of a report is removed with its report");
    }

    /** Of those reports, the ones with an advance letter the subject may see (to flag them in the list). */
    public Set<String> withAdvanceLetters(Subject subject, List<Report> visibleReports) {
        Instant now = clock.instant();
        Map<String, Report> byId = visibleReports.stream().collect(Collectors.toMap(Report::id, Function.identity(),
                (a, b) -> a));
        List<Letter> advance = letters.ofReports(byId.keySet()).stream()
                .filter(Letter::advance)
                .filter(letter -> byId.containsKey(letter.reportId())).toList();
        Set<String> flagged = gate.visible(subject, advance,
                        letter -> letter.asResourceOf(byId.get(letter.reportId()), now)).stream()
                .map(Letter::reportId)
                .collect(Collectors.toUnmodifiableSet());
        gate.record(subject, Act.of(AuditActions.LETTER_LIST, null, null), Outcome.SUCCEEDED,
                "advance letters flagged on reports=" + flagged.size());
        return flagged;
    }

    public Letter view(Subject subject, String reportId, String letterId) {
        Instant now = clock.instant();
        Letter letter = permitted(subject, Action.VIEW_METADATA, AuditActions.LETTER_VIEW, reportId, letterId, now)
                .letter();
        gate.record(subject, Act.of(AuditActions.LETTER_VIEW, "LETTER", letterId), Outcome.SUCCEEDED,
                "report=" + reportId);
        return letter;
    }

    /**
     * A stamped copy of the letter for one reader, with the letter's own classification and handling instructions
     * and the download id, made whole before a byte is served. Stamped before and after the report's publication
     * alike (letters are not published); a withdrawn report's letters are refused by the policy.
     */
    public LetterDownload download(Subject subject, String reportId, String letterId) {
        Instant now = clock.instant();
        Found found = permitted(subject, Action.DOWNLOAD, AuditActions.LETTER_DOWNLOAD, reportId, letterId, now);
        if (found.report().statusAt(now) == ReportStatus.WITHDRAWN) {
            // the policy refuses a withdrawn report's letters; this is the last line behind it
            throw new IllegalStateException("a withdrawn report's letters are not served");
        }
        return served(subject, found.letter(), now, "report=" + reportId);
    }

    // ---- advance letters sent ahead of their report (docs/adr/0015) ----

    /** Whether the subject may send advance letters ahead of a report (for offering the form; sending decides again). */
    public boolean maySendAhead(Subject subject) {
        Inspectorate sender = subject.inspectorate().orElse(null);
        return gate.permits(subject, Action.UPLOAD, Letter.newStandaloneLetter(sender, Set.of()));
    }

    /** For the form that sends a letter ahead: 403 naming the rule (audited) unless the subject may. */
    public void checkMaySendAhead(Subject subject) {
        maySendAhead(subject, null);
    }

    /** Checks an advance letter to be sent ahead of its report, before any byte of the file is read. */
    public LetterDetails checkSendAhead(Subject subject, LetterDraft draft) {
        Inspectorate sender = maySendAhead(subject, draft);
        try {
            return validator.validateAhead(draft, sender);
        } catch (InvalidInput invalid) {
            gate.record(subject, Act.of(AuditActions.LETTER_ADD, "LETTER", null), Outcome.REFUSED,
                    "ahead of its report, invalid: "
                    + invalid.errors().stream().map(FieldError::field).toList());
            throw invalid;
        }
    }

    /**
     * Sends a checked advance letter ahead of its report. It gets a key scope of its own, the id its report will
     * be linked under; linking moves it into the report's scope.
     */
    public Letter sendAhead(Subject subject, LetterDetails details, IncomingDocument file) {
        Instant now = clock.instant();
        Inspectorate sender = subject.inspectorate().orElse(null);
        Decision decision = gate.decide(subject, Action.UPLOAD,
                Letter.newStandaloneLetter(sender, details.addressedTo()));
        if (!decision.permitted() || details.kind() != LetterKind.ADVANCE_RISK_OF_HARM
                || details.addressedTo().contains(sender)) {
            String why = decision.permitted() ? "only an advance letter to other parties" : decision.rule();
            gate.record(subject, Act.of(AuditActions.LETTER_ADD, "LETTER", null), Outcome.DENIED, why);
            throw new AccessDenied(decision.permitted() ? AccessPolicy.LETTER_ADD_ORIGINATOR_STAFF_ONLY : why);
        }
        String letterId = Ids.newId();
        AcceptedDocument document = accepted(subject, file, KeyScope.report(Ids.newId()), "LETTER", null);
        Letter letter = new Letter(letterId, null, sender, details.kind(), details.addressedTo(),
                details.classification(), details.handlingInstructions(), details.serviceProviderNotifiedFirst(),
                details.riskSummary(), subject.userId(), now, document);
        try {
            letters.add(letter);
        } catch (RuntimeException failure) {
            discard(document, failure);
            gate.record(subject, Act.of(AuditActions.LETTER_ADD, "LETTER", null), Outcome.REFUSED, "database failure");
            throw failure;
        }
        gate.record(subject, Act.of(AuditActions.LETTER_ADD, "LETTER", letter.id()), Outcome.SUCCEEDED,
                "ahead of its report"
                + " kind=" + letter.kind() + " classification=" + letter.classification().marking()
                + " addressedTo=" + letter.addressedTo().stream().map(Enum::name).sorted().toList()
                + " serviceProviderNotifiedFirst=" + letter.serviceProviderNotifiedFirst()
                + " bytes=" + document.content().plaintextBytes());
        notices.enqueue(SharedNotices.letterShared(letter.addressedTo(), null));
        return letter;
    }

    /** The advance letters sent ahead of their reports that the subject may see, oldest first. */
    public List<Letter> aheadOfReports(Subject subject) {
        Instant now = clock.instant();
        List<Letter> visible = gate.visible(subject, letters.standalone(), Letter::asStandaloneResource);
        gate.record(subject, Act.of(AuditActions.LETTER_LIST, "LETTER", null), Outcome.SUCCEEDED,
                "ahead of their reports count=" + visible.size());
        return visible;
    }

    public Letter viewAhead(Subject subject, String letterId) {
        Letter letter = permittedAhead(subject, Action.VIEW_METADATA, AuditActions.LETTER_VIEW, letterId);
        gate.record(subject, Act.of(AuditActions.LETTER_VIEW, "LETTER", letterId), Outcome.SUCCEEDED,
                "ahead of its report");
        return letter;
    }

    /** A stamped copy, as for a letter of a report. */
    public LetterDownload downloadAhead(Subject subject, String letterId) {
        Instant now = clock.instant();
        Letter letter = permittedAhead(subject, Action.DOWNLOAD, AuditActions.LETTER_DOWNLOAD, letterId);
        return served(subject, letter, now, "ahead of its report");
    }

    /**
     * Links an advance letter sent ahead to its report, once shared: the report must be under embargo, from the
     * letter's sender, and shared with every party the letter went to. The content is moved into the report's key
     * scope (re-encrypted under it as it streams, never on disk), then the letter's own scope is removed for good,
     * so from then on the letter follows its report in every rule, removal included.
     */
    public Letter linkToReport(Subject subject, String letterId, String reportId) {
        Instant now = clock.instant();
        Letter letter = permittedAhead(subject, Action.VIEW_METADATA, AuditActions.LETTER_ADD, letterId);
        if (reportId == null || reportId.isBlank()) {
            gate.record(subject, Act.of(AuditActions.LETTER_ADD, "LETTER", letterId), Outcome.REFUSED,
                    "invalid: [reportId]");
            throw InvalidInput.of("reportId", "Give the id of the report the letter goes with");
        }
        Report report = mayAdd(subject, reportId);
        if (report.originator() != letter.originator() || !report.addressees().containsAll(letter.addressedTo())) {
            gate.record(subject, Act.of(AuditActions.LETTER_ADD, "LETTER", letterId), Outcome.REFUSED,
                    "link to report=" + reportId + ": not the sender's, or not shared with every addressee");
            throw InvalidInput.of("reportId", "Choose your inspectorate's report that is shared with every party"
                    + " the letter went to");
        }
        StoredContent moved;
        try (InputStream content = store.open(letter.document().content())) {
            moved = store.store(KeyScope.report(reportId), content);
        } catch (IOException e) {
            gate.record(subject, Act.of(AuditActions.LETTER_ADD, "LETTER", letterId), Outcome.REFUSED,
                    "content unavailable");
            throw new UncheckedIOException("the letter's content could not be moved", e);
        }
        AcceptedDocument movedDocument = new AcceptedDocument(letter.document().fileName(),
                letter.document().mediaType(), moved);
        if (!letters.link(letterId, reportId, moved)) {
            discard(movedDocument, new IllegalStateException("linked meanwhile"));
            gate.record(subject, Act.of(AuditActions.LETTER_ADD, "LETTER", letterId), Outcome.REFUSED,
                    "already linked");
            throw new Conflict("The letter has been linked to a report already");
        }
        removal.remove(letter.document().content().scope(), List.of(letter.document().content()), () -> { },
                Remover.user(subject.userId(), subject.organisation().id()), "advance letter " + letterId
                        + " moved into report " + reportId);
        gate.record(subject, Act.of(AuditActions.LETTER_ADD, "LETTER", letterId), Outcome.SUCCEEDED,
                "linked to report=" + reportId + " at=" + now);
        return letter.linkedTo(reportId, movedDocument);
    }

    /** Removes an advance letter sent ahead (not linked) for good: an administrator of its sender only. */
    public Removal removeAhead(Subject subject, String letterId, String reason) {
        Letter letter = permittedAhead(subject, Action.DELETE, AuditActions.LETTER_REMOVE, letterId);
        return removal.remove(letter.document().content().scope(), List.of(letter.document().content()),
                () -> letters.deleteStandalone(letterId), Remover.user(subject.userId(), subject.organisation().id()),
                reason);
    }

    private Inspectorate maySendAhead(Subject subject, LetterDraft draft) {
        Inspectorate sender = subject.inspectorate().orElse(null);
        gate.require(subject, Action.UPLOAD, Letter.newStandaloneLetter(sender, Set.of()),
                Act.of(AuditActions.LETTER_ADD, "LETTER", null));
        return sender;
    }

    private Letter permittedAhead(Subject subject, Action action, String auditAction, String letterId) {
        return gate.admit(subject, action, Act.of(auditAction, "LETTER", letterId), letters.findStandalone(letterId),
                Letter::asStandaloneResource);
    }

    /** The marks of one reader's copy: an advance letter says so first, on its first page. */
    static StampMarks marksFor(Letter letter, Subject reader, Instant at, String downloadId) {
        String instructions = letter.handlingInstructions() == null || letter.handlingInstructions().isBlank()
                ? letter.classification().defaultHandlingInstructions() : letter.handlingInstructions().strip();
        if (letter.advance()) {
            instructions = ADVANCE_FLAG + " " + instructions;
        }
        return StampMarks.forDownload(letter.classification(), instructions, reader.displayName(),
                reader.organisation().name(), at, downloadId);
    }

    /** The letter's stamped copy for the reader, with one audit event whatever happens (the detail says where). */
    private LetterDownload served(Subject reader, Letter letter, Instant now, String where) {
        String downloadId = Ids.newId();
        byte[] stamped;
        try {
            stamped = stampedCopies.of(letter.document().content(), marksFor(letter, reader, now, downloadId));
        } catch (IOException e) {
            gate.record(reader, Act.of(AuditActions.LETTER_DOWNLOAD, "LETTER", letter.id()), Outcome.REFUSED,
                    "content unavailable");
            throw new UncheckedIOException("the letter's content could not be opened", e);
        } catch (Stamper.UnstampableDocument e) {
            gate.record(reader, Act.of(AuditActions.LETTER_DOWNLOAD, "LETTER", letter.id()), Outcome.REFUSED,
                    "could not be stamped");
            throw e;
        } catch (StampingBudget.Busy e) {
            gate.record(reader, Act.of(AuditActions.LETTER_DOWNLOAD, "LETTER", letter.id()), Outcome.REFUSED,
                    "stamping busy: try again");
            throw e;
        }
        gate.record(reader, Act.of(AuditActions.LETTER_DOWNLOAD, "LETTER", letter.id()), Outcome.SUCCEEDED,
                where + " downloadId=" + downloadId);
        return new LetterDownload(letter, downloadId, new ByteArrayInputStream(stamped), stamped.length);
    }

    private Report mayAdd(Subject subject, String reportId) {
        Instant now = clock.instant();
        Report report = visibleReport(subject, reportId, AuditActions.LETTER_ADD, now);
        gate.require(subject, Action.UPLOAD, Letter.newLetterOf(report, now),
                Act.of(AuditActions.LETTER_ADD, "REPORT", reportId));
        return report;
    }

    /** The report, if the subject may know it exists; else 404, audited. */
    private Report visibleReport(Subject subject, String reportId, String auditAction, Instant now) {
        return gate.admit(subject, Action.VIEW_METADATA, Act.of(auditAction, "REPORT", reportId),
                reports.find(reportId), report -> report.asResourceAt(now));
    }

    private record Found(Report report, Letter letter) {
    }

    /**
     * Unknown, or not for this subject at all (a reader of the report whose party the letter is not addressed to
     * included): 404. Known to the subject but not for this action: 403 naming the rule.
     */
    private Found permitted(Subject subject, Action action, String auditAction, String reportId, String letterId,
                            Instant now) {
        Optional<Found> found = reports.find(reportId)
                .flatMap(report -> letters.find(reportId, letterId).map(letter -> new Found(report, letter)));
        return gate.admit(subject, action, Act.of(auditAction, "LETTER", letterId), found,
                f -> f.letter().asResourceOf(f.report(), now));
    }

    private void discard(AcceptedDocument document, RuntimeException failure) {
        try {
            store.delete(document.content());
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** The file checked and stored under the scope; a refusal of the file is audited against the resource. */
    private AcceptedDocument accepted(Subject subject, IncomingDocument file, KeyScope scope, String resourceType,
                                      String resourceId) {
        try {
            return intake.accept(file, AllowedTypes.REPORTS, scope);
        } catch (UploadRejected rejected) {
            gate.record(subject, Act.of(AuditActions.LETTER_ADD, resourceType, resourceId), Outcome.REFUSED,
                    rejected.auditDetail());
            throw rejected;
        } catch (ScanningUnavailable unavailable) {
            gate.record(subject, Act.of(AuditActions.LETTER_ADD, resourceType, resourceId), Outcome.REFUSED,
                    "scanning unavailable");
            throw unavailable;
        } catch (RuntimeException failure) {
            gate.record(subject, Act.of(AuditActions.LETTER_ADD, resourceType, resourceId), Outcome.REFUSED,
                    "storage failure");
            throw failure;
        }
    }
}
