package uk.gov.inspectorates.portal.core.findings;

import uk.gov.inspectorates.portal.core.document.IntakeRefusals;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.GivenClassification;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.AllowedTypes;
import uk.gov.inspectorates.portal.core.document.DocumentIntake;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.IncomingDocument;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionRepository;
import uk.gov.inspectorates.portal.core.inspection.InspectionStatus;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.Ids;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * The findings letter from the first draft to the agreed letter (JTAI timeline days 14-40; docs/adr/0025): the lead
 * inspector's drafts and revisions, the other inspectorates' sign-offs, the single factual accuracy check by the DCS
 * and the partnership's comments. Documents go through the one intake (type, active content, malware) and are kept
 * under the inspection's key scope. Every call passes the {@link PolicyGate} (FindingsLetterRules) and is audited
 * once; a step out of turn is a {@link Conflict}. Reading it is {@link FindingsLetterReading}'s, issuing the agreed
 * letter {@link FindingsLetterIssuing}'s.
 */
public final class FindingsLetterService {

    private final InspectionRepository inspections;
    private final FindingsLetters letters;
    private final DocumentIntake intake;
    private final DocumentStore store;
    private final AreaAgencies area;
    private final WorkingDayCalendar calendar;
    private final PolicyGate gate;
    private final UnitOfWork unitOfWork;

    public FindingsLetterService(InspectionRepository inspections, FindingsLetters letters, DocumentIntake intake,
                                 DocumentStore store, OrganisationDirectory directory, WorkingDayCalendar calendar,
                                 PolicyGate gate) {
        this(inspections, letters, intake, store, directory, calendar, gate, UnitOfWork.NONE);
    }

