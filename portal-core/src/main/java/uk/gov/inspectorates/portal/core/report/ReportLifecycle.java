package uk.gov.inspectorates.portal.core.report;

import java.net.URI;
import java.net.URISyntaxException;
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
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.NoticeOutbox;
import uk.gov.inspectorates.portal.core.notification.Recipients;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.Ids;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.shared.TextFields;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * The originator's decisions about a shared report after sharing: publication (now, or scheduled: the embargo ends
 * at that moment), withdrawal, and requests to withhold or withdraw publication (JTAI Annex D). Each call is decided
 * by the {@link PolicyGate} and leaves exactly one audit event about the report.
 */
public final class ReportLifecycle {

    static final int MAX_URL = 2000;
    static final int MAX_REASON = 2000;

    private final ReportRepository reports;
    private final WithholdRequests withholdRequests;
    private final PolicyGate gate;
    private final NoticeOutbox notices;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    public ReportLifecycle(ReportRepository reports, WithholdRequests withholdRequests, PolicyGate gate,
                           NoticeOutbox notices) {
        this(reports, withholdRequests, gate, notices, UnitOfWork.NONE);
    }

    public ReportLifecycle(ReportRepository reports, WithholdRequests withholdRequests, PolicyGate gate,
                           NoticeOutbox notices,
                           UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.reports = reports;
        this.withholdRequests = withholdRequests;
        this.gate = gate;
        this.notices = notices;
        this.clock = gate.clock();
    }

    /**
     * Records where the report is published and from when; a time in the future schedules the end of the embargo
     * (and may be moved while it has not come). No time means now.
     */
    public Report publish(Subject subject, String id, String publishedUrl, OffsetDateTime publishedAt) {
        return unitOfWork.inOne(() -> publishInUnit(subject, id, publishedUrl, publishedAt));
    }

    private Report publishInUnit(Subject subject, String id, String publishedUrl, OffsetDateTime publishedAt) {
        Instant now = clock.instant();
        Report report = permitted(subject, Action.CHANGE, AuditActions.REPORT_PUBLISH, id, now);
        URI url;
        try {
            url = publishedUrl(publishedUrl);
        } catch (InvalidInput invalid) {
            gate.record(subject, act(AuditActions.REPORT_PUBLISH, id), Outcome.REFUSED, "invalid: publishedUrl");
            throw invalid;
        }
        Publication publication = new Publication(url, publishedAt == null ? now : publishedAt.toInstant(),
                subject.userId(), now);
        if (!report.underEmbargoAt(now) || !reports.recordPublication(id, publication, now)) {
            ReportStatus status = reports.find(id).map(r -> r.statusAt(now)).orElse(report.statusAt(now));
            gate.record(subject, act(AuditActions.REPORT_PUBLISH, id), Outcome.REFUSED, "report is " + status);
            throw new Conflict(status == ReportStatus.WITHDRAWN
                    ? "The report has been withdrawn: it cannot be published"
                    : "The report has already been published");
        }
        gate.record(subject, act(AuditActions.REPORT_PUBLISH, id), Outcome.SUCCEEDED,
                (publication.reachedAt(now) ? "published" : "scheduled") + " at=" + publication.publishedAt()
                        + " url=" + url);
        return report.published(publication);
    }

    /** Withdraws a report under embargo or published: it is not served again, and its addressees see why. */
    public Report withdraw(Subject subject, String id, String reason) {
        return unitOfWork.inOne(() -> withdrawInUnit(subject, id, reason));
    }

    private Report withdrawInUnit(Subject subject, String id, String reason) {
        Instant now = clock.instant();
        Report report = permitted(subject, Action.CHANGE, AuditActions.REPORT_WITHDRAW, id, now);
        List<FieldError> errors = new ArrayList<>();
        String why = TextFields.required(reason, "reason", "Enter why the report is withdrawn", MAX_REASON, errors);
        if (!errors.isEmpty()) {
            gate.record(subject, act(AuditActions.REPORT_WITHDRAW, id), Outcome.REFUSED, "invalid: reason");
            throw new InvalidInput(errors);
        }
        Withdrawal withdrawal = new Withdrawal(why, subject.userId(), now);
        if (!reports.recordWithdrawal(id, withdrawal, now)) {
            gate.record(subject, act(AuditActions.REPORT_WITHDRAW, id), Outcome.REFUSED, "already withdrawn");
            throw new Conflict("The report has already been withdrawn");
        }
        gate.record(subject, act(AuditActions.REPORT_WITHDRAW, id), Outcome.SUCCEEDED,
                "was " + report.statusAt(now) + ": " + why);
        return report.withdrawn(withdrawal);
    }

