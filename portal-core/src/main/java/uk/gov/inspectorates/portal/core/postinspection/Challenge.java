package uk.gov.inspectorates.portal.core.postinspection;

import java.time.Instant;
import java.util.Objects;

/**
 * A formal challenge or complaint about a joint inspection (JTAI Annex D), recorded by the lead inspectorate, which
 * coordinates the investigation: raised within 10 working days of publication (a later one is recorded as late: "not
 * usually considered"), acknowledged within 5 working days of receipt and answered within 30.
 */
public record Challenge(String id, String inspectionId, Kind kind, String complainant, String summary,
                        Instant receivedAt, Instant acknowledgeBy, Instant respondBy, boolean late, String recordedBy,
                        Instant recordedAt, Instant acknowledgedAt, String acknowledgedBy, Instant respondedAt,
                        String respondedBy, String responseSummary) {

    /** Annex D: the process or outcome (Ofsted coordinates), or an inspector's conduct (their inspectorate). */
    public enum Kind { PROCESS_OR_OUTCOME, INSPECTOR_CONDUCT }

    public Challenge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(inspectionId, "inspectionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(complainant, "complainant");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(acknowledgeBy, "acknowledgeBy");
        Objects.requireNonNull(respondBy, "respondBy");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    public boolean answered() {
        return respondedAt != null;
    }

    /** Still to acknowledge: neither acknowledged nor answered (an answer acknowledges too). */
    public boolean awaitingAcknowledgement() {
        return acknowledgedAt == null && respondedAt == null;
    }

    /** The next deadline of the challenge, if it has one left: acknowledgement first, then the response. */
    public Instant nextDeadline() {
        if (awaitingAcknowledgement()) {
            return acknowledgeBy;
        }
        return answered() ? null : respondBy;
    }

    public boolean overdueAt(Instant now) {
        Instant next = nextDeadline();
        return next != null && now.isAfter(next);
    }

    public Challenge acknowledged(Instant at, String by) {
        return new Challenge(id, inspectionId, kind, complainant, summary, receivedAt, acknowledgeBy, respondBy, late,
                recordedBy, recordedAt, at, by, respondedAt, respondedBy, responseSummary);
    }

    public Challenge answered(Instant at, String by, String response) {
        return new Challenge(id, inspectionId, kind, complainant, summary, receivedAt, acknowledgeBy, respondBy, late,
                recordedBy, recordedAt, acknowledgedAt, acknowledgedBy, at, by, response);
    }
}
