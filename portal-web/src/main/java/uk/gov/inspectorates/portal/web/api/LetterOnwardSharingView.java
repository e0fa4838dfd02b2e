package uk.gov.inspectorates.portal.web.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import uk.gov.inspectorates.portal.core.letter.LetterOnwardSharing;

/** A letter's onward-sharing record as the API shows it (the same fields as a report's, with the letter's id). */
public record LetterOnwardSharingView(String id, String letterId, String basis, String recipient, String evidence,
                                      String requestingParty, OffsetDateTime requestedAt, String status,
                                      boolean basisHolds, OffsetDateTime decidedAt, String decisionNote) {

    static LetterOnwardSharingView of(LetterOnwardSharing sharing) {
        return new LetterOnwardSharingView(sharing.id(), sharing.letterId(), sharing.basis().name(),
                sharing.recipient(), sharing.evidence(), sharing.requestingParty().name(),
                Views.utc(sharing.requestedAt()), sharing.status().name(), sharing.basisHolds(),
                Views.utc(sharing.decidedAt()), sharing.decisionNote());
    }

    /** JSON true or false only; anything else is no answer. */
    static Boolean granted(JsonObject body) {
        JsonValue granted = body.get("granted");
        return granted == JsonValue.TRUE ? Boolean.TRUE : granted == JsonValue.FALSE ? Boolean.FALSE : null;
    }
}