    /** Records a request to withhold or withdraw publication, as received by the originator. */
    public WithholdRequest recordWithholdRequest(Subject subject, String id, WithholdRequestDraft draft) {
        return unitOfWork.inOne(() -> recordWithholdRequestInUnit(subject, id, draft));
    }

    private WithholdRequest recordWithholdRequestInUnit(Subject subject, String id, WithholdRequestDraft draft) {
        Instant now = clock.instant();
        Report report = permitted(subject, Action.CHANGE, AuditActions.WITHHOLD_REQUEST, id, now);
        WithholdRequest request;
        try {
            request = validated(draft, id, subject, now);
        } catch (InvalidInput invalid) {
            gate.record(subject, act(AuditActions.WITHHOLD_REQUEST, id), Outcome.REFUSED, "invalid: "
                    + invalid.errors().stream().map(FieldError::field).toList());
            throw invalid;
        }
        if (report.statusAt(now) == ReportStatus.WITHDRAWN) {
            gate.record(subject, act(AuditActions.WITHHOLD_REQUEST, id), Outcome.REFUSED, "report is WITHDRAWN");
            throw new Conflict("The report has been withdrawn already");
        }
        withholdRequests.add(request);
        gate.record(subject, act(AuditActions.WITHHOLD_REQUEST, id), Outcome.SUCCEEDED, "recorded " + request.id() + " "
                + request.kind() + " from " + request.applicant() + ", respond by " + request.respondBy());
        return request;
    }

    /**
     * Records the originator's decision on a request, once the views of every other party's lead inspector are in
     * ({@link AnnexDConsultation#VIEWS_BEFORE_DECISION}), and tells those parties ({@link
     * AnnexDConsultation#DECISION_TOLD_TO_OTHER_PARTIES}). Granting a withdrawal withdraws the report; granting a
     * request to withhold takes back a publication that is scheduled and has not come yet.
     */
    public WithholdRequest decideWithholdRequest(Subject subject, String id, String requestId, String outcome,
                                                 String reason) {
        return unitOfWork.inOne(() -> decideWithholdRequestInUnit(subject, id, requestId, outcome, reason));
    }

    private WithholdRequest decideWithholdRequestInUnit(Subject subject, String id, String requestId, String outcome,
                                                 String reason) {
        Instant now = clock.instant();
        Report report = permitted(subject, Action.CHANGE, AuditActions.WITHHOLD_REQUEST, id, now);
        WithholdRequest request = withholdRequests.find(id, requestId).orElse(null);
        if (request == null) {
            gate.record(subject, act(AuditActions.WITHHOLD_REQUEST, id), Outcome.REFUSED,
                    "no such request " + requestId);
            throw new NotFound("withhold request");
        }
        List<FieldError> errors = new ArrayList<>();
        WithholdRequest.Outcome decided = outcome(outcome, errors);
        String why = TextFields.required(reason, "reason", "Enter the reason for the decision", MAX_REASON, errors);
        if (!errors.isEmpty()) {
            gate.record(subject, act(AuditActions.WITHHOLD_REQUEST, id), Outcome.REFUSED, "invalid decision");
            throw new InvalidInput(errors);
        }
        List<Inspectorate> missing = AnnexDConsultation.missingViews(report, request);
        if (request.decision() == null && !missing.isEmpty()) {
            gate.record(subject, act(AuditActions.WITHHOLD_REQUEST, id), Outcome.REFUSED,
                    AnnexDConsultation.VIEWS_BEFORE_DECISION + " " + requestId + " missing " + missing);
            throw new Conflict("Record the view of the lead inspector of " + AnnexDConsultation.named(missing)
                    + " (or that none was given by a time) before deciding: JTAI Annex D asks for the views of the"
                    + " other inspectorates' lead inspectors before the decision",
                    AnnexDConsultation.VIEWS_BEFORE_DECISION);
        }
        WithholdRequest.Decision decision = new WithholdRequest.Decision(decided, why, subject.userId(), now);
        if (!withholdRequests.decide(requestId, decision)) {
            gate.record(subject, act(AuditActions.WITHHOLD_REQUEST, id), Outcome.REFUSED,
                    "already decided " + requestId);
            throw new Conflict("A decision on this request has been recorded already");
        }
        String effect = "";
        if (decided == WithholdRequest.Outcome.GRANTED && request.kind() == WithholdRequest.Kind.WITHDRAW
                && report.statusAt(now) != ReportStatus.WITHDRAWN) {
            reports.recordWithdrawal(id, new Withdrawal("Request to withdraw granted: " + why, subject.userId(), now),
                    now);
            effect = ", report withdrawn";
        } else if (decided == WithholdRequest.Outcome.GRANTED && request.kind() == WithholdRequest.Kind.WITHHOLD
                && report.embargoEndsAt(now).isPresent()) {
            reports.cancelScheduledPublication(id, now);
            effect = ", scheduled publication taken back";
        }
        List<Inspectorate> told = AnnexDConsultation.otherParties(report);
        if (!told.isEmpty()) {
            notices.enqueue(new Notice(NoticeKind.WITHHOLD_DECISION, told.stream()
                    .map(party -> Recipients.readerListOf(party.organisationId())).toList(), report.title(),
                    "/reports/" + id));
        }
        gate.record(subject, act(AuditActions.WITHHOLD_REQUEST, id), Outcome.SUCCEEDED,
                "decided " + requestId + " " + decided + effect + ", told " + told);
        return request.decided(decision);
    }

