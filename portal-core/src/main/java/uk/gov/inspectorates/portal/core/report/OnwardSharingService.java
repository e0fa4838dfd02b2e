package uk.gov.inspectorates.portal.core.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.report.OnwardSharing.Basis;
import uk.gov.inspectorates.portal.core.report.OnwardSharing.Status;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.Ids;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.shared.TextFields;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Onward sharing (ISP "Process for sharing"): a receiving party shares a report further only on a recorded basis
 * that holds. Public domain holds once the report is published; a legal obligation when it is named; written
 * consent once the originator gives it here. Without a valid basis the request is refused.
 */
public final class OnwardSharingService {

    static final int MAX_RECIPIENT = 200;
    static final int MAX_EVIDENCE = 2000;

    private final ReportRepository reports;
    private final OnwardSharings sharings;
    private final PolicyGate gate;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public OnwardSharingService(ReportRepository reports, OnwardSharings sharings, PolicyGate gate) {
        this(reports, sharings, gate, UnitOfWork.NONE);
    }

    public OnwardSharingService(ReportRepository reports, OnwardSharings sharings, PolicyGate gate,
                                UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.reports = reports;
        this.sharings = sharings;
        this.gate = gate;
        this.clock = gate.clock();
    }

    /** Records onward sharing on a basis that holds now, or asks the originator for written consent. */
    public OnwardSharing request(Subject subject, String id, String basis, String recipient, String evidence) {
        return unitOfWork.inOne(() -> requestInUnit(subject, id, basis, recipient, evidence));
    }

    private OnwardSharing requestInUnit(Subject subject, String id, String basis, String recipient, String evidence) {
        Instant now = clock.instant();
        Report report = permitted(subject, Action.EXPORT, id, now);
        List<FieldError> errors = new ArrayList<>();
        Basis chosen = basis(basis, errors);
        String to = TextFields.required(recipient, "recipient", "Enter who the report would be shared with",
                MAX_RECIPIENT, errors);
        String why = TextFields.optional(evidence, "evidence", MAX_EVIDENCE, errors);
        if (chosen == Basis.PUBLIC_DOMAIN && report.statusAt(now) != ReportStatus.PUBLISHED) {
            errors.add(new FieldError("basis", "The report is not in the public domain until it is published:"
                    + " choose a legal obligation or ask for the originator's written consent"));
        }
        if (chosen == Basis.LEGAL_OBLIGATION && why == null && errors.stream().noneMatch(e -> e.field().equals("evidence"))) {
            errors.add(new FieldError("evidence", "Name the legal obligation, for example the court order's reference"));
        }
        if (!errors.isEmpty()) {
            gate.record(subject, act(id), Outcome.REFUSED, "basis does not hold: "
                    + errors.stream().map(FieldError::field).toList());
            throw new InvalidInput(errors);
        }
        Inspectorate party = subject.inspectorate().orElseThrow();
        OnwardSharing sharing = new OnwardSharing(Ids.newId(), id, chosen, to, why, party, subject.userId(), now,
                chosen == Basis.WRITTEN_CONSENT ? Status.CONSENT_REQUESTED : Status.RECORDED, null, null, null);
        sharings.add(sharing);
        gate.record(subject, act(id), Outcome.SUCCEEDED,
                sharing.id() + " " + chosen + " " + sharing.status() + " to " + to);
        return sharing;
    }

    /** Whether the person may record onward sharing of the report now (for offering the form; not audited). */
    public boolean mayShareOnward(Subject subject, Report report) {
        Instant now = clock.instant();
        return gate.permits(subject, Action.EXPORT, report.asResourceAt(now));
    }

    /** The originator gives or refuses written consent to a receiving party's request. */
    public OnwardSharing decideConsent(Subject subject, String id, String sharingId, Boolean granted, String note) {
        return unitOfWork.inOne(() -> decideConsentInUnit(subject, id, sharingId, granted, note));
    }

    private OnwardSharing decideConsentInUnit(Subject subject, String id, String sharingId, Boolean granted,
                                              String note) {
        Instant now = clock.instant();
        permitted(subject, Action.CHANGE, id, now);
        OnwardSharing sharing = sharings.find(id, sharingId).orElse(null);
        if (sharing == null) {
            gate.record(subject, act(id), Outcome.REFUSED, "no such onward sharing " + sharingId);
            throw new NotFound("onward sharing");
        }
        List<FieldError> errors = new ArrayList<>();
        if (granted == null) {
            errors.add(new FieldError("granted", "Select whether written consent is given"));
        }
        String why = TextFields.optional(note, "note", MAX_EVIDENCE, errors);
        if (!errors.isEmpty()) {
            gate.record(subject, act(id), Outcome.REFUSED, "invalid consent decision");
            throw new InvalidInput(errors);
        }
        OnwardSharing decided = sharing.decided(granted, subject.userId(), now, why);
        if (sharing.status() != Status.CONSENT_REQUESTED || !sharings.decide(decided)) {
            gate.record(subject, act(id), Outcome.REFUSED, "not waiting for consent " + sharingId);
            throw new Conflict("This onward sharing is not waiting for written consent");
        }
        gate.record(subject, act(id), Outcome.SUCCEEDED, sharingId + " " + decided.status());
        return decided;
    }

    /** The originator's staff see every record; a receiving party sees its own. */
    public List<OnwardSharing> ofReport(Subject subject, String id) {
        Instant now = clock.instant();
        Report report = permitted(subject, Action.VIEW_METADATA, id, now);
        boolean originator = subject.inspectorate().filter(own -> own == report.originator()).isPresent();
        List<OnwardSharing> visible = sharings.ofReport(id).stream()
                .filter(s -> originator || subject.inspectorate().filter(own -> own == s.requestingParty()).isPresent())
                .toList();
        gate.record(subject, act(id), Outcome.SUCCEEDED, "listed " + visible.size());
        return visible;
    }

    private static Basis basis(String given, List<FieldError> errors) {
        try {
            return Basis.valueOf(given == null ? "" : given.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("basis", "Select the basis for sharing: public domain, legal obligation, or the"
                    + " originator's written consent"));
            return null;
        }
    }

    private Report permitted(Subject subject, Action action, String id, Instant now) {
        return gate.admit(subject, action, act(id), reports.find(id), report -> report.asResourceAt(now));
    }

    private static Act act(String reportId) {
        return Act.of(AuditActions.ONWARD_SHARING, "REPORT", reportId);
    }
}
