package uk.gov.inspectorates.portal.core.letter;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.report.OnwardSharing.Basis;
import uk.gov.inspectorates.portal.core.report.OnwardSharing.Status;
import uk.gov.inspectorates.portal.core.report.ReportRepository;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.Ids;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.shared.TextFields;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Onward sharing of a letter (ISP ¶14: "Reports and letters ... will not be published, disclosed or shared onwards by
 * the inspectorate receiving that information unless ..."), as for a report: a receiving party records the basis
 * before it shares a letter beyond the protocol's parties. A legal obligation holds when it is named; written consent
 * once the sender gives it here. A letter is never published, so "in the public domain" never holds for it
 * (docs/adr/0027). A letter is found under its report ({@code reportId}) or, sent ahead of one, on its own
 * ({@code reportId} null). Every call leaves one {@code ONWARD_SHARING} audit event about the letter.
 */
public final class LetterOnwardSharingService {

    static final int MAX_RECIPIENT = 200;
    static final int MAX_EVIDENCE = 2000;

    private final ReportRepository reports;
    private final LetterRepository letters;
    private final LetterOnwardSharings sharings;
    private final PolicyGate gate;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    public LetterOnwardSharingService(ReportRepository reports, LetterRepository letters,
                                      LetterOnwardSharings sharings, PolicyGate gate) {
        this(reports, letters, sharings, gate, UnitOfWork.NONE);
    }

    public LetterOnwardSharingService(ReportRepository reports, LetterRepository letters,
                                      LetterOnwardSharings sharings, PolicyGate gate,
                                      UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.reports = reports;
        this.letters = letters;
        this.sharings = sharings;
        this.gate = gate;
        this.clock = gate.clock();
    }

    /** Records onward sharing of the letter on a basis that holds now, or asks its sender for written consent. */
    public LetterOnwardSharing request(Subject subject, String reportId, String letterId, String basis,
                                       String recipient, String evidence) {
        return unitOfWork.inOne(() -> requestInUnit(subject, reportId, letterId, basis, recipient, evidence));
    }

    private LetterOnwardSharing requestInUnit(Subject subject, String reportId, String letterId, String basis,
                                       String recipient, String evidence) {
        Instant now = clock.instant();
        Letter letter = permitted(subject, Action.EXPORT, reportId, letterId, now);
        List<FieldError> errors = new ArrayList<>();
        Basis chosen = basis(basis, errors);
        String to = TextFields.optional(recipient, "recipient", MAX_RECIPIENT, errors);
        if (to == null && errors.stream().noneMatch(e -> e.field().equals("recipient"))) {
            errors.add(new FieldError("recipient", "Enter who the letter would be shared with"));
        }
        String why = TextFields.optional(evidence, "evidence", MAX_EVIDENCE, errors);
        if (chosen == Basis.PUBLIC_DOMAIN) {
            errors.add(new FieldError("basis", "A letter is never published, so it is not in the public domain:"
                    + " choose a legal obligation or ask the sender for written consent (the published report is"
                    + " in the public domain)"));
        }
        if (chosen == Basis.LEGAL_OBLIGATION && why == null
                && errors.stream().noneMatch(e -> e.field().equals("evidence"))) {
            errors.add(new FieldError("evidence",
                    "Name the legal obligation, for example the court order's reference"));
        }
        if (!errors.isEmpty()) {
            gate.record(subject, act(letterId), Outcome.REFUSED, "basis does not hold: "
                    + errors.stream().map(FieldError::field).toList());
            throw new InvalidInput(errors);
        }
        Inspectorate party = subject.inspectorate().orElseThrow();
        LetterOnwardSharing sharing = new LetterOnwardSharing(Ids.newId(), letter.id(), chosen, to, why, party,
                subject.userId(), now, chosen == Basis.WRITTEN_CONSENT ? Status.CONSENT_REQUESTED : Status.RECORDED,
                null, null, null);
        sharings.add(sharing);
        gate.record(subject, act(letterId), Outcome.SUCCEEDED, sharing.id() + " " + chosen + " " + sharing.status()
                + " to " + to + where(letter));
        return sharing;
    }

    /** The sender gives or refuses written consent to a receiving party's request. */
    public LetterOnwardSharing decideConsent(Subject subject, String reportId, String letterId, String sharingId,
                                             Boolean granted, String note) {
        return unitOfWork.inOne(() -> decideConsentInUnit(subject, reportId, letterId, sharingId, granted, note));
    }

    private LetterOnwardSharing decideConsentInUnit(Subject subject, String reportId, String letterId, String sharingId,
                                             Boolean granted, String note) {
        Instant now = clock.instant();
        permitted(subject, Action.CHANGE, reportId, letterId, now);
        LetterOnwardSharing sharing = sharings.find(letterId, sharingId).orElse(null);
        if (sharing == null) {
            gate.record(subject, act(letterId), Outcome.REFUSED, "no such onward sharing " + sharingId);
            throw new NotFound("onward sharing");
        }
        List<FieldError> errors = new ArrayList<>();
        if (granted == null) {
            errors.add(new FieldError("granted", "Select whether written consent is given"));
        }
        String why = TextFields.optional(note, "note", MAX_EVIDENCE, errors);
        if (!errors.isEmpty()) {
            gate.record(subject, act(letterId), Outcome.REFUSED, "invalid consent decision");
            throw new InvalidInput(errors);
        }
        LetterOnwardSharing decided = sharing.decided(granted, subject.userId(), now, why);
        if (sharing.status() != Status.CONSENT_REQUESTED || !sharings.decide(decided)) {
            gate.record(subject, act(letterId), Outcome.REFUSED, "not waiting for consent " + sharingId);
            throw new Conflict("This onward sharing is not waiting for written consent");
        }
        gate.record(subject, act(letterId), Outcome.SUCCEEDED, sharingId + " " + decided.status());
        return decided;
    }

    /** The sender's staff see every record of the letter; a receiving party sees its own. */
    public List<LetterOnwardSharing> ofLetter(Subject subject, String reportId, String letterId) {
        Instant now = clock.instant();
        Letter letter = permitted(subject, Action.VIEW_METADATA, reportId, letterId, now);
        boolean sender = subject.inspectorate().filter(own -> own == letter.originator()).isPresent();
        List<LetterOnwardSharing> visible = sharings.ofLetter(letter.id()).stream()
                .filter(s -> sender || subject.inspectorate().filter(own -> own == s.requestingParty()).isPresent())
                .toList();
        gate.record(subject, act(letterId), Outcome.SUCCEEDED, "listed " + visible.size());
        return visible;
    }

    /** Whether the person may record onward sharing of the letter now (for offering the form; not audited). */
    public boolean mayShareOnward(Subject subject, Letter letter) {
        return resourceOf(letter, clock.instant()).map(r -> gate.permits(subject, Action.EXPORT, r)).orElse(false);
    }

    /** Whether the person may answer requests for written consent (for offering the buttons; not audited). */
    public boolean mayDecideConsent(Subject subject, Letter letter) {
        return resourceOf(letter, clock.instant()).map(r -> gate.permits(subject, Action.CHANGE, r)).orElse(false);
    }

    private Optional<Resource> resourceOf(Letter letter, Instant now) {
        if (letter.standalone()) {
            return Optional.of(letter.asStandaloneResource());
        }
        return reports.find(letter.reportId()).map(report -> letter.asResourceOf(report, now));
    }

    /** Unknown, or not for this subject at all: 404. Known to the subject but not for this action: 403 naming the rule. */
    private Letter permitted(Subject subject, Action action, String reportId, String letterId, Instant now) {
        Optional<Letter> found = reportId == null ? letters.findStandalone(letterId)
                : letters.find(reportId, letterId).filter(letter -> reports.find(reportId).isPresent());
        return gate.admit(subject, action, act(letterId), found,
                letter -> resourceOf(letter, now).orElseThrow(() -> new NotFound("letter")));
    }

    private static String where(Letter letter) {
        return letter.standalone() ? " (sent ahead of its report)" : " report=" + letter.reportId();
    }

    private static Basis basis(String given, List<FieldError> errors) {
        try {
            return Basis.valueOf(given == null ? "" : given.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("basis", "Select the basis for sharing: a legal obligation, or the sender's"
                    + " written consent"));
            return null;
        }
    }

    private static Act act(String letterId) {
        return Act.of(AuditActions.ONWARD_SHARING, "LETTER", letterId);
    }
}