    /** Whether the person may publish, withdraw and decide on the report now (for offering the forms; not audited). */
    public boolean mayChange(Subject subject, Report report) {
        Instant now = clock.instant();
        return gate.permits(subject, Action.CHANGE, report.asResourceAt(now));
    }

    /** The report's withhold and withdrawal requests, for anyone who may see the report. */
    public List<WithholdRequest> withholdRequests(Subject subject, String id) {
        Instant now = clock.instant();
        permitted(subject, Action.VIEW_METADATA, AuditActions.WITHHOLD_REQUEST, id, now);
        List<WithholdRequest> requests = withholdRequests.ofReport(id);
        gate.record(subject, act(AuditActions.WITHHOLD_REQUEST, id), Outcome.SUCCEEDED, "listed " + requests.size());
        return requests;
    }

    private static WithholdRequest validated(WithholdRequestDraft draft, String reportId, Subject subject,
                                             Instant now) {
        List<FieldError> errors = new ArrayList<>();
        WithholdRequest.Kind kind = null;
        if (draft.kind() == null || draft.kind().isBlank()) {
            errors.add(new FieldError("kind", "Select whether the request is to withhold or to withdraw publication"));
        } else {
            try {
                kind = WithholdRequest.Kind.valueOf(draft.kind().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("kind", "The request must be to WITHHOLD or to WITHDRAW publication"));
            }
        }
        String applicant = TextFields.required(draft.applicant(), "applicant",
                "Enter who made the request (for example the local authority area)", 200, errors);
        String circumstances = TextFields.required(draft.exceptionalCircumstances(), "exceptionalCircumstances",
                "Enter the exceptional circumstances the request sets out", MAX_REASON, errors);
        String complaint = TextFields.optional(draft.complaintReference(), "complaintReference", 200, errors);
        Instant received = draft.receivedAt() == null ? now : draft.receivedAt().toInstant();
        if (received.isAfter(now)) {
            errors.add(new FieldError("receivedAt", "The date the request was received must be today or in the past"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new WithholdRequest(Ids.newId(), reportId, kind, applicant, circumstances, complaint, received,
                subject.userId(), now, null);
    }

    private static WithholdRequest.Outcome outcome(String given, List<FieldError> errors) {
        try {
            return WithholdRequest.Outcome.valueOf(given == null ? "" : given.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("outcome", "Select whether the request is granted or refused"));
            return null;
        }
    }

    static URI publishedUrl(String given) {
        List<FieldError> errors = new ArrayList<>();
        String text = TextFields.required(given, "publishedUrl",
                "Enter the web address of the published report", MAX_URL, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        try {
            URI url = new URI(text);
            if ("https".equalsIgnoreCase(url.getScheme()) && url.getHost() != null && url.getUserInfo() == null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw InvalidInput.of("publishedUrl", "Enter the published report's full web address, starting https://");
    }

    private Report permitted(Subject subject, Action action, String auditAction, String id, Instant now) {
        return gate.admit(subject, action, act(auditAction, id), reports.find(id), report -> report.asResourceAt(now));
    }

    private static Act act(String auditAction, String reportId) {
        return Act.of(auditAction, "REPORT", reportId);
    }
}