    public FindingsLetterService(InspectionRepository inspections, FindingsLetters letters, DocumentIntake intake,
                                 DocumentStore store, OrganisationDirectory directory, WorkingDayCalendar calendar,
                                 PolicyGate gate,
                                 UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.inspections = Objects.requireNonNull(inspections, "inspections");
        this.letters = Objects.requireNonNull(letters, "letters");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.store = Objects.requireNonNull(store, "store");
        this.area = new AreaAgencies(directory);
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    public long maxUploadBytes() {
        return intake.maxBytes();
    }

    /**
     * Checks, before any byte is read, that the subject may upload a version of the letter now (the lead inspector;
     * not while the draft is with the DCS, not once issued) and its classification.
     */
    public FindingsLetterTarget checkVersion(Subject subject, String inspectionId, String tier, String descriptor) {
        Act act = act(AuditActions.FINDINGS_LETTER_UPLOAD, inspectionId);
        LoadedLetter loaded = mayUploadVersion(subject, act, inspectionId);
        return new FindingsLetterTarget(loaded.inspection(), FindingsDocument.Kind.LETTER,
                classification(subject, act, tier, descriptor));
    }

    /** Checks, before any byte is read, that the subject is the DCS the letter was sent to and may comment now. */
    public FindingsLetterTarget checkComments(Subject subject, String inspectionId, String tier, String descriptor) {
        Act act = act(AuditActions.FINDINGS_LETTER_COMMENTS, inspectionId);
        LoadedLetter loaded = mayComment(subject, act, inspectionId);
        return new FindingsLetterTarget(loaded.inspection(), FindingsDocument.Kind.COMMENTS,
                classification(subject, act, tier, descriptor));
    }

    /**
     * Keeps a checked upload: a new version of the letter (a PDF) or the partnership's comments (any evidence type);
     * refused, with nothing kept, unless it passes the intake.
     */
    public FindingsDocument upload(Subject subject, FindingsLetterTarget target, IncomingDocument file) {
        boolean comments = target.kind() == FindingsDocument.Kind.COMMENTS;
        String inspectionId = target.inspection().id();
        Act act = act(comments ? AuditActions.FINDINGS_LETTER_COMMENTS : AuditActions.FINDINGS_LETTER_UPLOAD,
                inspectionId);
        // decided again: a target can be built by any caller, and the letter may have moved on since the check
        LoadedLetter loaded = comments ? mayComment(subject, act, inspectionId)
                : mayUploadVersion(subject, act, inspectionId);
        AcceptedDocument accepted = IntakeRefusals.audited(() -> intake.accept(file,
                comments ? AllowedTypes.EVIDENCE : AllowedTypes.REPORTS, loaded.inspection().keyScope()),
                detail -> gate.record(subject, act, Outcome.REFUSED, detail));
        FindingsDocument document = new FindingsDocument(Ids.newId(), inspectionId, target.kind(),
                comments ? 0 : loaded.letter().nextVersion(), target.classification(), subject.userId(),
                subject.displayName(), gate.clock().instant(), accepted);
        boolean added;
        try {
            added = unitOfWork.inOne(() -> {
                if (!letters.addDocument(document)) {
                    return false;
                }
                gate.record(subject, act, Outcome.SUCCEEDED, (comments ? "comments" : "version="
                        + document.version()) + " document=" + document.id() + " classification="
                        + document.classification().marking() + " bytes=" + document.size());
                return true;
            });
        } catch (RuntimeException failure) {
            discard(accepted, failure);
            gate.record(subject, act, Outcome.REFUSED, "database failure");
            throw failure;
        }
        if (!added) {
            Conflict conflict = new Conflict(comments ? "The partnership's comments have been uploaded already"
                    : "Another version of the letter was uploaded at the same time: look at the letter again");
            discard(accepted, conflict);
            gate.record(subject, act, Outcome.REFUSED, "concurrent upload");
            throw conflict;
        }
        return document;
    }

    /**
     * Signs off the latest version for the subject's inspectorate (another participant's lead inspector or
     * inspector), while it awaits sign-off or agreement. {@code version}, when given, must be the latest: nobody
     * signs off a version they have not seen.
     */
    public SignOff signOff(Subject subject, String inspectionId, Integer version) {
        return unitOfWork.inOne(() -> signOffInUnit(subject, inspectionId, version));
    }

    private SignOff signOffInUnit(Subject subject, String inspectionId, Integer version) {
        Act act = act(AuditActions.FINDINGS_LETTER_SIGN_OFF, inspectionId);
        LoadedLetter loaded = LoadedLetter.admitted(gate, inspections, letters, subject, act, inspectionId);
        gate.require(subject, Action.CHANGE, LetterResources.letter(loaded.inspection(), loaded.letter()), act);
        FindingsLetterStage stage = loaded.stageAt(gate.clock().instant());
        if (stage != FindingsLetterStage.AWAITING_SIGN_OFF && stage != FindingsLetterStage.AWAITING_AGREEMENT) {
            throw refused(subject, act, "stage " + stage, "The letter is not awaiting sign-off: " + stage.title());
        }
        int latest = loaded.letter().latest().orElseThrow().version();
        if (version != null && version != latest) {
            throw refused(subject, act, "version " + version + " is not the latest " + latest,
                    "Version " + latest + " is the latest version of the letter: sign that off");
        }
        Inspectorate own = subject.inspectorate().orElseThrow();
        SignOff signOff = new SignOff(inspectionId, latest, own, subject.userId(), subject.displayName(),
                gate.clock().instant());
        if (loaded.letter().signedOff(latest).contains(own) || !letters.addSignOff(signOff)) {
            throw refused(subject, act, "signed off already",
                    own.title() + " has signed off version " + latest + " already");
        }
        gate.record(subject, act, Outcome.SUCCEEDED, "version=" + latest + " inspectorate=" + own);
        return signOff;
    }

    /**
     * Sends the signed-off draft to the DCS for the single factual accuracy check (the lead inspector): the DCS is
     * the chief officer of the area's local authority children's services, chosen by {@code dcsUserId} where there
     * is more than one. The comments are due at the end of the tenth working day.
     */
    public AccuracyCheck sendForAccuracyCheck(Subject subject, String inspectionId, String dcsUserId) {
        return unitOfWork.inOne(() -> sendForAccuracyCheckInUnit(subject, inspectionId, dcsUserId));
    }

    private AccuracyCheck sendForAccuracyCheckInUnit(Subject subject, String inspectionId, String dcsUserId) {
        Act act = act(AuditActions.FINDINGS_LETTER_ACCURACY_CHECK, inspectionId);
        LoadedLetter loaded = LoadedLetter.admitted(gate, inspections, letters, subject, act, inspectionId);
        gate.require(subject, Action.EXPORT, LetterResources.letter(loaded.inspection(), loaded.letter()), act);
        Instant now = gate.clock().instant();
        FindingsLetterStage stage = loaded.stageAt(now);
        if (stage != FindingsLetterStage.SIGNED_OFF) {
            throw refused(subject, act, "stage " + stage, stage == FindingsLetterStage.AWAITING_SIGN_OFF
                    ? "Every other inspectorate must sign the draft off before it goes to the DCS"
                    : "The draft can be sent to the DCS once, when it is signed off: " + stage.title());
        }
        UserAccount dcs = dcs(subject, act, loaded.inspection(), dcsUserId);
        AccuracyCheck check = new AccuracyCheck(inspectionId, loaded.letter().latest().orElseThrow().version(),
                dcs.id(), dcs.organisationId(), subject.userId(), now,
                FindingsLetterDueDates.commentsDue(now, calendar));
        if (!letters.startAccuracyCheck(check)) {
            throw refused(subject, act, "sent already", "The draft has been sent to the DCS already");
        }
        gate.record(subject, act, Outcome.SUCCEEDED, "version=" + check.version() + " dcs=" + dcs.id()
                + " due=" + check.dueAt());
        return check;
    }

    private LoadedLetter mayUploadVersion(Subject subject, Act act, String inspectionId) {
        LoadedLetter loaded = LoadedLetter.admitted(gate, inspections, letters, subject, act, inspectionId);
        gate.require(subject, Action.UPLOAD, LetterResources.letter(loaded.inspection(), loaded.letter()), act);
        requireOpen(subject, act, loaded.inspection());
        FindingsLetterStage stage = loaded.stageAt(gate.clock().instant());
        if (stage == FindingsLetterStage.ISSUED) {
            throw refused(subject, act, "issued", "The letter has been issued: it changes no more");
        }
        if (stage == FindingsLetterStage.WITH_DCS) {
            throw refused(subject, act, "with the DCS", "The draft is with the DCS for the factual accuracy check:"
                    + " revise it when their comments are in or their time is up");
        }
        return loaded;
    }

    private LoadedLetter mayComment(Subject subject, Act act, String inspectionId) {
        LoadedLetter loaded = LoadedLetter.admitted(gate, inspections, letters, subject, act, inspectionId);
        gate.require(subject, Action.UPLOAD, LetterResources.comments(loaded.inspection(), loaded.letter()), act);
        requireOpen(subject, act, loaded.inspection());
        FindingsLetter letter = loaded.letter();
        if (letter.comments().isPresent()) {
            throw refused(subject, act, "comments in already", "The partnership's comments have been uploaded already");
        }
        if (letter.revised() || letter.issued().isPresent()) {
            throw refused(subject, act, "revised already", "The letter has been revised since: comments are closed");
        }
        return loaded;
    }

    private void requireOpen(Subject subject, Act act, Inspection inspection) {
        if (inspection.status() != InspectionStatus.OPEN) {
            throw refused(subject, act, "inspection closed", "The inspection is closed");
        }
    }

    private UserAccount dcs(Subject subject, Act act, Inspection inspection, String chosen) {
        List<UserAccount> candidates = area.directorsOfChildrensServices(inspection);
        if (chosen != null && !chosen.isBlank()) {
            return candidates.stream().filter(user -> user.id().equals(chosen.strip())).findFirst()
                    .orElseThrow(() -> invalid(subject, act, "dcs", "Choose the DCS from the chief officers of the"
                            + " area's local authority children's services"));
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw refused(subject, act, "no DCS account", "The area's local authority children's services has no"
                    + " chief officer with an account: invite the DCS first");
        }
        throw invalid(subject, act, "dcs", "Choose which chief officer of the local authority children's services"
                + " is the DCS");
    }

    private Classification classification(Subject subject, Act act, String tier, String descriptor) {
        List<FieldError> errors = new ArrayList<>();
        Classification classification = GivenClassification.checked(tier, descriptor,
                "Select the security classification: OFFICIAL or OFFICIAL-SENSITIVE", errors);
        if (classification == null) {
            gate.record(subject, act, Outcome.REFUSED, "invalid: " + errors.stream().map(FieldError::field).toList());
            throw new InvalidInput(errors);
        }
        return classification;
    }

    private Conflict refused(Subject subject, Act act, String detail, String message) {
        gate.record(subject, act, Outcome.REFUSED, detail);
        return new Conflict(message);
    }

    private InvalidInput invalid(Subject subject, Act act, String field, String message) {
        gate.record(subject, act, Outcome.REFUSED, "invalid: " + field);
        return InvalidInput.of(field, message);
    }

    private void discard(AcceptedDocument accepted, RuntimeException failure) {
        try {
            store.delete(accepted.content());
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    static Act act(String auditAction, String inspectionId) {
        return Act.of(auditAction, "FINDINGS_LETTER", inspectionId);
    }
}
