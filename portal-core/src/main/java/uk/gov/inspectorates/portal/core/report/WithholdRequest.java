package uk.gov.inspectorates.portal.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * An application to withhold or withdraw publication (JTAI Annex D): made with a formal complaint, setting out the
 * exceptional circumstances; by nature urgent, so a response is due within 48 hours of receipt. The originator
 * records it, the views of the other parties' lead inspectors ({@link AnnexDConsultation}) and its decision; the
 * report's addressees see all three.
 */
public record WithholdRequest(String id, String reportId, Kind kind, String applicant,
                              String exceptionalCircumstances, String complaintReference, Instant receivedAt,
                              String recordedBy, Instant recordedAt, Decision decision,
                              List<PartyView> views) {

    public static final Duration RESPONSE_DUE_WITHIN = Duration.ofHours(48);

    public enum Kind { WITHHOLD, WITHDRAW }

    public enum Outcome { GRANTED, REFUSED }

    public record Decision(Outcome outcome, String reason, String decidedBy, Instant decidedAt) {
        public Decision {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public WithholdRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(exceptionalCircumstances, "exceptionalCircumstances");
        Objects.requireNonNull(receivedAt, "receivedAt");
        views = views == null ? List.of() : List.copyOf(views);
    }

    /** A request with no views recorded yet. */
    public WithholdRequest(String id, String reportId, Kind kind, String applicant, String exceptionalCircumstances,
                           String complaintReference, Instant receivedAt, String recordedBy, Instant recordedAt,
                           Decision decision) {
        this(id, reportId, kind, applicant, exceptionalCircumstances, complaintReference, receivedAt, recordedBy,
                recordedAt, decision, List.of());
    }

    /** The view recorded for the party, if any. */
    public Optional<PartyView> viewOf(Inspectorate party) {
        return views.stream().filter(view -> view.party() == party).findFirst();
    }

    public WithholdRequest withView(PartyView view) {
        List<PartyView> more = new ArrayList<>(views);
        more.add(view);
        return new WithholdRequest(id, reportId, kind, applicant, exceptionalCircumstances, complaintReference,
                receivedAt, recordedBy, recordedAt, decision, more);
    }

    public Instant respondBy() {
        return receivedAt.plus(RESPONSE_DUE_WITHIN);
    }

    public WithholdRequest decided(Decision decision) {
        return new WithholdRequest(id, reportId, kind, applicant, exceptionalCircumstances, complaintReference,
                receivedAt, recordedBy, recordedAt, decision, views);
    }
}
