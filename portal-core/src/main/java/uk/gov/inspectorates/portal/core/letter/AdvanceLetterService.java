package uk.gov.inspectorates.portal.core.letter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.Decision;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.IncomingDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.notification.NoticeOutbox;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.SharedNotices;
import uk.gov.inspectorates.portal.core.retention.Removal;
import uk.gov.inspectorates.portal.core.retention.Remover;
import uk.gov.inspectorates.portal.core.retention.ScopeRemoval;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.Ids;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Advance letters sent ahead of their report (docs/adr/0015, "may be sent before the report"): where children or
 * vulnerable adults are or may be at risk of significant harm, before the report is shared. Each has a key scope of
 * its own until it is linked to its report, which moves it into the report's scope; from then on it is one of the
 * report's letters ({@link LetterService}). Every call is decided by the {@link PolicyGate} and audited once.
 */
public final class AdvanceLetterService {

    private final LetterService reportLetters;
    private final LetterRepository letters;
    private final LetterFiles files;
    private final PolicyGate gate;
    private final Clock clock;
    private final LetterCopies copies;
    private final ScopeRemoval removal;
    private final UnitOfWork unitOfWork;
    private final NoticeOutbox notices;
    private final LetterValidator validator = new LetterValidator();

    public AdvanceLetterService(LetterService reportLetters, LetterRepository letters, LetterFiles files,
                                PolicyGate gate, LetterCopies copies, ScopeRemoval removal, NoticeOutbox notices) {
        this(reportLetters, letters, files, gate, copies, removal, notices, UnitOfWork.NONE);
    }

    public AdvanceLetterService(LetterService reportLetters, LetterRepository letters, LetterFiles files,
                                PolicyGate gate, LetterCopies copies, ScopeRemoval removal, NoticeOutbox notices,
                                UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.reportLetters = reportLetters;
        this.letters = letters;
        this.files = files;
        this.gate = gate;
        this.clock = gate.clock();
        this.copies = copies;
        this.removal = removal;
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    public long maxUploadBytes() {
        return files.maxUploadBytes();
    }

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
        AcceptedDocument document = files.accepted(subject, file, KeyScope.report(Ids.newId()), "LETTER", null);
        Letter letter = new Letter(letterId, null, sender, details.kind(), details.addressedTo(),
                details.classification(), details.handlingInstructions(), details.serviceProviderNotifiedFirst(),
                details.riskSummary(), subject.userId(), now, document);
        try {
            unitOfWork.run(() -> {
                letters.add(letter);
                gate.record(subject, Act.of(AuditActions.LETTER_ADD, "LETTER", letter.id()), Outcome.SUCCEEDED,
                        "ahead of its report"
                        + " kind=" + letter.kind() + " classification=" + letter.classification().marking()
                        + " addressedTo=" + letter.addressedTo().stream().map(Enum::name).sorted().toList()
                        + " serviceProviderNotifiedFirst=" + letter.serviceProviderNotifiedFirst()
                        + " bytes=" + document.content().plaintextBytes());
                notices.enqueue(SharedNotices.letterShared(letter.addressedTo(), null));
            });
        } catch (RuntimeException failure) {
            files.discard(document, failure);
            gate.record(subject, Act.of(AuditActions.LETTER_ADD, "LETTER", null), Outcome.REFUSED, "database failure");
            throw failure;
        }
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
        return copies.served(subject, letter, false, now, "ahead of its report");
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
        Report report = reportLetters.reportForNewLetter(subject, reportId);
        if (report.originator() != letter.originator() || !report.addressees().containsAll(letter.addressedTo())) {
            gate.record(subject, Act.of(AuditActions.LETTER_ADD, "LETTER", letterId), Outcome.REFUSED,
                    "link to report=" + reportId + ": not the sender's, or not shared with every addressee");
            throw InvalidInput.of("reportId", "Choose your inspectorate's report that is shared with every party"
                    + " the letter went to");
        }
        StoredContent moved;
        try {
            moved = files.copyInto(letter.document().content(), KeyScope.report(reportId));
        } catch (IOException e) {
            gate.record(subject, Act.of(AuditActions.LETTER_ADD, "LETTER", letterId), Outcome.REFUSED,
                    "content unavailable");
            throw new UncheckedIOException("the letter's content could not be moved", e);
        }
        AcceptedDocument movedDocument = new AcceptedDocument(letter.document().fileName(),
                letter.document().mediaType(), moved);
        // the link and its event commit together; the letter's old scope is removed (irreversibly) only after
        boolean linked;
        try {
            linked = unitOfWork.inOne(() -> {
                if (!letters.link(letterId, reportId, movedDocument.content())) {
                    return false;
                }
                gate.record(subject, Act.of(AuditActions.LETTER_ADD, "LETTER", letterId), Outcome.SUCCEEDED,
                        "linked to report=" + reportId + " at=" + now);
                return true;
            });
        } catch (RuntimeException failure) {
            files.discard(movedDocument, failure);
            throw failure;
        }
        if (!linked) {
            files.discard(movedDocument, new IllegalStateException("linked meanwhile"));
            gate.record(subject, Act.of(AuditActions.LETTER_ADD, "LETTER", letterId), Outcome.REFUSED,
                    "already linked");
            throw new Conflict("The letter has been linked to a report already");
        }
        removal.remove(letter.document().content().scope(), List.of(letter.document().content()), () -> { },
                Remover.user(subject.userId(), subject.organisation().id()), "advance letter " + letterId
                        + " moved into report " + reportId);
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
}
