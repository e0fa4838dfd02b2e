package uk.gov.inspectorates.portal.core.letter;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.IncomingDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.notification.NoticeOutbox;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportRepository;
import uk.gov.inspectorates.portal.core.report.ReportStatus;
import uk.gov.inspectorates.portal.core.report.SharedNotices;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.Ids;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Covering and advance letters of a report (docs/adr/0015); those sent ahead of their report are
 * {@link AdvanceLetterService}'s. Every call is decided by the {@link PolicyGate} and leaves exactly one audit event.
 * Every download is a stamped copy made for its reader ({@link LetterCopies}): a letter is never published, so no
 * unstamped byte of one is served.
 */
public final class LetterService {

    private final ReportRepository reports;
    private final LetterRepository letters;
    private final LetterFiles files;
    private final PolicyGate gate;
    private final Clock clock;
    private final LetterCopies copies;
    private final NoticeOutbox notices;
    private final UnitOfWork unitOfWork;
    private final LetterValidator validator = new LetterValidator();

    public LetterService(ReportRepository reports, LetterRepository letters, LetterFiles files, PolicyGate gate,
                         LetterCopies copies, NoticeOutbox notices) {
        this(reports, letters, files, gate, copies, notices, UnitOfWork.NONE);
    }

    public LetterService(ReportRepository reports, LetterRepository letters, LetterFiles files, PolicyGate gate,
                         LetterCopies copies, NoticeOutbox notices,
                         UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.reports = reports;
        this.letters = letters;
        this.files = files;
        this.gate = gate;
        this.clock = gate.clock();
        this.copies = copies;
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    public long maxUploadBytes() {
        return files.maxUploadBytes();
    }

    /** Whether the subject may add letters to the report (for offering the form; adding decides again). */
    public boolean mayAddLetters(Subject subject, Report report) {
        return gate.permits(subject, Action.UPLOAD, Letter.newLetterOf(report, clock.instant()));
    }

    /**
     * The report, for the form that adds a letter to it (or links one sent ahead to it): 404 unless the subject may
     * see the report, 403 naming the rule unless they may add letters to it (audited as a refused {@code LETTER_ADD}).
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
        AcceptedDocument document = files.accepted(subject, file, KeyScope.report(report.id()), "REPORT", reportId);
        Letter letter = new Letter(Ids.newId(), report.id(), report.originator(), details.kind(), details.addressedTo(),
                details.classification(), details.handlingInstructions(), details.serviceProviderNotifiedFirst(),
                details.riskSummary(), subject.userId(), clock.instant(), document);
        try {
            unitOfWork.run(() -> {
                letters.add(letter);
                gate.record(subject, Act.of(AuditActions.LETTER_ADD, "LETTER", letter.id()), Outcome.SUCCEEDED,
                        "report=" + report.id()
                        + " kind=" + letter.kind() + " classification=" + letter.classification().marking()
                        + " addressedTo=" + letter.addressedTo().stream().map(Enum::name).sorted().toList()
                        + " serviceProviderNotifiedFirst=" + letter.serviceProviderNotifiedFirst()
                        + " bytes=" + document.content().plaintextBytes());
                notices.enqueue(SharedNotices.letterShared(letter.addressedTo(), report));
            });
        } catch (RuntimeException failure) {
            files.discard(document, failure);
            gate.record(subject, Act.of(AuditActions.LETTER_ADD, "REPORT", reportId), Outcome.REFUSED,
                    "database failure");
            throw failure;
        }
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
        List<Letter> visible = new ArrayList<>(gate.visible(subject, ofReports,
                        letter -> letter.asResourceOf(byId.get(letter.reportId()), now)).stream()
                .sorted(Comparator.comparing(Letter::addedAt))
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
     * alike (letters are not published), with the marking true at each (ISP ¶13); a withdrawn report's letters are
     * refused by the policy.
     */
    public LetterDownload download(Subject subject, String reportId, String letterId) {
        Instant now = clock.instant();
        Found found = permitted(subject, Action.DOWNLOAD, AuditActions.LETTER_DOWNLOAD, reportId, letterId, now);
        ReportStatus status = found.report().statusAt(now);
        if (status == ReportStatus.WITHDRAWN) {
            // the policy refuses a withdrawn report's letters; this is the last line behind it
            throw new IllegalStateException("a withdrawn report's letters are not served");
        }
        return copies.served(subject, found.letter(), status == ReportStatus.PUBLISHED, now, "report=" + reportId);
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
}
