package uk.gov.inspectorates.portal.core.report;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
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
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.shared.TextFields;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * The originator records the views of the other parties' lead inspectors on a request to withhold or withdraw
 * publication (JTAI Annex D, {@link AnnexDConsultation}): who gave it, for which inspectorate, what it was and when,
 * or that none was given by a time. Only those who may decide on the request record views (the report's CHANGE).
 */
public final class WithholdViews {

    static final int MAX_VIEW = 4000;
    static final int MAX_NAME = 200;

    private final ReportRepository reports;
    private final WithholdRequests requests;
    private final PolicyGate gate;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public WithholdViews(ReportRepository reports, WithholdRequests requests, PolicyGate gate) {
        this(reports, requests, gate, UnitOfWork.NONE);
    }

    public WithholdViews(ReportRepository reports, WithholdRequests requests, PolicyGate gate,
                         UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.reports = reports;
        this.requests = requests;
        this.gate = gate;
        this.clock = gate.clock();
    }

    public WithholdRequest recordView(Subject subject, String reportId, String requestId, PartyViewDraft draft) {
        return unitOfWork.inOne(() -> recordViewInUnit(subject, reportId, requestId, draft));
    }

    private WithholdRequest recordViewInUnit(Subject subject, String reportId, String requestId, PartyViewDraft draft) {
        Instant now = clock.instant();
        Act act = Act.of(AuditActions.WITHHOLD_REQUEST_VIEW, "REPORT", reportId);
        Report report = gate.admit(subject, Action.CHANGE, act, reports.find(reportId),
                found -> found.asResourceAt(now));
        WithholdRequest request = requests.find(reportId, requestId).orElse(null);
        if (request == null) {
            gate.record(subject, act, Outcome.REFUSED, "no such request " + requestId);
            throw new NotFound("withhold request");
        }
        PartyView view;
        try {
            view = validated(draft, report, subject, now);
        } catch (InvalidInput invalid) {
            gate.record(subject, act, Outcome.REFUSED, "invalid: "
                    + invalid.errors().stream().map(FieldError::field).toList());
            throw invalid;
        }
        if (request.decision() != null) {
            gate.record(subject, act, Outcome.REFUSED, AnnexDConsultation.NO_VIEW_AFTER_DECISION + " " + requestId);
            throw new Conflict("The request has been decided: views are recorded before the decision",
                    AnnexDConsultation.NO_VIEW_AFTER_DECISION);
        }
        if (request.viewOf(view.party()).isPresent() || !requests.addView(requestId, view)) {
            gate.record(subject, act, Outcome.REFUSED, AnnexDConsultation.ONE_VIEW_PER_PARTY + " " + view.party());
            throw new Conflict("The view of " + view.party().name() + " on this request is recorded already",
                    AnnexDConsultation.ONE_VIEW_PER_PARTY);
        }
        WithholdRequest updated = request.withView(view);
        List<Inspectorate> missing = AnnexDConsultation.missingViews(report, updated);
        gate.record(subject, act, Outcome.SUCCEEDED, "request " + requestId + " view of " + view.party()
                + (view.noViewGiven() ? " (none given by " + view.at() + ")" : "")
                + (missing.isEmpty() ? ", all views in" : ", still missing " + missing));
        return updated;
    }

    private static PartyView validated(PartyViewDraft draft, Report report, Subject subject, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Inspectorate party = party(draft.inspectorate(), report, errors);
        String leadInspector = TextFields.required(draft.leadInspector(), "leadInspector",
                "Enter the name of the lead inspector whose view this is", MAX_NAME, errors);
        String view = TextFields.optional(draft.view(), "view", MAX_VIEW, errors);
        Instant at = null;
        if (view != null && draft.noViewGivenBy() != null) {
            errors.add(new FieldError("noViewGivenBy",
                    "Either record the view, or that no view was given by a time: not both"));
        } else if (view != null) {
            at = notLater(draft.givenAt(), now, "givenAt", "The time the view was given", errors);
        } else if (draft.noViewGivenBy() != null) {
            at = notLater(draft.noViewGivenBy(), now, "noViewGivenBy", "The time by which no view was given", errors);
        } else {
            errors.add(new FieldError("view", "Enter the lead inspector's view, or the time by which none was given"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new PartyView(party, leadInspector, view, at, subject.userId(), now);
    }

    private static Inspectorate party(String given, Report report, List<FieldError> errors) {
        List<Inspectorate> others = AnnexDConsultation.otherParties(report);
        Inspectorate party = given == null ? null
                : Inspectorate.byCode(given.strip().toUpperCase(Locale.ROOT)).orElse(null);
        if (party == null || !others.contains(party)) {
            errors.add(new FieldError("inspectorate", "Select the inspectorate whose view this is: one of "
                    + AnnexDConsultation.named(others) + " (" + AnnexDConsultation.VIEW_OF_OTHER_PARTY + ")"));
            return null;
        }
        return party;
    }

    private static Instant notLater(OffsetDateTime given, Instant now, String field, String what,
                                    List<FieldError> errors) {
        Instant at = given == null ? now : given.toInstant();
        if (at.isAfter(now)) {
            errors.add(new FieldError(field, what + " must be now or in the past"));
        }
        return at;
    }
}
