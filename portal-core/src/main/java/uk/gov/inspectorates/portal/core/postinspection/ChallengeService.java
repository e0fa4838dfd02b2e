package uk.gov.inspectorates.portal.core.postinspection;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionRepository;
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.NoticeOutbox;
import uk.gov.inspectorates.portal.core.notification.Recipients;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.Ids;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.shared.TextFields;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Challenges and complaints about a joint inspection (JTAI Annex D): the lead inspectorate records each one received
 * (it coordinates the investigation and joint response), with its deadlines: acknowledged within 5 working days of
 * receipt, answered within 30. One raised later than 10 working days after publication is recorded as late ("not
 * usually considered"). The other participants' lead inspectors are told of each, and see them all.
 */
public final class ChallengeService {

    /** Raised within 10 working days of publication, or recorded as late. */
    public static final String WITHIN_TEN_WORKING_DAYS = "inspection.challenge.within-ten-working-days";
    /** Acknowledged once; an answered challenge needs no acknowledgement. */
    public static final String ACKNOWLEDGED_ONCE = "inspection.challenge.acknowledged-once";
    /** Answered once. */
    public static final String ANSWERED_ONCE = "inspection.challenge.answered-once";

    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 5000;

    private final InspectionRepository inspections;
    private final Challenges challenges;
    private final AnnexDDeadlines deadlines;
    private final NoticeOutbox notices;
    private final PolicyGate gate;
    private final UnitOfWork unitOfWork;

    public ChallengeService(InspectionRepository inspections, Challenges challenges, AnnexDDeadlines deadlines,
                            NoticeOutbox notices, PolicyGate gate) {
        this(inspections, challenges, deadlines, notices, gate, UnitOfWork.NONE);
    }

    public ChallengeService(InspectionRepository inspections, Challenges challenges, AnnexDDeadlines deadlines,
                            NoticeOutbox notices, PolicyGate gate,
                            UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.inspections = Objects.requireNonNull(inspections, "inspections");
        this.challenges = Objects.requireNonNull(challenges, "challenges");
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /** The challenge's resource, as the policy sees it (id null: one about to be recorded). */
    public static Resource asResource(Inspection inspection, String challengeId) {
        return Resource.challenge(challengeId, inspection.leadInspectorate(), inspection.participants(),
                inspection.localAuthorityAreaId());
    }

    public Challenge record(Subject subject, String inspectionId, ChallengeDraft draft) {
        return unitOfWork.inOne(() -> recordInUnit(subject, inspectionId, draft));
    }

    private Challenge recordInUnit(Subject subject, String inspectionId, ChallengeDraft draft) {
        Instant now = gate.clock().instant();
        Act act = Act.of(AuditActions.CHALLENGE_RECORD, "INSPECTION", inspectionId);
        Inspection inspection = gate.admit(subject, Action.VIEW_METADATA, act, inspections.find(inspectionId),
                Inspection::asResource);
        gate.require(subject, Action.UPLOAD, asResource(inspection, null), act);
        Challenge challenge;
        try {
            challenge = checked(subject, inspection, draft, now);
        } catch (InvalidInput invalid) {
            gate.record(subject, act, Outcome.REFUSED, "invalid: "
                    + invalid.errors().stream().map(FieldError::field).toList());
            throw invalid;
        }
        challenges.add(challenge);
        gate.record(subject, Act.of(AuditActions.CHALLENGE_RECORD, "CHALLENGE", challenge.id()), Outcome.SUCCEEDED,
                "inspection=" + inspectionId + " kind=" + challenge.kind() + " received=" + challenge.receivedAt()
                        + (challenge.late() ? " late (" + WITHIN_TEN_WORKING_DAYS + ")" : ""));
        List<Recipients> otherLeads = inspection.leadInspectors().entrySet().stream()
                .filter(lead -> lead.getKey() != inspection.leadInspectorate())
                .sorted(Map.Entry.comparingByKey())
                .map(lead -> Recipients.person(lead.getValue())).toList();
        if (!otherLeads.isEmpty()) {
            notices.enqueue(new Notice(NoticeKind.CHALLENGE_RECORDED, otherLeads, "Challenge or complaint",
                    linkTo(inspectionId)));
        }
        return challenge;
    }

    public Challenge acknowledge(Subject subject, String inspectionId, String challengeId, OffsetDateTime at) {
        return unitOfWork.inOne(() -> acknowledgeInUnit(subject, inspectionId, challengeId, at));
    }

    private Challenge acknowledgeInUnit(Subject subject, String inspectionId, String challengeId, OffsetDateTime at) {
        Instant now = gate.clock().instant();
        Act act = Act.of(AuditActions.CHALLENGE_ACKNOWLEDGE, "CHALLENGE", challengeId);
        Challenge challenge = admitted(subject, Action.CHANGE, act, inspectionId, challengeId);
        Instant when = notLater(at, now, "acknowledgedAt", act, subject, challenge);
        if (!challenge.awaitingAcknowledgement() || !challenges.acknowledge(challengeId, when, subject.userId())) {
            gate.record(subject, act, Outcome.REFUSED, ACKNOWLEDGED_ONCE);
            throw new Conflict("The challenge has been acknowledged or answered already", ACKNOWLEDGED_ONCE);
        }
        gate.record(subject, act, Outcome.SUCCEEDED, "at=" + when + (when.isAfter(challenge.acknowledgeBy())
                ? " after the deadline " + challenge.acknowledgeBy() : ""));
        return challenge.acknowledged(when, subject.userId());
    }

    public Challenge respond(Subject subject, String inspectionId, String challengeId, OffsetDateTime at,
                             String response) {
        return unitOfWork.inOne(() -> respondInUnit(subject, inspectionId, challengeId, at, response));
    }

    private Challenge respondInUnit(Subject subject, String inspectionId, String challengeId, OffsetDateTime at,
                             String response) {
        Instant now = gate.clock().instant();
        Act act = Act.of(AuditActions.CHALLENGE_RESPOND, "CHALLENGE", challengeId);
        Challenge challenge = admitted(subject, Action.CHANGE, act, inspectionId, challengeId);
        List<FieldError> errors = new ArrayList<>();
        String text = TextFields.required(response, "response", "Enter a summary of the response sent", MAX_TEXT,
                errors);
        Instant when = at == null ? now : at.toInstant();
        if (when.isAfter(now) || when.isBefore(challenge.receivedAt())) {
            errors.add(new FieldError("respondedAt", "The response was sent after the challenge was received and"
                    + " not later than now"));
        }
        if (!errors.isEmpty()) {
            gate.record(subject, act, Outcome.REFUSED, "invalid: " + errors.stream().map(FieldError::field).toList());
            throw new InvalidInput(errors);
        }
        if (challenge.answered() || !challenges.respond(challengeId, when, subject.userId(), text)) {
            gate.record(subject, act, Outcome.REFUSED, ANSWERED_ONCE);
            throw new Conflict("The response to this challenge has been recorded already", ANSWERED_ONCE);
        }
        gate.record(subject, act, Outcome.SUCCEEDED, "at=" + when + (when.isAfter(challenge.respondBy())
                ? " after the deadline " + challenge.respondBy() : ""));
        return challenge.answered(when, subject.userId(), text);
    }

    /** The inspection's challenges the subject may see (participating inspection staff); 404 unless they may see it. */
    public List<Challenge> ofInspection(Subject subject, String inspectionId) {
        Act act = Act.of(AuditActions.CHALLENGE_VIEW, "INSPECTION", inspectionId);
        Inspection inspection = gate.admit(subject, Action.VIEW_METADATA, act, inspections.find(inspectionId),
                Inspection::asResource);
        List<Challenge> visible = gate.visible(subject, challenges.ofInspection(inspectionId),
                challenge -> asResource(inspection, challenge.id()));
        gate.record(subject, act, Outcome.SUCCEEDED, "count=" + visible.size());
        return visible;
    }

    /** Whether the subject may record, acknowledge and answer the inspection's challenges (for offering the forms). */
    public boolean mayRecord(Subject subject, Inspection inspection) {
        return gate.permits(subject, Action.UPLOAD, asResource(inspection, null));
    }

    /**
     * The unanswered challenges the subject may record answers for, next deadline first (the /due page of the lead
     * inspectorate's staff).
     */
    public List<Challenge> dueFor(Subject subject) {
        Map<String, Inspection> byId = inspections.all().stream()
                .collect(Collectors.toMap(Inspection::id, Function.identity()));
        List<Challenge> due = challenges.unanswered().stream()
                .filter(challenge -> byId.containsKey(challenge.inspectionId()))
                .filter(challenge -> gate.permits(subject, Action.CHANGE,
                        asResource(byId.get(challenge.inspectionId()), challenge.id())))
                .sorted(Comparator.comparing(Challenge::nextDeadline))
                .toList();
        gate.record(subject, Act.of(AuditActions.CHALLENGE_VIEW, "CHALLENGE", null), Outcome.SUCCEEDED,
                "due count=" + due.size());
        return due;
    }

    /** The portal path of an inspection's page of what follows publication. */
    public static String linkTo(String inspectionId) {
        return "/inspections/" + inspectionId + "/after-publication";
    }

    private Challenge admitted(Subject subject, Action action, Act act, String inspectionId, String challengeId) {
        Optional<Inspection> inspection = inspections.find(inspectionId);
        return gate.admit(subject, action, act,
                inspection.flatMap(found -> challenges.find(found.id(), challengeId)),
                found -> asResource(inspection.orElseThrow(), found.id()));
    }

    private Instant notLater(OffsetDateTime at, Instant now, String field, Act act, Subject subject,
                             Challenge challenge) {
        Instant when = at == null ? now : at.toInstant();
        if (when.isAfter(now) || when.isBefore(challenge.receivedAt())) {
            gate.record(subject, act, Outcome.REFUSED, "invalid: [" + field + "]");
            throw InvalidInput.of(field, "Enter a time after the challenge was received and not later than now");
        }
        return when;
    }

    private Challenge checked(Subject subject, Inspection inspection, ChallengeDraft draft, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Challenge.Kind kind = null;
        try {
            kind = Challenge.Kind.valueOf(draft.kind() == null ? "" : draft.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", "Select whether it is about the inspection's process or outcome, or"
                    + " about an inspector's conduct"));
        }
        String complainant = TextFields.required(draft.complainant(), "complainant", "Enter who raised it", MAX_NAME,
                errors);
        String summary = TextFields.required(draft.summary(), "summary",
                "Enter what the challenge or complaint is about", MAX_TEXT, errors);
        Instant received = draft.receivedAt() == null ? now : draft.receivedAt().toInstant();
        if (received.isAfter(now)) {
            errors.add(new FieldError("receivedAt", "The time it was received must be now or in the past"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        boolean late = deadlines.publishedBy(inspection.id(), now)
                .map(published -> received.isAfter(deadlines.challengesClose(published))).orElse(false);
        return new Challenge(Ids.newId(), inspection.id(), kind, complainant, summary, received,
                deadlines.acknowledgeBy(received), deadlines.respondBy(received), late, subject.userId(), now,
                null, null, null, null, null);
    }

    /** The lead inspectorate's named lead inspector, or its lead inspectors, who owe a challenge's answers. */
    static Recipients owedBy(Inspection inspection) {
        Inspectorate lead = inspection.leadInspectorate();
        String named = inspection.leadInspectors().get(lead);
        return named != null ? Recipients.person(named)
                : Recipients.withRoles(lead.organisationId(), Role.LEAD_INSPECTOR);
    }
}
