package uk.gov.inspectorates.portal.core.findings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionRepository;
import uk.gov.inspectorates.portal.core.inspection.InspectionStatus;
import uk.gov.inspectorates.portal.core.inspection.JtaiTimeline;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.shared.Ids;

/**
 * Reading a findings letter before issue (docs/adr/0025): its stage, due dates, the documents and sign-offs the
 * person may see and the steps they may take now, and a document's bytes. Every call passes the {@link PolicyGate}
 * (FindingsLetterRules) and is audited once; the steps themselves are {@link FindingsLetterService}'s.
 */
public final class FindingsLetterReading {

    private final InspectionRepository inspections;
    private final FindingsLetters letters;
    private final DocumentStore store;
    private final AreaAgencies area;
    private final WorkingDayCalendar calendar;
    private final PolicyGate gate;

    public FindingsLetterReading(InspectionRepository inspections, FindingsLetters letters, DocumentStore store,
                                 OrganisationDirectory directory, WorkingDayCalendar calendar, PolicyGate gate) {
        this.inspections = Objects.requireNonNull(inspections, "inspections");
        this.letters = Objects.requireNonNull(letters, "letters");
        this.store = Objects.requireNonNull(store, "store");
        this.area = new AreaAgencies(directory);
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /** The letter as the subject may see it; 404 unless they are a participant's inspection staff or the DCS. */
    public FindingsLetterView view(Subject subject, String inspectionId) {
        Act act = FindingsLetterService.act(AuditActions.FINDINGS_LETTER_VIEW, inspectionId);
        LoadedLetter loaded = LoadedLetter.admitted(gate, inspections, letters, subject, act, inspectionId);
        Inspection inspection = loaded.inspection();
        FindingsLetter letter = loaded.letter();
        Instant now = gate.clock().instant();
        FindingsLetterStage stage = loaded.stageAt(now);
        List<FindingsDocument> documents = gate.visible(subject, letter.documents(),
                document -> LetterResources.document(inspection, letter, document));
        // the letter as it is before anything is sent to the DCS: who reads that is inspectorate staff
        boolean inspectorateStaff = gate.permits(subject, Action.VIEW_METADATA,
                LetterResources.letter(inspection, FindingsLetter.empty(inspection.id())));
        FindingsLetterView view = new FindingsLetterView(inspection, letter, stage,
                FindingsLetterDueDates.of(JtaiTimeline.from(inspection.notifiedOn(), calendar),
                        letter.accuracyCheck()),
                documents, inspectorateStaff ? letter.signOffs() : List.of(),
                inspectorateStaff ? letter.awaitingSignOff(inspection.participants(), inspection.leadInspectorate())
                        : Set.of(),
                steps(subject, loaded, stage, now));
        gate.record(subject, act, Outcome.SUCCEEDED, "stage=" + stage);
        return view;
    }

    /**
     * The chief officers of the area's local authority children's services, one of whom is the DCS, for someone who
     * may send the draft to the DCS (for offering the choice; not audited); nobody for anyone else.
     */
    public List<UserAccount> dcsCandidates(Subject subject, String inspectionId) {
        Optional<Inspection> found = inspections.find(inspectionId);
        if (found.isEmpty() || !gate.permits(subject, Action.EXPORT,
                LetterResources.letter(found.get(), letters.of(inspectionId)))) {
            return List.of();
        }
        return area.directorsOfChildrensServices(found.get());
    }

    /** A document's original bytes, decrypted as they stream; 404 to anyone who may not see it. */
    public FindingsDownload download(Subject subject, String inspectionId, String documentId) {
        Act act = Act.of(AuditActions.FINDINGS_LETTER_DOWNLOAD, "FINDINGS_LETTER_DOCUMENT", documentId);
        Optional<Inspection> inspection = inspections.find(inspectionId);
        FindingsLetter letter = inspection.map(found -> letters.of(found.id())).orElse(null);
        Optional<FindingsDocument> found = letter == null ? Optional.empty()
                : letter.documents().stream().filter(document -> document.id().equals(documentId)).findFirst();
        FindingsDocument document = gate.admit(subject, Action.DOWNLOAD, act, found,
                candidate -> LetterResources.document(inspection.orElseThrow(), letter, candidate));
        InputStream content;
        try {
            content = store.open(document.document().content());
        } catch (IOException e) {
            gate.record(subject, act, Outcome.REFUSED, "content unreadable");
            throw new UncheckedIOException("the document could not be read", e);
        }
        String downloadId = Ids.newId();
        return new FindingsDownload(document, downloadId, gate.recordDownload(subject, act, downloadId,
                "inspection=" + inspectionId + " download=" + downloadId + " bytes=" + document.size(), content),
                document.size());
    }

    private Set<FindingsLetterView.Step> steps(Subject subject, LoadedLetter loaded, FindingsLetterStage stage,
                                               Instant now) {
        Inspection inspection = loaded.inspection();
        FindingsLetter letter = loaded.letter();
        boolean open = inspection.status() == InspectionStatus.OPEN;
        Set<FindingsLetterView.Step> steps = EnumSet.noneOf(FindingsLetterView.Step.class);
        var asLetter = LetterResources.letter(inspection, letter);
        if (open && stage != FindingsLetterStage.ISSUED && stage != FindingsLetterStage.WITH_DCS
                && gate.permits(subject, Action.UPLOAD, asLetter)) {
            steps.add(FindingsLetterView.Step.UPLOAD_VERSION);
        }
        if ((stage == FindingsLetterStage.AWAITING_SIGN_OFF || stage == FindingsLetterStage.AWAITING_AGREEMENT)
                && gate.permits(subject, Action.CHANGE, asLetter)
                && !letter.signedOff(letter.latest().orElseThrow().version())
                .contains(subject.inspectorate().orElseThrow())) {
            steps.add(FindingsLetterView.Step.SIGN_OFF);
        }
        if (stage == FindingsLetterStage.SIGNED_OFF && gate.permits(subject, Action.EXPORT, asLetter)) {
            steps.add(FindingsLetterView.Step.SEND_TO_DCS);
        }
        if (stage == FindingsLetterStage.AGREED && gate.permits(subject, Action.EXPORT, asLetter)) {
            steps.add(FindingsLetterView.Step.ISSUE);
        }
        if (open && letter.check().isPresent() && letter.comments().isEmpty() && !letter.revised()
                && stage != FindingsLetterStage.ISSUED
                && gate.permits(subject, Action.UPLOAD, LetterResources.comments(inspection, letter))) {
            steps.add(FindingsLetterView.Step.UPLOAD_COMMENTS);
        }
        return steps;
    }
}
